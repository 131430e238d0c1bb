// The one way a command reaches a case: lock the row, ask the core for the transition, write
// the next state with its timeline, audit rows, notifications and reminders in the same
// transaction, and wake the outbox sender after commit. Every use case file builds its
// command and calls this.
import type { CaseActor } from "../../core/cases/case-access.ts";
import type { CaseCommand } from "../../core/cases/commands.ts";
import { transition } from "../../core/cases/transition.ts";
import type { CaseState } from "../../core/cases/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { Tx } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { OUTBOX_QUEUE } from "../platform/outbox/enqueue.ts";
import { applyJobs, type CaseDeps, recordEvents } from "./effects.ts";
import { caseRefused } from "./errors.ts";
import { loadOwnerRules, lockCase, saveCase } from "./store.ts";

export interface CommandRequest {
  actor: CaseActor;
  caseId: string;
  requestId: string | null;
  lang: Lang;
}

export type CommandBuilder = CaseCommand | ((tx: Tx, state: CaseState) => Promise<CaseCommand>);

export async function runCaseCommand(
  deps: CaseDeps,
  req: CommandRequest,
  build: CommandBuilder,
): Promise<CaseState> {
  const now = deps.clock();
  const { state, notified } = await deps.db.transaction().execute(async (tx) => {
    const stored = await lockCase(tx, req.caseId);
    if (!stored) throw notFound();
    const before = stored.state;
    const command = typeof build === "function" ? await build(tx, before) : build;
    const rules = await loadOwnerRules(tx, before.ownerId);
    const result = transition(before, command, { now, actor: req.actor, ...rules });
    if (!result.ok) throw caseRefused(result.error, req.lang);
    await saveCase(tx, result.next, stored.version, now);
    await recordEvents(tx, result.next, result.events, { requestId: req.requestId, before });
    const notified = await applyJobs(tx, deps, result.next, result.jobs, now);
    return { state: result.next, notified };
  });
  if (notified) deps.kick?.(OUTBOX_QUEUE);
  return state;
}
