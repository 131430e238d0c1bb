// School years of one school: list, create, replace (with their breaks), and a proposed
// default. Validation is the calendar core's; this file loads and stores.
import { addDays, type IsoDate } from "../../core/calendar/iso-date.ts";
import { defaultSchoolYear, type SchoolHolidayKind } from "../../core/calendar/school-year.ts";
import {
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from "../../core/calendar/working-days.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { invalidInput, type Problem } from "./input.ts";
import { type SchoolYearInput, schoolYearProblems } from "./school-year-input.ts";

export interface SchoolYearBreakView {
  id: string;
  kind: "holiday" | "planningDay";
  label: string;
  startsOn: string;
  endsOn: string;
}

export interface SchoolYearView {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  breaks: SchoolYearBreakView[];
}

export async function listSchoolYears(db: Db | Tx, schoolId: string): Promise<SchoolYearView[]> {
  const years = await db
    .selectFrom("school_year")
    .select(["id", "label", "starts_on", "ends_on"])
    .where("school_id", "=", schoolId)
    .orderBy("starts_on")
    .execute();
  if (years.length === 0) return [];
  const breaks = await db
    .selectFrom("school_year_break")
    .select(["id", "school_year_id", "kind", "label", "starts_on", "ends_on"])
    .where(
      "school_year_id",
      "in",
      years.map((y) => y.id),
    )
    .orderBy("starts_on")
    .orderBy("ends_on")
    .orderBy("id")
    .execute();
  return years.map((y) => ({
    id: y.id,
    label: y.label,
    startsOn: y.starts_on,
    endsOn: y.ends_on,
    breaks: breaks
      .filter((b) => b.school_year_id === y.id)
      .map((b) => ({
        id: b.id,
        kind: b.kind,
        label: b.label,
        startsOn: b.starts_on,
        endsOn: b.ends_on,
      })),
  }));
}

/** The owner's closed days count as non-working days for planning days and teaching days. */
async function workingDaysOf(tx: Db | Tx, schoolId: string): Promise<WorkingDayCalendar> {
  const rows = await tx
    .selectFrom("owner_closed_day as c")
    .innerJoin("school as s", "s.owner_id", "c.owner_id")
    .select("c.day")
    .where("s.id", "=", schoolId)
    .execute();
  return createWorkingDayCalendar({ extraClosedDays: rows.map((r) => r.day as IsoDate) });
}

export interface SaveSchoolYear {
  schoolId: string;
  ownerId: string;
  /** Absent: create a new year. */
  yearId?: string;
  input: SchoolYearInput;
  actorId: string;
  requestId: string;
  now: Date;
  lang: Lang;
}

/** Creates or replaces a school year with all its breaks, in one audited transaction. */
export async function saveSchoolYear(db: Db, cmd: SaveSchoolYear): Promise<SchoolYearView> {
  const { schoolId, input } = cmd;
  return db.transaction().execute(async (tx) => {
    if (cmd.yearId) {
      const existing = await tx
        .selectFrom("school_year")
        .select("id")
        .where("id", "=", cmd.yearId)
        .where("school_id", "=", schoolId)
        .forUpdate()
        .executeTakeFirst();
      if (!existing) throw notFound();
    }
    const problems: Problem[] = schoolYearProblems(input, await workingDaysOf(tx, schoolId));
    const clash = await tx
      .selectFrom("school_year")
      .select("id")
      .where("school_id", "=", schoolId)
      .where("label", "=", input.label)
      .$if(Boolean(cmd.yearId), (q) => q.where("id", "<>", cmd.yearId as string))
      .executeTakeFirst();
    if (clash) problems.unshift({ path: "label", code: "calendar.labelTaken" });
    if (problems.length > 0) throw invalidInput(cmd.lang, problems);

    let yearId = cmd.yearId;
    if (yearId) {
      await tx
        .updateTable("school_year")
        .set({ label: input.label, starts_on: input.startsOn, ends_on: input.endsOn })
        .where("id", "=", yearId)
        .execute();
      await tx.deleteFrom("school_year_break").where("school_year_id", "=", yearId).execute();
    } else {
      const row = await tx
        .insertInto("school_year")
        .values({
          school_id: schoolId,
          label: input.label,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      yearId = row.id;
    }
    if (input.breaks.length > 0) {
      await tx
        .insertInto("school_year_break")
        .values(
          input.breaks.map((b) => ({
            school_year_id: yearId as string,
            kind: b.kind,
            label: b.label,
            starts_on: b.startsOn,
            ends_on: b.endsOn,
          })),
        )
        .execute();
    }
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.actorId,
      action: cmd.yearId ? "schoolYear.update" : "schoolYear.create",
      resourceType: "schoolYear",
      resourceId: yearId,
      schoolId,
      ownerId: cmd.ownerId,
      requestId: cmd.requestId,
      detail: { breaks: input.breaks.length },
    });
    const saved = (await listSchoolYears(tx, schoolId)).find((y) => y.id === yearId);
    if (!saved) throw new Error("saved school year vanished");
    return saved;
  });
}

const HOLIDAY_LABELS: Record<Lang, Record<SchoolHolidayKind | "planningDay", string>> = {
  nb: {
    autumnBreak: "Høstferie",
    christmas: "Juleferie",
    winterBreak: "Vinterferie",
    easter: "Påskeferie",
    other: "Fridag",
    planningDay: "Planleggingsdager",
  },
  nn: {
    autumnBreak: "Haustferie",
    christmas: "Juleferie",
    winterBreak: "Vinterferie",
    easter: "Påskeferie",
    other: "Fridag",
    planningDay: "Planleggingsdagar",
  },
  en: {
    autumnBreak: "Autumn break",
    christmas: "Christmas holiday",
    winterBreak: "Winter break",
    easter: "Easter holiday",
    other: "Day off",
    planningDay: "Planning days",
  },
};

export interface ProposedSchoolYear {
  label: string;
  startsOn: string;
  endsOn: string;
  breaks: Omit<SchoolYearBreakView, "id">[];
}

/** The calendar core's default year as the form's shape, labels in the caller's language. */
export function proposeSchoolYear(startYear: number, lang: Lang): ProposedSchoolYear {
  const year = defaultSchoolYear(startYear);
  const labels = HOLIDAY_LABELS[lang];
  const breaks: Omit<SchoolYearBreakView, "id">[] = [];
  // Consecutive planning days become one range: that is how schools write them.
  for (const day of year.planningDays) {
    const last = breaks[breaks.length - 1];
    if (last && last.kind === "planningDay" && addDays(last.endsOn as IsoDate, 1) === day) {
      last.endsOn = day;
    } else {
      breaks.push({ kind: "planningDay", label: labels.planningDay, startsOn: day, endsOn: day });
    }
  }
  for (const h of year.schoolHolidays) {
    breaks.push({
      kind: "holiday",
      label: h.label ?? labels[h.kind],
      startsOn: h.from,
      endsOn: h.to,
    });
  }
  breaks.sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  return {
    label: `${startYear}-${startYear + 1}`,
    startsOn: year.startsOn,
    endsOn: year.endsOn,
    breaks,
  };
}
