// `trygg deadline --from YYYY-MM-DD --working-days N [--closed-days D1,D2,...]`
//
// Prints the deadline date and nothing else on stdout, so scripts can capture it. Bad input
// gives a message on stderr and exit code 2 (usage error), the convention of the other
// commands. No database is opened: everything needed is on the command line.
import { parseArgs } from "node:util";
import { CalendarError } from "../../core/calendar/errors.ts";
import { type IsoDate, parseIsoDate } from "../../core/calendar/iso-date.ts";
import { createWorkingDayCalendar } from "../../core/calendar/working-days.ts";
import type { Db } from "../../server/platform/db/database.ts";

const USAGE =
  "Usage: trygg deadline --from YYYY-MM-DD --working-days N [--closed-days YYYY-MM-DD,...]\n" +
  "                      [--school-owner ID]  (adds the owner's closed days; N defaults to its setting)\n" +
  "  Prints the N-th working day after --from (counting starts the day after).\n" +
  "  Working days are Monday-Friday except Norwegian public holidays and --closed-days.\n";

/**
 * The deadline `workingDays` working days after `from`, skipping the owner's closed days.
 * Exported so the `--school-owner` variant can pass closed days read from the database.
 */
export function deadlineFor(
  from: IsoDate,
  workingDays: number,
  closedDays: readonly IsoDate[] = [],
): IsoDate {
  return createWorkingDayCalendar({ extraClosedDays: closedDays }).addWorkingDays(
    from,
    workingDays,
  );
}

export interface DeadlineOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: DeadlineOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

function parseWorkingDays(value: string): number {
  // Digits only: Number() would accept "", "1e3", " 5" and "0x10".
  const count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(count)) {
    throw new UsageError(`--working-days must be a whole number ≥ 0, got "${value}"`);
  }
  return count;
}

function parseDate(value: string, option: string): IsoDate {
  try {
    return parseIsoDate(value.trim());
  } catch {
    throw new UsageError(`${option} must be a date written YYYY-MM-DD, got "${value}"`);
  }
}

function parse(
  argv: string[],
):
  | { from: IsoDate; workingDays: number | undefined; closedDays: IsoDate[]; schoolOwner?: string }
  | "help" {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      from: { type: "string" },
      "working-days": { type: "string" },
      // Repeatable as well as comma-separated, whichever is handier in a script.
      "closed-days": { type: "string", multiple: true },
      "school-owner": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const schoolOwner = values["school-owner"];
  if (schoolOwner !== undefined && !/^[0-9a-f-]{36}$/i.test(schoolOwner)) {
    throw new UsageError("--school-owner must be the owner's id (a UUID)");
  }
  if (values.from === undefined) throw new UsageError("--from is required");
  if (values["working-days"] === undefined && schoolOwner === undefined) {
    throw new UsageError("--working-days is required (or --school-owner to use its setting)");
  }
  const closedDays = (values["closed-days"] ?? [])
    .flatMap((list) => list.split(","))
    .filter((item) => item.trim() !== "")
    .map((item) => parseDate(item, "--closed-days"));
  return {
    from: parseDate(values.from, "--from"),
    workingDays:
      values["working-days"] === undefined ? undefined : parseWorkingDays(values["working-days"]),
    closedDays,
    ...(schoolOwner ? { schoolOwner } : {}),
  };
}

/** The owner's closed days and plan deadline setting. */
export async function ownerCalendar(
  db: Db,
  ownerId: string,
): Promise<{ planDeadlineWorkingDays: number; closedDays: IsoDate[] } | null> {
  const owner = await db
    .selectFrom("school_owner")
    .select("plan_deadline_working_days")
    .where("id", "=", ownerId)
    .executeTakeFirst();
  if (!owner) return null;
  const days = await db
    .selectFrom("owner_closed_day")
    .select("day")
    .where("owner_id", "=", ownerId)
    .execute();
  return {
    planDeadlineWorkingDays: owner.plan_deadline_working_days,
    closedDays: days.map((d) => parseDate(d.day, "closed day")),
  };
}

async function loadOwnerCalendar(ownerId: string) {
  // Loaded lazily: without --school-owner the command opens no database.
  const { withDatabase } = await import("../db.ts");
  return withDatabase(({ db }) => ownerCalendar(db, ownerId));
}

export default async function run(
  argv: string[],
  output: DeadlineOutput = processOutput,
): Promise<number> {
  try {
    const parsed = parse(argv);
    if (parsed === "help") {
      output.stdout(USAGE);
      return 0;
    }
    let { workingDays, closedDays } = parsed;
    if (parsed.schoolOwner) {
      const owner = await loadOwnerCalendar(parsed.schoolOwner);
      if (!owner) throw new UsageError(`no school owner with id ${parsed.schoolOwner}`);
      workingDays ??= owner.planDeadlineWorkingDays;
      closedDays = [...closedDays, ...owner.closedDays];
    }
    output.stdout(`${deadlineFor(parsed.from, workingDays ?? 0, closedDays)}\n`);
    return 0;
  } catch (error) {
    // parseArgs reports unknown or malformed options as TypeErrors with ERR_PARSE_ARGS_*
    // codes; those, our own checks and calendar range errors are all input mistakes.
    const isParseArgsError =
      error instanceof TypeError &&
      String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
    if (error instanceof UsageError || error instanceof CalendarError || isParseArgsError) {
      output.stderr(`trygg deadline: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
