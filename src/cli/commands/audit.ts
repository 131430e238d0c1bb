import { verifyAuditChain } from "../../server/platform/audit.ts";
import { withDatabase } from "../db.ts";

export default async function run(argv: string[]): Promise<number> {
  if (argv[0] !== "verify") {
    console.error("Usage: trygg audit verify");
    return 2;
  }
  return withDatabase(async ({ db }) => {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      console.log(`Audit log intact: ${result.count} entries.`);
      return 0;
    }
    console.error(`Audit log broken at entry ${result.seq} (${result.problem}).`);
    return 1;
  });
}
