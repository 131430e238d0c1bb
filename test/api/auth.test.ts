// Sessions, CSRF, demo login, local accounts with TOTP, logout everywhere.
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/server/auth/local-login.ts";
import { SESSION_COOKIE } from "../../src/server/platform/http/session.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { personWithRole } from "../support/people.ts";

let t: TestApp;
let principal: string;
beforeAll(async () => {
  t = await createTestApp();
  principal = await personWithRole(t.database.db, "principal");
  await t.database.db
    .insertInto("local_account")
    .values({
      person_id: principal,
      username: "rektor",
      password_hash: await hashPassword("correct horse battery"),
    })
    .execute();
});
afterAll(() => t.close());

function cookieFrom(res: { cookies: { name: string; value: string }[] }): string | undefined {
  return res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

describe("GET /api/session", () => {
  it("says not authenticated without a cookie", async () => {
    const res = await t.anonymous.get("/api/session");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ authenticated: false, demo: true });
  });

  it("describes the logged-in person, roles and schools", async () => {
    const c = await t.as(principal);
    const body = (await c.get("/api/session")).json();
    expect(body.authenticated).toBe(true);
    expect(body.person.id).toBe(principal);
    expect(body.grants.some((g: { role: string }) => g.role === "principal")).toBe(true);
    expect(body.schools.length).toBeGreaterThan(0);
    expect(typeof body.csrfToken).toBe("string");
  });
});

describe("local login", () => {
  it("refuses a wrong password with a translated message and no cookie", async () => {
    const res = await t.anonymous.post("/api/auth/login", {
      username: "rektor",
      password: "wrong",
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: "auth.invalidCredentials",
      message: "Feil brukernavn eller passord.",
    });
    expect(cookieFrom(res)).toBeUndefined();
  });

  it("answers in English when asked", async () => {
    const res = await t.anonymous.request({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "rektor", password: "wrong" },
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect(res.json().message).toBe("Wrong username or password.");
  });

  it("rejects malformed input with field errors", async () => {
    const res = await t.anonymous.post("/api/auth/login", { username: "" });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("validation.failed");
    expect(
      res
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["password", "username"]);
  });

  it("logs in with the right password and sets an httpOnly SameSite cookie", async () => {
    const res = await t.anonymous.post("/api/auth/login", {
      username: "Rektor",
      password: "correct horse battery",
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });

  it("requires a TOTP code once the second factor is enabled", async () => {
    const c = await t.as(principal);
    const setup = (await c.post("/api/account/totp/setup")).json();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) });
    const enable = await c.post("/api/account/totp/enable", {
      setupId: setup.setupId,
      code: totp.generate({ timestamp: t.now.value.getTime() }),
      password: "correct horse battery",
    });
    expect(enable.statusCode).toBe(200);
    // The code that switched TOTP on is spent: log in with the next one.
    t.now.value = new Date(t.now.value.getTime() + 30_000);

    const step1 = await t.anonymous.post("/api/auth/login", {
      username: "rektor",
      password: "correct horse battery",
    });
    expect(step1.json()).toMatchObject({ totpRequired: true });
    expect(cookieFrom(step1)).toBeUndefined();

    const bad = await t.anonymous.post("/api/auth/totp", {
      flowId: step1.json().flowId,
      code: "000000",
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe("auth.totpInvalid");

    const good = await t.anonymous.post("/api/auth/totp", {
      flowId: step1.json().flowId,
      code: totp.generate({ timestamp: t.now.value.getTime() }),
    });
    expect(good.statusCode).toBe(200);
    expect(cookieFrom(good)).toBeDefined();

    // The same code cannot be used again, even within its time window.
    const step2 = await t.anonymous.post("/api/auth/login", {
      username: "rektor",
      password: "correct horse battery",
    });
    const replay = await t.anonymous.post("/api/auth/totp", {
      flowId: step2.json().flowId,
      code: totp.generate({ timestamp: t.now.value.getTime() }),
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("auth.totpInvalid");
  });

  it("locks the account after repeated failures", async () => {
    const pupil = await personWithRole(t.database.db, "pupil");
    await t.database.db
      .insertInto("local_account")
      .values({
        person_id: pupil,
        username: "elev1",
        password_hash: await hashPassword("another long password"),
      })
      .execute();
    // From another address than the tests above, so the per-address rate limit does not answer first.
    const login = (password: string) =>
      t.anonymous.request({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "elev1", password },
        remoteAddress: "10.9.8.7",
      });
    for (let i = 0; i < 5; i++) await login(`nope-${i}`);
    const res = await login("another long password");
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe("auth.locked");
  });
});

describe("CSRF", () => {
  it("refuses a state-changing request without the session's token", async () => {
    const c = await t.as(principal);
    const res = await c.request({
      method: "POST",
      url: "/api/auth/logout-all",
      headers: { "x-csrf-token": "forged" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf.invalid");
  });

  it("refuses an anonymous POST without the header", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "a", password: "b" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf.invalid");
  });
});

describe("sessions", () => {
  it("expire after the idle timeout", async () => {
    const c = await t.as(principal);
    expect((await c.get("/api/session")).json().authenticated).toBe(true);
    const start = t.now.value;
    t.now.value = new Date(start.getTime() + (t.config.session.idleMinutes + 1) * 60_000);
    try {
      expect((await c.get("/api/session")).json().authenticated).toBe(false);
    } finally {
      t.now.value = start;
    }
  });

  it("logout everywhere ends every session of the person", async () => {
    const a = await t.as(principal);
    const b = await t.as(principal);
    expect((await a.post("/api/auth/logout-all")).statusCode).toBe(200);
    expect((await b.get("/api/session")).json().authenticated).toBe(false);
  });

  it("logout writes an audit entry", async () => {
    const c = await t.as(principal);
    await c.post("/api/auth/logout");
    const row = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("action", "=", "auth.logout")
      .executeTakeFirst();
    expect(row?.actor_id).toBe(principal);
  });

  it("a person cannot switch to a school where they hold no role", async () => {
    const c = await t.as(principal);
    const other = await t.database.db.selectFrom("school").select("id").execute();
    const mine = (await c.get("/api/session")).json().schools.map((s: { id: string }) => s.id);
    const foreign = other.find((s) => !mine.includes(s.id));
    expect(foreign).toBeDefined();
    const res = await c.post("/api/session/school", { schoolId: foreign?.id });
    expect(res.statusCode).toBe(403);
  });
});

describe("demo login", () => {
  it("lists demo people and logs in as one in demo mode", async () => {
    const list = await t.anonymous.get("/api/auth/demo-people");
    expect(list.statusCode).toBe(200);
    const person = list.json().people[0];
    const res = await t.anonymous.post("/api/auth/demo-login", { personId: person.personId });
    expect(res.statusCode).toBe(200);
    expect(cookieFrom(res)).toBeDefined();
  });
});
