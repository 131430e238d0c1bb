// `trygg users add`: creates a person with a local account, e.g. the first administrator, or
// a school's first principal when the school has no Feide yet (`--role principal --school ID`).
// Prints the new person's id on its last line, for scripts.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { OWNER_ROLES, SCHOOL_ROLES } from "../../core/access/roles.ts";
import { hashPassword } from "../../server/auth/local-login.ts";
import { addOwnerRoleInTx } from "../../server/owner/owner-roles.ts";
import { addRoleInTx } from "../../server/people/assign-role.ts";
import { lockSchool } from "../../server/people/store.ts";
import { appendAudit } from "../../server/platform/audit.ts";
import type { Tx } from "../../server/platform/db/database.ts";
import { AppError } from "../../server/platform/errors.ts";
import { withDatabase } from "../db.ts";
import { printInputProblems } from "./setup-output.ts";

const USAGE =
  "Usage: trygg users add --username U --given NAME --family NAME [--email E] [--password P]\n" +
  "                       [--admin] [--role ROLE (--school SCHOOL_ID [--group GROUP_ID] | --owner OWNER_ID)]\n" +
  "Without --password a strong password is generated and printed once.\n" +
  `School roles: ${SCHOOL_ROLES.join(", ")}.\nOwner roles: ${OWNER_ROLES.join(", ")}.`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "add") {
    console.error(USAGE);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        username: { type: "string" },
        given: { type: "string" },
        family: { type: "string" },
        email: { type: "string" },
        password: { type: "string" },
        admin: { type: "boolean", default: false },
        role: { type: "string" },
        school: { type: "string" },
        owner: { type: "string" },
        group: { type: "string" },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const username = String(values.username ?? "")
    .trim()
    .toLowerCase();
  if (!/^[a-z0-9._@-]{3,100}$/.test(username) || !values.given || !values.family) {
    console.error(USAGE);
    return 2;
  }
  const role = typeof values.role === "string" ? values.role : null;
  const at = roleTarget(values);
  if (typeof at === "string") {
    console.error(`${at}\n${USAGE}`);
    return 2;
  }
  if (role && !at) {
    console.error(`--role needs --school SCHOOL_ID (school roles) or --owner OWNER_ID.\n${USAGE}`);
    return 2;
  }
  const password =
    typeof values.password === "string" ? values.password : randomBytes(12).toString("base64url");
  if (password.length < 12) {
    console.error("The password must have at least 12 characters.");
    return 2;
  }
  const passwordHash = await hashPassword(password);
  return withDatabase(async ({ db }) =>
    printInputProblems(async () => {
      const exists = await db
        .selectFrom("local_account")
        .select("person_id")
        .where("username", "=", username)
        .executeTakeFirst();
      if (exists) {
        console.error(`A user named ${username} already exists.`);
        return 1;
      }
      const now = new Date();
      const personId = await db.transaction().execute(async (tx) => {
        const person = await tx
          .insertInto("person")
          .values({
            given_name: String(values.given),
            family_name: String(values.family),
            email: typeof values.email === "string" ? values.email : null,
            phone: null,
            gender: null,
            birth_date: null,
            feide_id: null,
            nin_hash: null,
            external_source: null,
            external_id: null,
            is_system_admin: values.admin === true,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await tx
          .insertInto("local_account")
          .values({ person_id: person.id, username, password_hash: passwordHash })
          .execute();
        await appendAudit(tx, {
          at: now,
          actorId: null,
          action: "person.created",
          resourceType: "person",
          resourceId: person.id,
          detail: { via: "cli", admin: values.admin === true },
        });
        if (role && at) await giveRole(tx, person.id, role, at, now);
        return person.id;
      });
      const what = [values.admin ? "system administrator" : null, role].filter(Boolean);
      console.log(`Created user ${username}${what.length ? ` (${what.join(", ")})` : ""}.`);
      if (typeof values.password !== "string") console.log(`Password: ${password}`);
      console.log(personId);
      return 0;
    }),
  );
}

type RoleTarget = { schoolId: string; groupId: string | null } | { ownerId: string };

/** Where --role applies; a string is a usage problem, null means no target was given. */
function roleTarget(
  values: Record<string, string | boolean | undefined>,
): RoleTarget | string | null {
  const school = typeof values.school === "string" ? values.school : null;
  const owner = typeof values.owner === "string" ? values.owner : null;
  const group = typeof values.group === "string" ? values.group : null;
  if (!values.role && (school || owner || group))
    return "--school, --owner and --group go with --role.";
  if (school && owner) return "Give either --school or --owner, not both.";
  for (const [flag, id] of [
    ["--school", school],
    ["--owner", owner],
    ["--group", group],
  ] as const) {
    if (id && !UUID.test(id)) return `${flag} must be an id (a UUID).`;
  }
  if (group && !school) return "--group goes with --school.";
  if (school) return { schoolId: school, groupId: group };
  if (owner) return { ownerId: owner };
  return null;
}

/** The same role rules and audit rows as the admin UI, inside the user's transaction. */
async function giveRole(tx: Tx, personId: string, role: string, at: RoleTarget, now: Date) {
  if ("ownerId" in at) {
    const owner = await tx
      .selectFrom("school_owner")
      .select("id")
      .where("id", "=", at.ownerId)
      .executeTakeFirst();
    if (!owner) throw new AppError(404, "notFound");
    await addOwnerRoleInTx(
      tx,
      { ownerId: at.ownerId, actorId: null, requestId: "cli", now, lang: "en" },
      personId,
      role,
    );
    return;
  }
  const school = await tx
    .selectFrom("school")
    .select("owner_id")
    .where("id", "=", at.schoolId)
    .executeTakeFirst();
  if (!school) throw new AppError(404, "notFound");
  await lockSchool(tx, at.schoolId);
  await addRoleInTx(
    tx,
    {
      schoolId: at.schoolId,
      ownerId: school.owner_id,
      actorId: null,
      requestId: "cli",
      now,
      lang: "en",
    },
    personId,
    { role, groupId: at.groupId },
  );
}
