// `trygg schools add --owner ID --name NAME [--org-number N]`: adds a school to a school owner
// without SQL. Prints the new school's id on its last line, for scripts.
import { parseArgs } from "node:util";
import { createSchool, newSchoolInput } from "../../server/owner/schools.ts";
import { AppError } from "../../server/platform/errors.ts";
import { parseInput } from "../../server/schools/input.ts";
import { withDatabase } from "../db.ts";
import { printInputProblems } from "./setup-output.ts";

const USAGE = "Usage: trygg schools add --owner OWNER_ID --name NAME [--org-number NNNNNNNNN]";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "add") {
    console.error(USAGE);
    return 2;
  }
  let values: {
    owner?: string | undefined;
    name?: string | undefined;
    "org-number"?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        owner: { type: "string" },
        name: { type: "string" },
        "org-number": { type: "string" },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const ownerId = values.owner ?? "";
  if (!UUID.test(ownerId)) {
    console.error(`--owner must be a school owner's id (see \`trygg owners add\`).\n${USAGE}`);
    return 2;
  }
  return printInputProblems(async () => {
    const input = parseInput(
      newSchoolInput,
      { name: values.name, orgNumber: values["org-number"] },
      "en",
    );
    return withDatabase(async ({ db }) => {
      const owner = await db
        .selectFrom("school_owner")
        .select("id")
        .where("id", "=", ownerId)
        .executeTakeFirst();
      if (!owner) throw new AppError(404, "notFound");
      const school = await createSchool(db, {
        ownerId,
        input,
        actorId: null,
        requestId: null,
        now: new Date(),
        lang: "en",
      });
      console.log(`Created school ${school.name}.`);
      console.log(school.id);
      return 0;
    });
  });
}
