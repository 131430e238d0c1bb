// `trygg owners add --name NAME [--org-number N]`: creates a school owner (county or
// municipality) without SQL. Prints the new owner's id on its last line, for scripts.
import { parseArgs } from "node:util";
import { createOwner, newOwnerInput } from "../../server/owner/owners.ts";
import { parseInput } from "../../server/schools/input.ts";
import { withDatabase } from "../db.ts";
import { printInputProblems } from "./setup-output.ts";

const USAGE = "Usage: trygg owners add --name NAME [--org-number NNNNNNNNN]";

export default async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "add") {
    console.error(USAGE);
    return 2;
  }
  let values: { name?: string | undefined; "org-number"?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { name: { type: "string" }, "org-number": { type: "string" } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  return printInputProblems(async () => {
    const input = parseInput(
      newOwnerInput,
      { name: values.name, orgNumber: values["org-number"] },
      "en",
    );
    return withDatabase(async ({ db }) => {
      const owner = await createOwner(db, {
        input,
        actorId: null,
        requestId: null,
        now: new Date(),
        lang: "en",
      });
      console.log(`Created school owner ${owner.name}.`);
      console.log(owner.id);
      return 0;
    });
  });
}
