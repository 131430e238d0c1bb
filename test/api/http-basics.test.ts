// Health checks, security headers, request ids, and clear answers to malformed requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ MAX_UPLOAD_MB: "1" });
});
afterAll(() => t.close());

describe("health", () => {
  it("/healthz answers without a database round trip", async () => {
    const res = await t.anonymous.get("/healthz");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("/readyz checks the database", async () => {
    const res = await t.anonymous.get("/readyz");
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("ready");
  });
});

describe("every response", () => {
  it("carries a request id and security headers", async () => {
    const res = await t.anonymous.get("/api/session");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("no-store");
  });
});

describe("malformed requests change nothing and get a translated answer", () => {
  it("invalid JSON", async () => {
    const res = await t.anonymous.request({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "body.invalidJson",
      message: "Forespørselen er ikke gyldig JSON.",
    });
  });

  it("an oversized body", async () => {
    const res = await t.anonymous.request({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json", "accept-language": "nn" },
      payload: JSON.stringify({ username: "x".repeat(2 * 1024 * 1024), password: "y" }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: "body.tooLarge",
      message: "Fila eller førespurnaden er for stor.",
    });
  });

  it("an unknown API route answers JSON 404", async () => {
    const res = await t.anonymous.get("/api/no-such-thing");
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("notFound");
  });
});
