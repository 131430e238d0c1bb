// The daily plan job: give future occurrences to the current role holders (a new contact
// teacher, a teacher who left), then remind people of their tasks due in the next days.
// A reminder says only that there is a task (template `plan.taskDue`) and links to "Mine
// oppgaver"; one per person per run, however many tasks, and each task is reminded once.
import { addDays, type IsoDate } from "../../core/calendar/iso-date.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Clock } from "../platform/clock.ts";
import type { Config } from "../platform/config.ts";
import type { Db } from "../platform/db/database.ts";
import { enqueueNotification } from "../platform/outbox/enqueue.ts";
import { todayOf } from "./context.ts";
import { syncTasks } from "./year-wheel.ts";

export const PLAN_REMINDER_QUEUE = "plan.reminders";
/** Tasks due today up to this many days ahead are reminded. */
export const REMIND_DAYS_AHEAD = 2;
export const MY_TASKS_LINK = "/tasks";

export interface ReminderRun {
  today: IsoDate;
  schools: number;
  tasksAdded: number;
  tasksRemoved: number;
  people: number;
  tasks: number;
}

export async function runPlanReminders(deps: {
  db: Db;
  clock: Clock;
  config: Pick<Config, "teamsWebhookUrl">;
}): Promise<ReminderRun> {
  const { db, config } = deps;
  const now = deps.clock();
  const today = todayOf(now);
  const run: ReminderRun = {
    today,
    schools: 0,
    tasksAdded: 0,
    tasksRemoved: 0,
    people: 0,
    tasks: 0,
  };

  // Every published version whose school year is still running.
  const inForce = await db
    .selectFrom("action_plan as p")
    .innerJoin("school_year as y", "y.id", "p.school_year_id")
    .innerJoin("school as s", "s.id", "p.school_id")
    .select(["p.school_id", "p.school_year_id", "s.owner_id"])
    .where("p.status", "=", "published")
    .where("y.ends_on", ">=", today)
    .execute();

  for (const plan of inForce) {
    await db.transaction().execute(async (tx) => {
      const synced = await syncTasks(tx, plan.school_id, plan.school_year_id, today);
      run.tasksAdded += synced.tasksAdded;
      run.tasksRemoved += synced.tasksRemoved;

      const due = await tx
        .selectFrom("plan_task as t")
        .innerJoin("plan_occurrence as o", "o.id", "t.occurrence_id")
        .select(["t.id", "t.person_id"])
        .where("o.school_year_id", "=", plan.school_year_id)
        .where("o.detached", "=", false)
        .where("t.status", "=", "open")
        .where("t.reminded_at", "is", null)
        .where("o.due_on", ">=", today)
        .where("o.due_on", "<=", addDays(today, REMIND_DAYS_AHEAD))
        .forUpdate()
        .execute();
      const people = [...new Set(due.map((t) => t.person_id))];
      for (const personId of people) {
        await enqueueNotification(
          tx,
          { recipientId: personId, template: "plan.taskDue", link: MY_TASKS_LINK },
          { teamsWebhookUrl: config.teamsWebhookUrl, now },
        );
      }
      if (due.length > 0) {
        await tx
          .updateTable("plan_task")
          .set({ reminded_at: now })
          .where(
            "id",
            "in",
            due.map((t) => t.id),
          )
          .execute();
      }
      if (due.length > 0 || synced.tasksAdded > 0 || synced.tasksRemoved > 0) {
        await appendAudit(tx, {
          at: now,
          actorId: null,
          action: "plan.dailyRun",
          resourceType: "schoolYear",
          resourceId: plan.school_year_id,
          schoolId: plan.school_id,
          ownerId: plan.owner_id,
          detail: { reminded: people.length, tasks: due.length, ...synced },
        });
      }
      run.schools++;
      run.people += people.length;
      run.tasks += due.length;
    });
  }
  return run;
}
