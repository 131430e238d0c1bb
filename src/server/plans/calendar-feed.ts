// Calendar feeds of the plan (iCalendar, see ics.ts):
// - a school feed of the published plan's year wheel (public: it says what the public plan
//   says, dated; roles only, never people);
// - a personal feed of one person's own tasks at a secret address, so a calendar app can
//   subscribe without a session. Only the SHA-256 of the token is stored; making a new
//   address makes the old one stop working. The feed holds the person's own tasks (activity,
//   date, class) and nothing else: no notes, no other people.
import { createHash, randomBytes } from "node:crypto";
import { addDays, type IsoDate } from "../../core/calendar/iso-date.ts";
import { schedulePlan } from "../../core/plans/schedule.ts";
import type { PlanPartId } from "../../core/plans/types.ts";
import { activitiesOf } from "../../core/plans/validate.ts";
import { isLang, type Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { todayOf } from "./context.ts";
import { type IcsEvent, renderCalendar } from "./ics.ts";
import { findPublicPlan, type PublicPlan } from "./public-plan.ts";
import { textsFor } from "./public-text.ts";
import { loadCalendar, rolesOf } from "./store.ts";

/** How far back a personal feed reaches at least: recent weeks stay visible, old years do not. */
const FEED_PAST_DAYS = 60;

/** The first day a personal feed shows: this school year's start (1 August), or 60 days back. */
function feedFrom(today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const yearStart = `${month >= 8 ? year : year - 1}-08-01` as IsoDate;
  const recent = addDays(today, -FEED_PAST_DAYS);
  // ISO dates compare as strings.
  return [yearStart, recent].sort()[0] as IsoDate;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function personalFeedPath(token: string): string {
  return `/api/public/calendar/${token}.ics`;
}

export async function feedStatus(
  db: Db,
  personId: string,
): Promise<{ exists: boolean; createdAt: string | null }> {
  const row = await db
    .selectFrom("plan_calendar_token")
    .select("created_at")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return { exists: Boolean(row), createdAt: row ? row.created_at.toISOString() : null };
}

/** A new secret address (the old one, if any, stops working). Shown once. */
export async function rotateFeed(
  db: Db,
  cmd: { personId: string; now: Date; requestId: string; publicUrl: string },
): Promise<{ url: string; createdAt: string }> {
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("plan_calendar_token")
      .values({ person_id: cmd.personId, token_hash: hashToken(token), created_at: cmd.now })
      .onConflict((oc) =>
        oc.column("person_id").doUpdateSet({ token_hash: hashToken(token), created_at: cmd.now }),
      )
      .execute();
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.personId,
      action: "plan.calendarFeed.rotate",
      resourceType: "person",
      resourceId: cmd.personId,
      requestId: cmd.requestId,
    });
  });
  return { url: `${cmd.publicUrl}${personalFeedPath(token)}`, createdAt: cmd.now.toISOString() };
}

export async function deleteFeed(
  db: Db,
  cmd: { personId: string; now: Date; requestId: string },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const gone = await tx
      .deleteFrom("plan_calendar_token")
      .where("person_id", "=", cmd.personId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) return;
    await appendAudit(tx, {
      at: cmd.now,
      actorId: cmd.personId,
      action: "plan.calendarFeed.delete",
      resourceType: "person",
      resourceId: cmd.personId,
      requestId: cmd.requestId,
    });
  });
}

function partName(lang: Lang, partId: string): string {
  const parts = textsFor(lang).plan.common.parts as Record<PlanPartId, string>;
  return parts[partId as PlanPartId] ?? partId;
}

/** The personal feed for a token, or null when no person has that token. */
export async function personalFeed(
  db: Db,
  token: string,
  now: Date,
  publicUrl: string,
): Promise<string | null> {
  // Tokens are 43 base64url characters; anything else is not worth a lookup.
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const owner = await db
    .selectFrom("plan_calendar_token as c")
    .leftJoin("notification_preference as n", "n.person_id", "c.person_id")
    .select(["c.person_id", "n.lang"])
    .where("c.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!owner) return null;
  const lang: Lang = isLang(owner.lang) ? owner.lang : "nb";
  const { plan: texts } = textsFor(lang);
  const today = todayOf(now);
  const rows = await db
    .selectFrom("plan_task as t")
    .innerJoin("plan_occurrence as o", "o.id", "t.occurrence_id")
    .innerJoin("school as s", "s.id", "t.school_id")
    .leftJoin("study_group as g", "g.id", "t.group_id")
    .select([
      "o.id",
      "o.description",
      "o.deadline_text",
      "o.due_on",
      "o.kind",
      "o.part_id",
      "s.name as school_name",
      "g.name as group_name",
      "t.status",
    ])
    .where("t.person_id", "=", owner.person_id)
    .where("o.due_on", ">=", feedFrom(today))
    .where((eb) => eb.or([eb("o.detached", "=", false), eb("t.status", "=", "done")]))
    .orderBy("o.due_on")
    .orderBy("g.name")
    .execute();
  // One event per occurrence: a teacher with the class hour in two classes gets one event.
  const byOccurrence = new Map<
    string,
    { row: (typeof rows)[number]; groups: string[]; done: boolean }
  >();
  for (const row of rows) {
    const entry = byOccurrence.get(row.id) ?? { row, groups: [], done: true };
    if (row.group_name) entry.groups.push(row.group_name);
    if (row.status !== "done") entry.done = false;
    byOccurrence.set(row.id, entry);
  }
  const events: IcsEvent[] = [...byOccurrence.values()].map(({ row, groups, done }) => {
    const prefix = `${done ? "✓ " : ""}${row.kind === "checkIn" ? `${texts.common.kind.checkIn}: ` : ""}`;
    const suffix = groups.length > 0 ? ` (${groups.join(", ")})` : "";
    return {
      uid: `task-${row.id}@trygg`,
      date: row.due_on as IsoDate,
      summary: `${prefix}${row.description}${suffix}`,
      description: [row.deadline_text, partName(lang, row.part_id), row.school_name]
        .filter((x) => x !== "")
        .join("\n"),
      categories: [partName(lang, row.part_id)],
      url: `${publicUrl}/tasks`,
    };
  });
  return renderCalendar({ name: texts.nav.tasks, description: texts.nav.tasksHelp, now, events });
}

/** The school feed of the published plan, or null when nothing is published. */
export async function schoolFeed(
  db: Db,
  schoolId: string,
  now: Date,
  lang: Lang,
): Promise<string | null> {
  const found = await findPublicPlan(db, schoolId, todayOf(now));
  if (!found) return null;
  const { roleName } = textsFor(lang);
  const stored = await db
    .selectFrom("plan_occurrence")
    .select(["id", "key", "description", "deadline_text", "due_on", "kind", "part_id", "roles"])
    .where("school_year_id", "=", found.plan.schoolYearId)
    .where("detached", "=", false)
    .execute();
  const rows = [
    ...stored.map((row) => ({ ...row, uid: `plan-${row.id}@trygg` })),
    ...(await pastOccurrences(db, found, new Set(stored.map((row) => row.key)))),
  ].sort((a, b) => a.due_on.localeCompare(b.due_on) || a.key.localeCompare(b.key));
  const { plan: texts } = textsFor(lang);
  const events: IcsEvent[] = rows.map((row) => {
    const roles = rolesOf(row.roles).map(roleName);
    return {
      uid: row.uid,
      date: row.due_on as IsoDate,
      summary: `${row.kind === "checkIn" ? `${texts.common.kind.checkIn}: ` : ""}${row.description}`,
      description: [row.deadline_text, roles.join(", "), partName(lang, row.part_id)]
        .filter((x) => x !== "")
        .join("\n"),
      categories: [partName(lang, row.part_id)],
    };
  });
  return renderCalendar({
    name: `${found.plan.content.title} – ${found.school.name}`,
    now,
    events,
  });
}

/**
 * The year's occurrences the plan has but the stored wheel does not: publishing never adds
 * tasks due before the day of publishing (ADR 0108), yet the school's calendar shows the whole
 * school year, so a plan published in December still shows November's survey (ADR 0118).
 */
async function pastOccurrences(
  db: Db,
  found: PublicPlan,
  storedKeys: ReadonlySet<string>,
): Promise<
  {
    uid: string;
    key: string;
    description: string;
    deadline_text: string;
    due_on: string;
    kind: "due" | "checkIn";
    part_id: PlanPartId;
    roles: unknown;
  }[]
> {
  const loaded = await loadCalendar(db, found.school.id, found.plan.schoolYearId);
  if (!loaded?.calendar.ok) return [];
  const scheduled = schedulePlan(found.plan.content, loaded.calendar.value);
  if (!scheduled.ok) return [];
  const texts = new Map(
    activitiesOf(found.plan.content).map(({ activity }) => [activity.id, activity]),
  );
  return scheduled.value
    .filter((o) => !storedKeys.has(o.key))
    .map((o) => ({
      // Stable across feeds: the year and the occurrence key (activity and date).
      uid: `plan-${found.plan.schoolYearId}-${o.key}@trygg`,
      key: o.key,
      description: texts.get(o.activityId)?.description ?? "",
      deadline_text: texts.get(o.activityId)?.deadlineText ?? "",
      due_on: o.dueOn,
      kind: o.kind,
      part_id: o.partId,
      roles: [...o.roles],
    }));
}
