// Every /api route must declare its access, and every non-public one must refuse an
// anonymous caller: the policy gate is the only way in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PUBLIC_ROUTES = new Set([
  "GET /healthz",
  "GET /readyz",
  "GET /api/session",
  "GET /api/auth/demo-people",
  "POST /api/auth/demo-login",
  "POST /api/auth/login",
  "POST /api/auth/totp",
  "POST /api/auth/logout",
  "GET /api/auth/oidc/:provider/start",
  "GET /api/auth/oidc/:provider/callback",
  "GET /api/public/*",
  // The published action plan: an embeddable page and a PDF for school websites.
  "GET /public/schools/:schoolId/plan",
  "GET /public/schools/:schoolId/plan.pdf",
]);

describe("route registry", () => {
  it("has routes", () => {
    expect(t.app.registeredRoutes.length).toBeGreaterThan(5);
  });

  it("every /api route declares an access rule", () => {
    const missing = t.app.registeredRoutes.filter((r) => r.url.startsWith("/api") && !r.access);
    expect(missing).toEqual([]);
  });

  it("only the known routes are public", () => {
    const publicOnes = t.app.registeredRoutes
      .filter((r) => r.access && "public" in r.access && r.url !== "/*")
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !PUBLIC_ROUTES.has(r) && !r.includes("/api/public/"));
    expect(publicOnes).toEqual([]);
  });

  it("every non-public /api route refuses an anonymous caller with 401", async () => {
    const guarded = t.app.registeredRoutes.filter(
      (r) => r.url.startsWith("/api") && r.access && !("public" in r.access),
    );
    for (const r of guarded) {
      const url = r.url
        .replace(/:[a-zA-Z]+/g, "00000000-0000-4000-8000-000000000000")
        .replace("*", "x");
      const res = await t.anonymous.request({
        method: r.method as "GET",
        url,
        payload: r.method === "GET" ? undefined : {},
      });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
      });
    }
  });
});
