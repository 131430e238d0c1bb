import { withDatabase } from "../db.ts";

export default async function run(_argv: string[]): Promise<number> {
  await withDatabase(async () => {});
  console.log("Database is up to date.");
  return 0;
}
