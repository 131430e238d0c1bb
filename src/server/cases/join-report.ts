// Joining a new report's case into an open case about the same pupil: the target takes over
// the reports, the source closes as joined. Both change in one transaction, or neither.
import { z } from "zod";
import { accessViewOf, type CaseActor, caseVisibility } from "../../core/cases/case-access.ts";
import { joinCases } from "../../core/cases/transition.ts";
import type { Lang } from "../../i18n/lang.ts";
import { notFound } from "../platform/errors.ts";
import { OUTBOX_QUEUE } from "../platform/outbox/enqueue.ts";
import { applyJobs, type CaseDeps, recordEvents } from "./effects.ts";
import { caseRefused } from "./errors.ts";
import { loadOwnerRules, lockCase, saveCase } from "./store.ts";

export const joinInput = z.object({ intoCaseId: z.uuid() });

export async function joinReport(
  deps: CaseDeps,
  req: { actor: CaseActor; caseId: string; requestId: string | null; lang: Lang },
  input: z.infer<typeof joinInput>,
) {
  const now = deps.clock();
  const { target, notified } = await deps.db.transaction().execute(async (tx) => {
    // Lock in id order, so two joins of the same pair cannot deadlock.
    const [first, second] = [req.caseId, input.intoCaseId].sort();
    const a = await lockCase(tx, first as string);
    const b = first === second ? a : await lockCase(tx, second as string);
    const byId = (id: string) => [a, b].find((c) => c?.state.id === id) ?? null;
    const source = byId(req.caseId);
    const target = byId(input.intoCaseId);
    // A target the caller may not see answers as an unknown one (issue #8).
    if (
      !source ||
      !target ||
      caseVisibility(req.actor, accessViewOf(target.state)).level !== "full"
    ) {
      throw notFound();
    }
    const rules = await loadOwnerRules(tx, source.state.ownerId);
    const result = joinCases(source.state, target.state, { now, actor: req.actor, ...rules });
    if (!result.ok) throw caseRefused(result.error, req.lang);
    await saveCase(tx, result.target, target.version, now);
    await saveCase(tx, result.source, source.version, now);
    const own = (id: string) => result.events.filter((e) => e.caseId === id);
    await recordEvents(tx, result.target, own(result.target.id), { requestId: req.requestId });
    await recordEvents(tx, result.source, own(result.source.id), { requestId: req.requestId });
    const jobsOf = (id: string) =>
      result.jobs.filter((j) => ("caseId" in j ? j.caseId === id : false));
    const n1 = await applyJobs(tx, deps, result.target, jobsOf(result.target.id), now);
    const n2 = await applyJobs(tx, deps, result.source, jobsOf(result.source.id), now);
    return { target: result.target, notified: n1 || n2 };
  });
  if (notified) deps.kick?.(OUTBOX_QUEUE);
  return target;
}
