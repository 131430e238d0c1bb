// The case lists: a school's cases (the principal's dashboard) and the owner's (escalated and
// leadership cases). Each row is shown only if the one policy lets the reader read that case,
// so a leadership case never appears — not even as a count — for the school's leadership.
// Open cases are sorted by their next dated step, earliest (overdue) first; the owner's list
// first shows the cases whose next step is the owner's, then the overdue ones.
import type { Actor } from "../../core/access/actor.ts";
import { authorize } from "../../core/access/policy.ts";
import { isOwnerRole } from "../../core/access/roles.ts";
import { dueDate, nextStep } from "../../core/cases/deadlines.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { restrictedCase } from "./effects.ts";
import { caseResourceOf } from "./read-case.ts";
import { caseStateOf, namesOf } from "./store.ts";

export interface CaseListItem {
  id: string;
  schoolId: string;
  /** The school's name (the owner's list spans its schools). */
  schoolName: string;
  /** The next step is the owner's to take (an owner role, or the reader by name). */
  needsOwner: boolean;
  kind: string;
  status: string;
  pupils: { id: string; name: string }[];
  serious: boolean;
  reportedAt: string;
  closedAt: string | null;
  nextStep: {
    kind: string;
    dueOn: string;
    overdue: boolean;
    owner: { type: "role"; role: string } | { type: "person"; personId: string; name: string };
  } | null;
}

export async function listCases(
  db: Db,
  actor: Actor,
  scope: { schoolId: string } | { ownerId: string },
  opts: { closed: boolean; now: Date; requestId: string | null },
): Promise<{ items: CaseListItem[] }> {
  let q = db
    .selectFrom("school_case")
    .select(["state"])
    .where("status", opts.closed ? "=" : "!=", "closed");
  q =
    "schoolId" in scope
      ? q.where("school_id", "=", scope.schoolId)
      : q
          .where("owner_id", "=", scope.ownerId)
          .where((eb) =>
            eb.or([eb("owner_involved", "=", true), eb("kind", "=", "leadership-violation")]),
          );
  const rows = await q.execute();
  const visible = rows
    .map((r) => caseStateOf(r.state))
    .filter((c) => authorize(actor, "case.read", caseResourceOf(c)).allow);
  const steps = new Map(visible.map((c) => [c.id, nextStep(c, opts.now)]));
  const ids = new Set<string>();
  for (const c of visible) {
    for (const p of c.pupils) ids.add(p);
    const owner = steps.get(c.id)?.owner;
    if (owner?.type === "person") ids.add(owner.personId);
  }
  const names = await namesOf(db, ids);
  const schoolIds = [...new Set(visible.map((c) => c.schoolId))];
  const schools =
    schoolIds.length === 0
      ? []
      : await db.selectFrom("school").select(["id", "name"]).where("id", "in", schoolIds).execute();
  const schoolNames = new Map(schools.map((s) => [s.id, s.name]));
  const items: CaseListItem[] = visible.map((c) => {
    const step = steps.get(c.id) ?? null;
    const needsOwner =
      step !== null &&
      (step.owner.type === "role"
        ? isOwnerRole(step.owner.role)
        : step.owner.personId === actor.personId && !("schoolId" in scope));
    return {
      id: c.id,
      schoolId: c.schoolId,
      schoolName: schoolNames.get(c.schoolId) ?? "",
      needsOwner,
      kind: c.kind,
      status: c.status,
      pupils: c.pupils.map((id) => ({ id, name: names[id] ?? "" })),
      serious: c.serious !== null,
      reportedAt: c.reportedAt,
      closedAt: c.closedAt,
      nextStep: step
        ? {
            kind: step.kind,
            dueOn: dueDate(step.due),
            overdue: step.overdue,
            owner:
              step.owner.type === "person"
                ? {
                    type: "person",
                    personId: step.owner.personId,
                    name: names[step.owner.personId] ?? "",
                  }
                : { type: "role", role: step.owner.role },
          }
        : null,
    };
  });
  items.sort((a, b) => {
    if (opts.closed) return (b.closedAt ?? "").localeCompare(a.closedAt ?? "");
    // The owner's list puts first what needs the owner now, then overdue steps.
    if ("ownerId" in scope) {
      if (a.needsOwner !== b.needsOwner) return a.needsOwner ? -1 : 1;
      const oa = a.nextStep?.overdue ?? false;
      const ob = b.nextStep?.overdue ?? false;
      if (oa !== ob) return oa ? -1 : 1;
    }
    const da = a.nextStep?.dueOn ?? "9999-12-31";
    const dbb = b.nextStep?.dueOn ?? "9999-12-31";
    return da !== dbb ? (da < dbb ? -1 : 1) : a.reportedAt.localeCompare(b.reportedAt);
  });
  await db.transaction().execute((tx) =>
    appendAudit(tx, {
      at: opts.now,
      actorId: actor.personId,
      action: "case.list",
      resourceType: "schoolId" in scope ? "school" : "owner",
      resourceId: "schoolId" in scope ? scope.schoolId : scope.ownerId,
      schoolId: "schoolId" in scope ? scope.schoolId : null,
      ownerId: "ownerId" in scope ? scope.ownerId : null,
      restricted: restrictedCase(...visible),
      requestId: opts.requestId,
      detail: { caseIds: items.map((i) => i.id), closed: opts.closed },
    }),
  );
  return { items };
}
