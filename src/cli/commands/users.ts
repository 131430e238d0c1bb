// `trygg users add`: creates a person with a local account, e.g. the first administrator.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword } from "../../server/auth/local-login.ts";
import { appendAudit } from "../../server/platform/audit.ts";
import { withDatabase } from "../db.ts";

const USAGE =
  "Usage: trygg users add --username U --given NAME --family NAME [--email E] [--admin] [--password P]\n" +
  "Without --password a strong password is generated and printed once.";

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
  const password =
    typeof values.password === "string" ? values.password : randomBytes(12).toString("base64url");
  if (password.length < 12) {
    console.error("The password must have at least 12 characters.");
    return 2;
  }
  const passwordHash = await hashPassword(password);
  return withDatabase(async ({ db }) => {
    const exists = await db
      .selectFrom("local_account")
      .select("person_id")
      .where("username", "=", username)
      .executeTakeFirst();
    if (exists) {
      console.error(`A user named ${username} already exists.`);
      return 1;
    }
    await db.transaction().execute(async (tx) => {
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
        at: new Date(),
        actorId: null,
        action: "person.created",
        resourceType: "person",
        resourceId: person.id,
        detail: { via: "cli", admin: values.admin === true },
      });
    });
    console.log(`Created user ${username}${values.admin ? " (system administrator)" : ""}.`);
    if (typeof values.password !== "string") console.log(`Password: ${password}`);
    return 0;
  });
}
