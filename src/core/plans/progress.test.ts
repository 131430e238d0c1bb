import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../calendar/iso-date.ts";
import { summarizeProgress } from "./progress.ts";
import type { Occurrence, TaskWithStatus } from "./types.ts";

const d = parseIsoDate;

function occ(
  activityId: string,
  dueOn: string,
  partId: Occurrence["partId"],
  roles: Occurrence["roles"],
): Occurrence {
  return {
    key: `${activityId}@${dueOn}`,
    activityId,
    kind: "due",
    sequence: 1,
    windowStartsOn: d(dueOn),
    dueOn: d(dueOn),
    partId,
    roles,
  };
}

const occurrences = [
  occ("info-staff-routine", "2026-08-14", "information", ["principal"]),
  occ("prev-class-hour", "2026-08-21", "prevention", ["contactTeacher"]),
  occ("prev-class-hour", "2026-08-28", "prevention", ["contactTeacher"]),
  occ("prev-survey", "2026-11-30", "prevention", ["adminLeader", "contactTeacher"]),
  occ("prev-ideas", "2026-09-25", "prevention", []),
];

function task(
  occurrenceKey: string,
  personId: string,
  status: TaskWithStatus["status"],
  roles: TaskWithStatus["roles"],
  groupId?: string,
): TaskWithStatus {
  return groupId === undefined
    ? { occurrenceKey, personId, status, roles }
    : { occurrenceKey, personId, status, roles, groupId };
}

const tasks: TaskWithStatus[] = [
  task("info-staff-routine@2026-08-14", "p1", "done", ["principal"]),
  task("prev-class-hour@2026-08-21", "t1", "done", ["contactTeacher"], "1A"),
  task("prev-class-hour@2026-08-21", "t2", "open", ["contactTeacher"], "1B"),
  task("prev-class-hour@2026-08-28", "t1", "skipped", ["contactTeacher"], "1A"),
  task("prev-class-hour@2026-08-28", "t2", "open", ["contactTeacher"], "1B"),
  task("prev-survey@2026-11-30", "p1", "done", ["adminLeader"]),
  task("prev-survey@2026-11-30", "t1", "open", ["contactTeacher"], "1A"),
  // A task whose occurrence is gone is ignored.
  task("removed@2026-09-01", "t1", "open", ["contactTeacher"], "1A"),
];

describe("summarizeProgress on 1 Sep 2026", () => {
  const summary = summarizeProgress(occurrences, tasks, d("2026-09-01"));

  it("overall", () => {
    expect(summary.overall).toEqual({
      total: 7,
      done: 3,
      skipped: 1,
      open: 3,
      dueSoFar: 5,
      overdue: 2,
      completion: 2 / 4,
    });
  });

  it("by part (every part present, even without tasks)", () => {
    expect(summary.byPart.information).toMatchObject({ total: 1, done: 1, completion: 1 });
    expect(summary.byPart.prevention).toMatchObject({
      total: 6,
      dueSoFar: 4,
      overdue: 2,
      completion: 1 / 3,
    });
    expect(summary.byPart.dutyToAct).toMatchObject({ total: 0, completion: null });
    expect(summary.byPart.resources.total).toBe(0);
  });

  it("by role", () => {
    expect(summary.byRole.contactTeacher).toMatchObject({
      total: 5,
      done: 1,
      overdue: 2,
      completion: 1 / 3,
    });
    expect(summary.byRole.adminLeader).toMatchObject({
      total: 1,
      done: 1,
      dueSoFar: 0,
      completion: null,
    });
    expect(summary.byRole.principal).toMatchObject({ total: 1, completion: 1 });
  });

  it("by class", () => {
    expect(summary.byGroup["1A"]).toMatchObject({
      total: 3,
      done: 1,
      skipped: 1,
      overdue: 0,
      completion: 1,
    });
    expect(summary.byGroup["1B"]).toMatchObject({ total: 2, overdue: 2, completion: 0 });
  });

  it("overdue, oldest first, with days late", () => {
    expect(summary.overdue).toEqual([
      {
        occurrenceKey: "prev-class-hour@2026-08-21",
        activityId: "prev-class-hour",
        partId: "prevention",
        dueOn: "2026-08-21",
        daysOverdue: 11,
        personId: "t2",
        groupId: "1B",
      },
      {
        occurrenceKey: "prev-class-hour@2026-08-28",
        activityId: "prev-class-hour",
        partId: "prevention",
        dueOn: "2026-08-28",
        daysOverdue: 4,
        personId: "t2",
        groupId: "1B",
      },
    ]);
  });

  it("lists occurrences without any task", () => {
    expect(summary.unassigned).toEqual(["prev-ideas@2026-09-25"]);
  });

  it("a task due today is not overdue", () => {
    const s = summarizeProgress(occurrences, tasks, d("2026-08-21"));
    expect(s.overdue).toEqual([]);
    expect(s.overall.dueSoFar).toBe(1);
  });
});
