// Setting a county up without SQL (issue #10): `trygg owners add`, `trygg schools add` and
// `trygg users add --role` as an operator runs them on an empty embedded database, and the
// system administrator's POST /api/owners.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import ownersCommand from "../../src/cli/commands/owners.ts";
import schoolsCommand from "../../src/cli/commands/schools.ts";
import usersCommand from "../../src/cli/commands/users.ts";
import { openDatabase } from "../../src/server/platform/db/database.ts";
import { createTestApp, type TestApp } from "../support/app.ts";
import { testEngine } from "../support/engine.ts";
import { demoSchools, personWithRole } from "../support/people.ts";

const SLOW = 240_000;
const CONFIG_VARS = ["NODE_ENV", "TRYGG_DATA_DIR", "DATABASE_URL", "TRYGG_DEMO", "LOG_LEVEL"];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-cli-setup-"));
type Command = (argv: string[]) => Promise<number>;

async function cli(command: Command, args: string[]) {
  const saved = Object.fromEntries(CONFIG_VARS.map((k) => [k, process.env[k]]));
  for (const k of CONFIG_VARS) delete process.env[k];
  Object.assign(process.env, { NODE_ENV: "test", LOG_LEVEL: "silent", TRYGG_DATA_DIR: tmp });
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    out.push(a.join(" "));
  });
  const errSpy = console.error as unknown as MockInstance;
  const before = errSpy.mock.calls.length;
  try {
    const code = await command(args);
    const err = errSpy.mock.calls
      .slice(before)
      .map((c) => String(c[0]))
      .join("\n");
    errSpy.mockClear(); // expected output of the command, not a test failure
    return { code, out, err, lastLine: out.at(-1) ?? "" };
  } finally {
    log.mockRestore();
    for (const k of CONFIG_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

async function query<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>) {
  const handle = await openDatabase({ engine: "pglite", dataDir: path.join(tmp, "pglite") });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

const UUID = /^[0-9a-f-]{36}$/;

describe.runIf(testEngine() === "pglite")("setting a county up from the command line", () => {
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  let ownerId = "";
  let schoolId = "";

  it(
    "creates an owner, a school and the school's first principal, each id on the last line",
    async () => {
      const owner = await cli(ownersCommand, [
        "add",
        "--name",
        "Testfylke fylkeskommune",
        "--org-number",
        "921 000 001",
      ]);
      expect(owner.err).toBe("");
      expect(owner.code).toBe(0);
      expect(owner.lastLine).toMatch(UUID);
      ownerId = owner.lastLine;

      const school = await cli(schoolsCommand, ["add", "--owner", ownerId, "--name", "Test vgs"]);
      expect(school.code).toBe(0);
      expect(school.lastLine).toMatch(UUID);
      schoolId = school.lastLine;

      const user = await cli(usersCommand, [
        "add",
        ...["--username", "rita.rektor", "--given", "Rita", "--family", "Rektor"],
        ...["--password", "et-langt-passord-1234", "--role", "principal", "--school", schoolId],
      ]);
      expect(user.code).toBe(0);
      expect(user.out[0]).toBe("Created user rita.rektor (principal).");
      const personId = user.lastLine;
      expect(personId).toMatch(UUID);

      const officer = await cli(usersCommand, [
        "add",
        ...["--username", "saksbehandler", "--given", "Sara", "--family", "Saksbehandler"],
        ...["--password", "et-langt-passord-1234", "--role", "ownerCaseOfficer"],
        ...["--owner", ownerId],
      ]);
      expect(officer.code).toBe(0);

      const facts = await query(async (db) => ({
        owner: await db
          .selectFrom("school_owner")
          .select(["name", "org_number"])
          .where("id", "=", ownerId)
          .executeTakeFirst(),
        school: await db
          .selectFrom("school")
          .select(["name", "owner_id"])
          .where("id", "=", schoolId)
          .executeTakeFirst(),
        roles: await db
          .selectFrom("role_assignment")
          .select(["role", "school_id", "owner_id"])
          .orderBy("role")
          .execute(),
        audit: (await db.selectFrom("audit_log").select("action").orderBy("seq").execute()).map(
          (r) => r.action,
        ),
      }));
      expect(facts.owner).toEqual({ name: "Testfylke fylkeskommune", org_number: "921000001" });
      expect(facts.school).toEqual({ name: "Test vgs", owner_id: ownerId });
      expect(facts.roles).toEqual([
        { role: "ownerCaseOfficer", school_id: null, owner_id: ownerId },
        { role: "principal", school_id: schoolId, owner_id: null },
      ]);
      expect(facts.audit).toEqual(
        expect.arrayContaining(["owner.create", "school.create", "person.created", "role.assign"]),
      );
    },
    SLOW,
  );

  it(
    "refuses bad input with the admin UI's message, exit 2, and writes nothing",
    async () => {
      const people = () =>
        query(async (db) =>
          Number(
            (
              await db
                .selectFrom("person")
                .select((eb) => eb.fn.countAll<string>().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        );
      const before = await people();
      const cells: [Command, string[], RegExp][] = [
        [ownersCommand, ["add", "--name", ""], /name: /],
        [ownersCommand, ["add", "--name", "X", "--org-number", "12"], /orgNumber: /],
        [schoolsCommand, ["add", "--owner", "not-an-id", "--name", "X"], /--owner must be/],
        [
          usersCommand,
          ["add", "--username", "wiz", "--given", "W", "--family", "Z", "--role", "wizard"],
          /--role needs --school/,
        ],
        [
          usersCommand,
          [
            "add",
            ...["--username", "wizard", "--given", "W", "--family", "Z"],
            ...["--password", "et-langt-passord-1234", "--role", "wizard", "--school", schoolId],
          ],
          /role: /,
        ],
      ];
      const wrong: string[] = [];
      for (const [command, args, message] of cells) {
        const r = await cli(command, args);
        if (r.code !== 2 || !message.test(r.err))
          wrong.push(`${args.join(" ")} → ${r.code} ${r.err}`);
      }
      expect(wrong).toEqual([]);
      expect(await people()).toBe(before);
    },
    SLOW,
  );

  it(
    "names an unknown owner or school and exits 1",
    async () => {
      const missing = "00000000-0000-4000-8000-000000000000";
      const r = await cli(schoolsCommand, ["add", "--owner", missing, "--name", "X"]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/could not find/i);
    },
    SLOW,
  );
});

describe("POST /api/owners", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("lets the system administrator create a school owner, audited", async () => {
    const db = t.database.db;
    const admin = (
      await db
        .selectFrom("person")
        .select("id")
        .where("is_system_admin", "=", true)
        .executeTakeFirstOrThrow()
    ).id;
    const res = await (await t.as(admin)).post("/api/owners", { name: "Nyfylke", orgNumber: "" });
    expect(res.statusCode).toBe(201);
    const owner = res.json() as { id: string };
    expect(owner).toMatchObject({ name: "Nyfylke", orgNumber: null, schools: 0 });
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "resource_id"])
      .where("action", "=", "owner.create")
      .executeTakeFirst();
    expect(audit).toEqual({ actor_id: admin, resource_id: owner.id });
    const bad = await (await t.as(admin)).post("/api/owners", { name: " " });
    expect(bad.statusCode).toBe(400);
  });

  it("is for the system administrator only", async () => {
    const db = t.database.db;
    const { big } = await demoSchools(db);
    expect((await t.anonymous.post("/api/owners", { name: "X" })).statusCode).toBe(401);
    for (const role of ["areaDirector", "ownerCaseOfficer"] as const) {
      const who = await personWithRole(db, role);
      expect((await (await t.as(who)).post("/api/owners", { name: "X" })).statusCode, role).toBe(
        403,
      );
    }
    for (const role of ["principal", "counsellor", "pupil"] as const) {
      const who = await personWithRole(db, role, { schoolId: big.id });
      expect((await (await t.as(who)).post("/api/owners", { name: "X" })).statusCode, role).toBe(
        403,
      );
    }
  });
});
