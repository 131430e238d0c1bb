// The account page's API: own login facts, and switching two-step login (TOTP) on and off
// safely. A session alone (e.g. a stolen one) must not be able to switch the second factor off
// or replace it; turning it on or off needs the password and a code.
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/server/auth/local-login.ts";
import { createTestApp, type TestApp, type TestClient } from "../support/app.ts";
import { personWithRole } from "../support/people.ts";

const PASSWORD = "a long and secret password";
let t: TestApp;
let teacher: string; // local account, TOTP turned on and off in the tests below
let counsellor: string; // local account, never turns TOTP on
let pupil: string; // demo person without a local account (like a Feide user)

beforeAll(async () => {
  t = await createTestApp();
  teacher = await personWithRole(t.database.db, "subjectTeacher");
  counsellor = await personWithRole(t.database.db, "counsellor");
  pupil = await personWithRole(t.database.db, "pupil");
  for (const [personId, username] of [
    [teacher, "laerer"],
    [counsellor, "radgiver"],
  ] as const) {
    await t.database.db
      .insertInto("local_account")
      .values({ person_id: personId, username, password_hash: await hashPassword(PASSWORD) })
      .execute();
  }
});
afterAll(() => t.close());

// Each request from its own address, so the per-address rate limits of login and
// re-authentication do not answer before the rule under test.
let address = 0;
function post(c: TestClient, url: string, payload: unknown = {}) {
  address += 1;
  return c.request({
    method: "POST",
    url,
    payload: payload as object,
    remoteAddress: `10.1.${Math.floor(address / 250)}.${(address % 250) + 1}`,
  });
}

function totpOf(secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
}

const codeAt = (totp: OTPAuth.TOTP, at: Date) => totp.generate({ timestamp: at.getTime() });

function advance(seconds: number): void {
  t.now.value = new Date(t.now.value.getTime() + seconds * 1000);
}

async function account(personId: string) {
  return t.database.db
    .selectFrom("local_account")
    .select(["totp_secret", "totp_enabled", "totp_last_step", "failed_attempts"])
    .where("person_id", "=", personId)
    .executeTakeFirstOrThrow();
}

async function auditCount(action: string, personId: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom("audit_log")
    .select("seq")
    .where("action", "=", action)
    .where("actor_id", "=", personId)
    .execute();
  return rows.length;
}

/** Logs in with password and code; returns the final status (200 = logged in). */
async function loginWithCode(username: string, code: string): Promise<number> {
  const step1 = await post(t.anonymous, "/api/auth/login", { username, password: PASSWORD });
  expect(step1.json()).toMatchObject({ totpRequired: true });
  const step2 = await post(t.anonymous, "/api/auth/totp", { flowId: step1.json().flowId, code });
  return step2.statusCode;
}

describe("anonymous", () => {
  it("may not read or change an account", async () => {
    expect((await t.anonymous.get("/api/account")).statusCode).toBe(401);
    for (const url of ["setup", "enable", "disable"]) {
      const res = await post(t.anonymous, `/api/account/totp/${url}`, {
        setupId: "x".repeat(20),
        code: "123456",
        password: PASSWORD,
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe("auth.required");
    }
  });
});

describe("GET /api/account", () => {
  it("describes the person's own login", async () => {
    const c = await t.as(counsellor);
    const res = await c.get("/api/account");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      username: "radgiver",
      authMethod: "test",
      totpEnabled: false,
      hasLocalAccount: true,
    });
  });

  it("says so when the person has no local account", async () => {
    const c = await t.as(pupil);
    expect((await c.get("/api/account")).json()).toEqual({
      username: null,
      authMethod: "test",
      totpEnabled: false,
      hasLocalAccount: false,
    });
  });
});

describe("a person without a local account", () => {
  it("gets a clear answer instead of a set-up", async () => {
    const c = await t.as(pupil);
    const setup = await post(c, "/api/account/totp/setup");
    expect(setup.statusCode).toBe(409);
    expect(setup.json()).toMatchObject({ code: "account.noLocalAccount" });
    expect(setup.json().message).toMatch(/Feide/);
    const disable = await post(c, "/api/account/totp/disable", {
      password: PASSWORD,
      code: "123456",
    });
    expect(disable.statusCode).toBe(409);
    expect(disable.json().code).toBe("account.noLocalAccount");
  });
});

describe("turning two-step login on", () => {
  it("set-up alone changes nothing on the account", async () => {
    const c = await t.as(counsellor);
    const before = await account(counsellor);
    const res = await post(c, "/api/account/totp/setup");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.setupId).toEqual(expect.any(String));
    expect(body.secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(body.uri).toMatch(/^otpauth:\/\/totp\/Trygg:radgiver\?/);
    expect(body.uri).toContain("issuer=Trygg");
    expect(body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(await account(counsellor)).toEqual(before);

    // A second set-up replaces the first: only the newest can be finished.
    const second = (await post(c, "/api/account/totp/setup")).json();
    const stale = await post(c, "/api/account/totp/enable", {
      setupId: body.setupId,
      code: codeAt(totpOf(body.secret), t.now.value),
      password: PASSWORD,
    });
    expect(stale.statusCode).toBe(404);
    const pending = await t.database.db
      .selectFrom("login_flow")
      .select("id")
      .where("kind", "=", "totpSetup")
      .execute();
    expect(pending.map((p) => p.id)).toContain(second.setupId);
    expect(pending.map((p) => p.id)).not.toContain(body.setupId);
  });

  it("needs the password and a code from the new secret; wrong ones change nothing", async () => {
    const c = await t.as(teacher);
    const setup = (await post(c, "/api/account/totp/setup")).json();
    const totp = totpOf(setup.secret);
    const before = await account(teacher);

    const missing = await post(c, "/api/account/totp/enable", {
      setupId: setup.setupId,
      code: codeAt(totp, t.now.value),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe("validation.failed");
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toEqual(["password"]);

    const wrongPassword = await post(c, "/api/account/totp/enable", {
      setupId: setup.setupId,
      code: codeAt(totp, t.now.value),
      password: "not the password",
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json()).toMatchObject({
      code: "account.passwordWrong",
      message: "Passordet er feil.",
    });

    const wrongCode = await c.request({
      method: "POST",
      url: "/api/account/totp/enable",
      payload: { setupId: setup.setupId, code: "000000", password: PASSWORD },
      headers: { "accept-language": "en" },
      remoteAddress: "10.2.0.1",
    });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json()).toMatchObject({
      code: "auth.totpInvalid",
      message: "The one-time code is wrong or has expired.",
    });
    // The failed password counted like a failed login; the right one reset the count.
    expect(await account(teacher)).toEqual({ ...before, failed_attempts: 0 });
    expect(await auditCount("account.totpEnabled", teacher)).toBe(0);

    const code = codeAt(totp, t.now.value);
    const ok = await post(c, "/api/account/totp/enable", {
      setupId: setup.setupId,
      code,
      password: PASSWORD,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, totpEnabled: true });
    const after = await account(teacher);
    expect(after).toMatchObject({ totp_secret: setup.secret, totp_enabled: true });
    expect(after.totp_last_step).not.toBeNull();
    expect(await auditCount("account.totpEnabled", teacher)).toBe(1);
    expect((await c.get("/api/account")).json().totpEnabled).toBe(true);

    // The set-up is used up.
    const again = await post(c, "/api/account/totp/enable", {
      setupId: setup.setupId,
      code,
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(404);

    // The code that switched TOTP on cannot be replayed at login; the next one works.
    expect(await loginWithCode("laerer", code)).toBe(401);
    advance(30);
    expect(await loginWithCode("laerer", codeAt(totp, t.now.value))).toBe(200);
  });

  it("a session alone cannot switch the second factor off or replace it (the old attack)", async () => {
    // The teacher's TOTP is on (previous test). A stolen session calls set-up and stops.
    const stolen = await t.as(teacher);
    const before = await account(teacher);
    const setup = await post(stolen, "/api/account/totp/setup");
    expect(setup.statusCode).toBe(409);
    expect(setup.json().code).toBe("account.totpAlreadyEnabled");
    expect(await account(teacher)).toEqual(before);
    // Login still asks for the code.
    const step1 = await post(t.anonymous, "/api/auth/login", {
      username: "laerer",
      password: PASSWORD,
    });
    expect(step1.json()).toMatchObject({ totpRequired: true });
  });

  it("refuses someone else's set-up and an expired one with 404", async () => {
    const owner = await t.as(counsellor);
    const setup = (await post(owner, "/api/account/totp/setup")).json();
    const totp = totpOf(setup.secret);

    // The teacher (another local account) holds the counsellor's set-up id and password.
    const other = await t.as(teacher);
    const foreign = await post(other, "/api/account/totp/enable", {
      setupId: setup.setupId,
      code: codeAt(totp, t.now.value),
      password: PASSWORD,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe("account.totpSetupExpired");

    const unknown = await post(owner, "/api/account/totp/enable", {
      setupId: "no-such-setup-id-at-all",
      code: codeAt(totp, t.now.value),
      password: PASSWORD,
    });
    expect(unknown.statusCode).toBe(404);

    advance(11 * 60);
    const expired = await post(owner, "/api/account/totp/enable", {
      setupId: setup.setupId,
      code: codeAt(totp, t.now.value),
      password: PASSWORD,
    });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().code).toBe("account.totpSetupExpired");
    expect(await account(counsellor)).toMatchObject({ totp_enabled: false, totp_secret: null });
  });
});

describe("turning two-step login off", () => {
  it("needs the password and a fresh code from the active secret", async () => {
    const c = await t.as(teacher);
    const { totp_secret: secret } = await account(teacher);
    const totp = totpOf(secret as string);

    const wrongPassword = await post(c, "/api/account/totp/disable", {
      password: "guess",
      code: codeAt(totp, t.now.value),
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().code).toBe("account.passwordWrong");

    const wrongCode = await post(c, "/api/account/totp/disable", {
      password: PASSWORD,
      code: "000000",
    });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().code).toBe("auth.totpInvalid");
    expect((await account(teacher)).totp_enabled).toBe(true);

    // A code already used at login is a replay.
    const used = codeAt(totp, t.now.value);
    expect(await loginWithCode("laerer", used)).toBe(200);
    const replay = await post(c, "/api/account/totp/disable", { password: PASSWORD, code: used });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe("auth.totpInvalid");
    expect(await auditCount("account.totpDisabled", teacher)).toBe(0);

    advance(30);
    const ok = await post(c, "/api/account/totp/disable", {
      password: PASSWORD,
      code: codeAt(totp, t.now.value),
    });
    expect(ok.statusCode).toBe(200);
    expect(await account(teacher)).toMatchObject({ totp_enabled: false, totp_secret: null });
    expect(await auditCount("account.totpDisabled", teacher)).toBe(1);

    const login = await post(t.anonymous, "/api/auth/login", {
      username: "laerer",
      password: PASSWORD,
    });
    expect(login.json()).toEqual({ ok: true });
  });

  it("answers 409 when it is not on", async () => {
    const c = await t.as(counsellor);
    const res = await post(c, "/api/account/totp/disable", { password: PASSWORD, code: "123456" });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("account.totpNotEnabled");
  });
});
