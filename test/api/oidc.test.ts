// OpenID Connect login end to end: a real oidc-provider on 127.0.0.1, Trygg listening on a
// real port, a fetch-based browser that carries cookies and follows redirects by hand.
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ninHash } from "../../src/server/auth/oidc/idporten.ts";
import { FLOW_COOKIE } from "../../src/server/auth/oidc/routes.ts";
import { openToken } from "../../src/server/auth/oidc/sealed-token.ts";
import { createSession, SESSION_COOKIE } from "../../src/server/platform/http/session.ts";
import { resolveSecret } from "../../src/server/platform/secret.ts";
import { createTestApp } from "../support/app.ts";
import {
  Browser,
  createListeningTestApp,
  type ListeningTestApp,
  redirectTarget,
  startTestIdp,
  type TestIdp,
} from "../support/oidc-provider.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

const REALM = "oidc-test.feide.example";
const TEACHER_FEIDE = `oidc.teacher@${REALM}`;
const PUPIL_FEIDE = `oidc.pupil@${REALM}`;
const STRANGER_FEIDE = `not.in.trygg@${REALM}`;
// Synthetic: month + 80 is the convention for synthetic Norwegian identity numbers.
const GUARDIAN_PID = "01817512345";
const STRANGER_PID = "02817512346";

let idp: TestIdp;
let t: ListeningTestApp;
let secret: string;
let teacherId: string;
let pupilId: string;
let guardianId: string;
let schoolOrg: string;
let classGroup: { id: string; externalId: string };
let teachingGroup: { id: string; externalId: string };
let staleGroup: { id: string; externalId: string };

const feideId = (type: "b" | "u", code: string) =>
  `fc:gogroup:${REALM}:${type}:NO${schoolOrg}:${code}:2026-08-01:2027-06-30`;

const feideClaims = (name: string) => ({
  name: "Synthetic Person",
  "https://n.feide.no/claims/eduPersonPrincipalName": name,
  "https://n.feide.no/claims/userid_sec": [`feide:${name}`],
});

function feideGroups(opts: { affiliation: "faculty" | "student"; unknownGroup?: boolean }) {
  const school = `fc:org:${REALM}:unit:NO${schoolOrg}`;
  const membership = (affiliation: string) => ({ basic: "member", affiliation });
  return [
    {
      id: school,
      type: "fc:org",
      displayName: "Synthetic school",
      norEduOrgNIN: `NO${schoolOrg}`,
      membership: { basic: "member", affiliation: [opts.affiliation, "member"] },
    },
    {
      id: classGroup.externalId,
      type: "fc:gogroup",
      go_type: "b",
      parent: school,
      displayName: "Class",
      membership: membership(opts.affiliation),
    },
    {
      id: teachingGroup.externalId,
      type: "fc:gogroup",
      go_type: "u",
      parent: school,
      displayName: "Teaching group",
      membership: membership(opts.affiliation),
    },
    ...(opts.unknownGroup
      ? [
          {
            id: feideId("u", "not-in-trygg"),
            type: "fc:gogroup",
            go_type: "u",
            parent: school,
            displayName: "Unknown",
            membership: membership(opts.affiliation),
          },
        ]
      : []),
    { id: "fc:grep:aarstrinn", type: "fc:grep", code: "VG1", displayName: "Vg1" },
  ];
}

beforeAll(async () => {
  idp = await startTestIdp();
  t = await createListeningTestApp(idp.env(), { groupsTimeoutMs: 400 });
  idp.registerRelyingParty(t.url);
  secret = resolveSecret(t.config);
  const db = t.database.db;

  const { big } = await demoSchools(db);
  teacherId = await personWithRole(db, "contactTeacher", { schoolId: big.id });
  pupilId = await personWithRole(db, "pupil", { schoolId: big.id });
  guardianId = await personWithRole(db, "guardian", { schoolId: big.id });
  await db
    .updateTable("person")
    .set({ feide_id: TEACHER_FEIDE })
    .where("id", "=", teacherId)
    .execute();
  await db.updateTable("person").set({ feide_id: PUPIL_FEIDE }).where("id", "=", pupilId).execute();
  await db
    .updateTable("person")
    .set({ nin_hash: ninHash(secret, GUARDIAN_PID) })
    .where("id", "=", guardianId)
    .execute();

  const school = await db
    .selectFrom("school")
    .select("org_number")
    .where("id", "=", big.id)
    .executeTakeFirstOrThrow();
  schoolOrg = school.org_number ?? "";
  const groups = await db
    .selectFrom("study_group")
    .select(["id", "kind"])
    .where("school_id", "=", big.id)
    .orderBy("id")
    .execute();
  const pick = (kind: string, index: number) => {
    const g = groups.filter((x) => x.kind === kind)[index];
    if (!g) throw new Error(`no ${kind} group`);
    return g.id;
  };
  classGroup = { id: pick("class", 0), externalId: feideId("b", "1a") };
  teachingGroup = { id: pick("teachingGroup", 0), externalId: feideId("u", "mat1") };
  staleGroup = { id: pick("class", 1), externalId: feideId("b", "old") };
  for (const g of [classGroup, teachingGroup, staleGroup]) {
    await db
      .updateTable("study_group")
      .set({ external_id: g.externalId })
      .where("id", "=", g.id)
      .execute();
  }

  idp.accounts.set("teacher", {
    claims: feideClaims(TEACHER_FEIDE),
    groups: feideGroups({ affiliation: "faculty", unknownGroup: true }),
  });
  idp.accounts.set("pupil", {
    claims: feideClaims(PUPIL_FEIDE),
    groups: feideGroups({ affiliation: "student" }),
  });
  // Feide says student, but the Feide name is attached to a Trygg staff member.
  idp.accounts.set("student-on-staff", {
    claims: feideClaims(TEACHER_FEIDE),
    groups: feideGroups({ affiliation: "student" }),
  });
  idp.accounts.set("teacher-userinfo", {
    claims: feideClaims(TEACHER_FEIDE),
    groups: feideGroups({ affiliation: "faculty" }),
    userinfoOnly: true,
  });
  idp.accounts.set("stranger", { claims: feideClaims(STRANGER_FEIDE), groups: [] });
  idp.accounts.set("guardian", { claims: { pid: GUARDIAN_PID }, acr: "idporten-loa-high" });
  idp.accounts.set("guardian-low", {
    claims: { pid: GUARDIAN_PID },
    acr: "idporten-loa-substantial",
  });
  idp.accounts.set("stranger-pid", { claims: { pid: STRANGER_PID }, acr: "idporten-loa-high" });
});

afterAll(async () => {
  await t?.close();
  await idp?.close();
});

beforeEach(() => {
  idp.groupsMode = "ok";
});

const isTrygg = (u: URL) => u.origin === t.url;

/** Starts a login in Trygg and follows the redirects to the IdP's login page. */
async function startAt(browser: Browser, provider: "feide" | "idporten", query = "") {
  const res = await browser.request(`${t.url}/api/auth/oidc/${provider}/start${query}`);
  expect(res.status).toBe(302);
  const toIdp = redirectTarget(res, new URL(t.url));
  if (!toIdp) throw new Error("no redirect");
  const interaction = await browser.follow(toIdp, (u) => u.pathname.startsWith("/interaction/"));
  return { authorizationUrl: toIdp, interaction };
}

/** A whole login up to (not including) Trygg's callback: returns the callback URL. */
async function loginUntilCallback(
  browser: Browser,
  provider: "feide" | "idporten",
  account: string | { cancel: true },
  query = "",
): Promise<URL> {
  const { interaction } = await startAt(browser, provider, query);
  const callback = await idp.login(browser, interaction, account);
  expect(isTrygg(callback)).toBe(true);
  expect(callback.pathname).toBe(`/api/auth/oidc/${provider}/callback`);
  return callback;
}

/** Hits the callback; returns where Trygg sends the browser. */
async function finish(browser: Browser, callback: URL): Promise<string> {
  const res = await browser.request(callback);
  expect(res.status).toBe(302);
  return res.headers.get("location") ?? "";
}

async function sessionOf(browser: Browser) {
  const res = await browser.request(`${t.url}/api/session`);
  return (await res.json()) as {
    authenticated: boolean;
    authMethod?: string;
    person?: { id: string };
    csrfToken?: string;
  };
}

async function login(provider: "feide" | "idporten", account: string, query = "") {
  const browser = new Browser();
  const callback = await loginUntilCallback(browser, provider, account, query);
  const location = await finish(browser, callback);
  return { browser, location };
}

describe("GET /api/auth/oidc/:provider/start", () => {
  it("redirects to the IdP with PKCE S256, state, nonce and the Feide scopes", async () => {
    const browser = new Browser();
    const res = await browser.request(`${t.url}/api/auth/oidc/feide/start`);
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get("location") ?? "");
    expect(url.origin).toBe(idp.issuer);
    const q = url.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe(idp.clients.feide.id);
    expect(q.get("redirect_uri")).toBe(`${t.url}/api/auth/oidc/feide/callback`);
    expect(q.get("scope")).toBe("openid userid-feide profile email groups");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(q.get("nonce")).toBeTruthy();
    const state = q.get("state") ?? "";
    expect(state.length).toBeGreaterThan(20);
    expect(browser.cookie(t.url, FLOW_COOKIE)).toBe(state);

    const flow = await t.database.db
      .selectFrom("login_flow")
      .selectAll()
      .where("id", "=", state)
      .executeTakeFirstOrThrow();
    expect(flow.kind).toBe("oidc");
    expect(flow.data).toMatchObject({ provider: "feide", state, returnTo: "/" });
    expect(flow.data.nonce).toBe(q.get("nonce"));
    expect(typeof flow.data.codeVerifier).toBe("string");
    expect(new Date(flow.expires_at).getTime() - t.now.value.getTime()).toBe(10 * 60_000);
  });

  it("asks ID-porten for the highest assurance level", async () => {
    const res = await new Browser().request(`${t.url}/api/auth/oidc/idporten/start`);
    const q = new URL(res.headers.get("location") ?? "").searchParams;
    expect(q.get("scope")).toBe("openid profile");
    expect(q.get("acr_values")).toBe("idporten-loa-high");
    expect(q.get("client_id")).toBe(idp.clients.idporten.id);
  });

  it("discovers each provider once per process", async () => {
    const before = idp.hits.get("/.well-known/openid-configuration") ?? 0;
    for (let i = 0; i < 3; i++) await new Browser().request(`${t.url}/api/auth/oidc/feide/start`);
    expect(idp.hits.get("/.well-known/openid-configuration") ?? 0).toBe(before);
  });

  it("answers 404 for a provider it does not know", async () => {
    const res = await new Browser().request(`${t.url}/api/auth/oidc/facebook/start`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe("notFound");
  });
});

describe("Feide login", () => {
  it("logs a staff member in as the mapped Trygg person and syncs Feide groups", async () => {
    const db = t.database.db;
    // A stale membership in a Feide group Feide no longer lists, none in the listed ones.
    await db
      .deleteFrom("group_membership")
      .where("person_id", "=", teacherId)
      .where("group_id", "in", [classGroup.id, teachingGroup.id, staleGroup.id])
      .execute();
    await db
      .insertInto("group_membership")
      .values({ group_id: staleGroup.id, person_id: teacherId, member_role: "teacher" })
      .execute();
    const auditBefore = await db
      .selectFrom("audit_log")
      .select("seq")
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();

    const { browser, location } = await login("feide", "teacher", "?returnTo=/cases");
    expect(location).toBe("/cases");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeTruthy();
    expect(browser.cookie(t.url, FLOW_COOKIE)).toBeUndefined();
    const session = await sessionOf(browser);
    expect(session).toMatchObject({
      authenticated: true,
      authMethod: "oidc:feide",
      person: { id: teacherId },
    });

    const memberships = await db
      .selectFrom("group_membership")
      .select(["group_id", "member_role"])
      .where("person_id", "=", teacherId)
      .where("group_id", "in", [classGroup.id, teachingGroup.id, staleGroup.id])
      .execute();
    expect(memberships.sort((a, b) => a.group_id.localeCompare(b.group_id))).toEqual(
      [
        { group_id: classGroup.id, member_role: "teacher" },
        { group_id: teachingGroup.id, member_role: "teacher" },
      ].sort((a, b) => a.group_id.localeCompare(b.group_id)),
    );
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "resource_id", "actor_id", "detail"])
      .where(sql<boolean>`seq > ${auditBefore?.seq ?? "0"}::bigint`)
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => [a.action, a.resource_id])).toEqual(
      expect.arrayContaining([
        ["group.membershipAdded", classGroup.id],
        ["group.membershipAdded", teachingGroup.id],
        ["group.membershipRemoved", staleGroup.id],
        ["auth.login", null],
      ]),
    );
    expect(audit).toHaveLength(4);
    expect(JSON.stringify(audit)).not.toContain(TEACHER_FEIDE);

    // The ID token is kept for logout, sealed: the column is not a readable JWT.
    const row = await db
      .selectFrom("app_session")
      .select(["id_token", "auth_method"])
      .where("person_id", "=", teacherId)
      .where("auth_method", "=", "oidc:feide")
      .executeTakeFirstOrThrow();
    expect(row.id_token).toMatch(/^v1\./);
    const idToken = openToken(secret, row.id_token ?? "");
    expect(idToken?.split(".")).toHaveLength(3);
  });

  it("a second login changes nothing when Feide's groups are unchanged", async () => {
    const db = t.database.db;
    const before = await db
      .selectFrom("audit_log")
      .select("seq")
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    await login("feide", "teacher");
    const actions = await db
      .selectFrom("audit_log")
      .select("action")
      .where(sql<boolean>`seq > ${before.seq}::bigint`)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["auth.login"]);
  });

  it("reads the Feide name from userinfo when the ID token lacks it", async () => {
    const before = idp.hits.get("/me") ?? 0;
    const { browser, location } = await login("feide", "teacher-userinfo");
    expect(location).toBe("/");
    expect(await sessionOf(browser)).toMatchObject({
      authenticated: true,
      person: { id: teacherId },
    });
    expect(idp.hits.get("/me") ?? 0).toBe(before + 1);
  });

  it("a pupil becomes a pupil member; never a teacher", async () => {
    const { browser, location } = await login("feide", "pupil");
    expect(location).toBe("/");
    expect(await sessionOf(browser)).toMatchObject({
      authenticated: true,
      person: { id: pupilId },
    });
    const rows = await t.database.db
      .selectFrom("group_membership")
      .select(["group_id", "member_role"])
      .where("person_id", "=", pupilId)
      .where("group_id", "in", [classGroup.id, teachingGroup.id])
      .execute();
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.member_role === "pupil")).toBe(true);
  });

  it("refuses a Feide student whose Feide name belongs to a staff member", async () => {
    const { browser, location } = await login("feide", "student-on-staff");
    expect(location).toBe("/login?error=auth.loginNotAllowed");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
    const last = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "resource_id", "detail"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: "auth.loginRefused",
      resource_id: teacherId,
      detail: { method: "oidc:feide", reason: "student-with-staff-roles" },
    });
  });

  it("refuses a Feide user with no Trygg person, and creates nobody", async () => {
    const db = t.database.db;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom("person")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const people = await count();
    const { browser, location } = await login("feide", "stranger");
    expect(location).toBe("/login?error=auth.noPersonForLogin");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
    expect((await sessionOf(browser)).authenticated).toBe(false);
    expect(await count()).toBe(people);
    const last = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "detail"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: "auth.loginRefused",
      actor_id: null,
      detail: { reason: "no-person" },
    });
    expect(JSON.stringify(last)).not.toContain(STRANGER_FEIDE);
  });

  it("goes on without a group sync when the groups API times out, logging no personal data", async () => {
    idp.groupsMode = "hang";
    const db = t.database.db;
    await db
      .deleteFrom("group_membership")
      .where("person_id", "=", teacherId)
      .where("group_id", "=", classGroup.id)
      .execute();
    const logStart = t.logs.length;
    const started = Date.now();
    const { browser, location } = await login("feide", "teacher");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(location).toBe("/");
    expect(await sessionOf(browser)).toMatchObject({
      authenticated: true,
      person: { id: teacherId },
    });
    // No sync happened: the membership removed above is still missing.
    const row = await db
      .selectFrom("group_membership")
      .select("group_id")
      .where("person_id", "=", teacherId)
      .where("group_id", "=", classGroup.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
    const lines = t.logs.slice(logStart);
    const warning = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.level === 40);
    expect(warning).toMatchObject({ module: "auth", provider: "feide", reason: "timeout" });
    const text = lines.join("\n");
    expect(text).not.toContain(TEACHER_FEIDE);
    expect(text).not.toContain("Synthetic Person");
  });

  it("goes on without a group sync when the groups API fails", async () => {
    idp.groupsMode = "error";
    const { location } = await login("feide", "teacher");
    expect(location).toBe("/");
  });

  it("says so when the user cancels at the IdP", async () => {
    const browser = new Browser();
    const callback = await loginUntilCallback(browser, "feide", { cancel: true });
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(await finish(browser, callback)).toBe("/login?error=auth.oidcCancelled");
  });

  it("never redirects to another site after login", async () => {
    const { location } = await login("feide", "teacher", "?returnTo=//evil.example/x");
    expect(location).toBe("/");
  });
});

describe("callback checks", () => {
  it("rejects a state that does not match the browser's login", async () => {
    const browser = new Browser();
    const callback = await loginUntilCallback(browser, "feide", "teacher");
    callback.searchParams.set("state", "x".repeat(43));
    expect(await finish(browser, callback)).toBe("/login?error=auth.oidcFailed");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
  });

  it("rejects a callback finished in another browser (login CSRF)", async () => {
    const attacker = new Browser();
    const callback = await loginUntilCallback(attacker, "feide", "teacher");
    const victim = new Browser();
    expect(await finish(victim, callback)).toBe("/login?error=auth.oidcFailed");
    expect(victim.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
  });

  it("rejects a state with no flow and a replayed callback", async () => {
    const browser = new Browser();
    const callback = await loginUntilCallback(browser, "feide", "teacher");
    const state = callback.searchParams.get("state") ?? "";
    expect(await finish(browser, callback)).toBe("/");
    // Same URL, same browser state cookie again: the flow is gone (single use).
    browser.setCookie(t.url, FLOW_COOKIE, state);
    browser.setCookie(t.url, SESSION_COOKIE, null);
    expect(await finish(browser, callback)).toBe("/login?error=auth.flowExpired");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
  });

  it("rejects an expired flow", async () => {
    const browser = new Browser();
    const callback = await loginUntilCallback(browser, "feide", "teacher");
    const real = t.now.value;
    t.now.value = new Date(real.getTime() + 11 * 60_000);
    try {
      expect(await finish(browser, callback)).toBe("/login?error=auth.flowExpired");
    } finally {
      t.now.value = real;
    }
  });

  it("enforces the nonce: a flow whose nonce does not match the ID token fails", async () => {
    const browser = new Browser();
    const callback = await loginUntilCallback(browser, "feide", "teacher");
    const state = callback.searchParams.get("state") ?? "";
    await tamperFlow(state, { nonce: "tampered-nonce-value-0000000000000000000000" });
    expect(await finish(browser, callback)).toBe("/login?error=auth.oidcFailed");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
  });

  it("enforces PKCE: a tampered code verifier is refused by the IdP", async () => {
    const browser = new Browser();
    const callback = await loginUntilCallback(browser, "feide", "teacher");
    const state = callback.searchParams.get("state") ?? "";
    await tamperFlow(state, { codeVerifier: "A".repeat(43) });
    expect(await finish(browser, callback)).toBe("/login?error=auth.oidcFailed");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
    const refused = t.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === "OIDC login refused");
    expect(refused.at(-1)).toMatchObject({
      code: "auth.oidcFailed",
      reason: "token-invalid_grant",
    });
  });

  it("never shows a stack trace: a callback without parameters redirects", async () => {
    const res = await new Browser().request(`${t.url}/api/auth/oidc/feide/callback`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?error=auth.oidcFailed");
  });
});

async function tamperFlow(state: string, patch: Record<string, string>) {
  const db = t.database.db;
  const flow = await db
    .selectFrom("login_flow")
    .select("data")
    .where("id", "=", state)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("login_flow")
    .set({ data: JSON.stringify({ ...flow.data, ...patch }) })
    .where("id", "=", state)
    .execute();
}

describe("ID-porten login", () => {
  it("finds the guardian by the keyed hash of the identity number", async () => {
    const logStart = t.logs.length;
    const { browser, location } = await login("idporten", "guardian");
    expect(location).toBe("/");
    expect(await sessionOf(browser)).toMatchObject({
      authenticated: true,
      authMethod: "oidc:idporten",
      person: { id: guardianId },
    });
    // The number is stored nowhere in the clear: not in the session row, audit or logs.
    const db = t.database.db;
    const sessions = await db
      .selectFrom("app_session")
      .selectAll()
      .where("person_id", "=", guardianId)
      .execute();
    expect(sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(sessions)).not.toContain(GUARDIAN_PID);
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .orderBy("seq", "desc")
      .limit(5)
      .execute();
    expect(JSON.stringify(audit)).not.toContain(GUARDIAN_PID);
    expect(t.logs.slice(logStart).join("\n")).not.toContain(GUARDIAN_PID);
  });

  it("refuses a login below the highest assurance level", async () => {
    const { browser, location } = await login("idporten", "guardian-low");
    expect(location).toBe("/login?error=auth.oidcFailed");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
  });

  it("refuses an identity number no Trygg person has", async () => {
    const { browser, location } = await login("idporten", "stranger-pid");
    expect(location).toBe("/login?error=auth.noPersonForLogin");
    expect(browser.cookie(t.url, SESSION_COOKIE)).toBeUndefined();
  });

  it("will not finish a Feide login at the ID-porten callback", async () => {
    const browser = new Browser();
    const callback = await loginUntilCallback(browser, "feide", "teacher");
    const wrong = new URL(callback);
    wrong.pathname = "/api/auth/oidc/idporten/callback";
    // The flow cookie is scoped to /api/auth/oidc, so the browser sends it along.
    expect(await finish(browser, wrong)).toBe("/login?error=auth.oidcFailed");
  });
});

describe("GET /api/auth/oidc/logout-url", () => {
  it("gives the IdP's end-session URL with the ID token as hint", async () => {
    const { browser } = await login("feide", "teacher");
    const res = await browser.request(`${t.url}/api/auth/oidc/logout-url`);
    expect(res.status).toBe(200);
    const { url } = (await res.json()) as { url: string };
    const end = new URL(url);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${t.url}/login`);
    expect(end.searchParams.get("client_id")).toBe(idp.clients.feide.id);
    const hint = end.searchParams.get("id_token_hint") ?? "";
    const payload = JSON.parse(Buffer.from(hint.split(".")[1] ?? "", "base64url").toString()) as {
      sub: string;
      aud: string;
    };
    expect(payload).toMatchObject({ sub: "teacher", aud: idp.clients.feide.id });
    // The IdP accepts it: it answers with its logout confirmation, not an error.
    const confirm = await browser.request(end);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("logout");

    // After POST /api/auth/logout the session (and its ID token) is gone.
    const { csrfToken } = await sessionOf(browser);
    const out = await browser.request(`${t.url}/api/auth/logout`, {
      method: "POST",
      headers: { "x-csrf-token": csrfToken ?? "" },
      json: {},
    });
    expect(out.status).toBe(200);
    expect((await browser.request(`${t.url}/api/auth/oidc/logout-url`)).status).toBe(401);
  });

  it("works for ID-porten sessions too", async () => {
    const { browser } = await login("idporten", "guardian");
    const res = await browser.request(`${t.url}/api/auth/oidc/logout-url`);
    const { url } = (await res.json()) as { url: string };
    expect(new URL(url).searchParams.get("client_id")).toBe(idp.clients.idporten.id);
    expect(new URL(url).searchParams.get("id_token_hint")).toBeTruthy();
  });

  it("gives null for a session that did not come from an IdP", async () => {
    const { token } = await createSession(t.database.db, {
      personId: teacherId,
      authMethod: "local",
      now: t.now.value,
      config: t.config,
    });
    const browser = new Browser();
    browser.setCookie(t.url, SESSION_COOKIE, token);
    const res = await browser.request(`${t.url}/api/auth/oidc/logout-url`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ url: null });
  });

  it("refuses an anonymous caller", async () => {
    const res = await new Browser().request(`${t.url}/api/auth/oidc/logout-url`);
    expect(res.status).toBe(401);
  });
});

describe("not configured", () => {
  it("refuses both routes for a provider this installation has not set up", async () => {
    const plain = await createTestApp();
    try {
      for (const provider of ["feide", "idporten"]) {
        for (const step of ["start", "callback?code=x&state=y"]) {
          const res = await plain.anonymous.get(`/api/auth/oidc/${provider}/${step}`);
          expect(res.statusCode).toBe(404);
          expect(res.json()).toMatchObject({ code: "auth.providerNotConfigured" });
        }
      }
      const session = await plain.anonymous.get("/api/session");
      expect(session.json()).toMatchObject({ providers: { feide: false, idporten: false } });
    } finally {
      await plain.close();
    }
  });

  it("the production registration never talks plain HTTP to an IdP, not even on loopback", async () => {
    // Same IdP as above, but the routes as features.ts registers them (no test option).
    const prod = await createTestApp({ ...idp.env(), TRYGG_SECRET: secret });
    try {
      const before = idp.hits.get("/.well-known/openid-configuration") ?? 0;
      const res = await prod.anonymous.get("/api/auth/oidc/feide/start");
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe("/login?error=auth.oidcFailed");
      expect(idp.hits.get("/.well-known/openid-configuration") ?? 0).toBe(before);
    } finally {
      await prod.close();
    }
  });
});
