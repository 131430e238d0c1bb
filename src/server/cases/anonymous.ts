// "Si ifra" without a name: a pupil tells the school they do not feel safe, and no identity is
// stored — not the person, not the session. The pupil gets a receipt code, shown once; the
// server keeps only a keyed hash of it (HMAC with the server secret), so the code is the only
// way to look up the receipt, and a stolen database cannot be searched for it. The receipt
// says received / acknowledged, like any reporter's, and carries the two-way conversation
// with the school (reporter-messages.ts).
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { osloDateOf } from "../../core/calendar/iso-date.ts";
import { openCase } from "../../core/cases/transition.ts";
import type { Lang } from "../../i18n/lang.ts";
import { OUTBOX_QUEUE } from "../platform/outbox/enqueue.ts";
import { resolveSecret } from "../platform/secret.ts";
import { applyJobs, type CaseDeps, recordEvents } from "./effects.ts";
import { caseRefused } from "./errors.ts";
import { type ComplaintInfo, complaintFor } from "./family-complaint.ts";
import { insertCase, insertReport, loadOwnerRules } from "./store.ts";

export const anonymousInput = z.object({ description: z.string().trim().min(1).max(20_000) });
export const receiptInput = z.object({ code: z.string().trim().min(8).max(40) });

// No 0/O or 1/I/L: a code read aloud or copied by hand survives.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newReceiptCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

export function receiptHash(secret: string, code: string): string {
  return createHmac("sha256", secret)
    .update(`receipt:${normaliseCode(code)}`)
    .digest("hex");
}

export async function fileAnonymousReport(
  deps: CaseDeps,
  ctx: { schoolId: string; ownerId: string; lang: Lang },
  input: z.infer<typeof anonymousInput>,
): Promise<{ receiptCode: string; receivedAt: string; complaint: ComplaintInfo }> {
  const now = deps.clock();
  const code = newReceiptCode();
  const hash = receiptHash(resolveSecret(deps.config), code);
  const caseId = randomUUID();
  const reportId = randomUUID();
  const { receivedAt, notified } = await deps.db.transaction().execute(async (tx) => {
    const rules = await loadOwnerRules(tx, ctx.ownerId);
    const result = openCase(
      {
        caseId,
        reportId,
        schoolId: ctx.schoolId,
        ownerId: ctx.ownerId,
        kind: "pupil-reported",
        pupils: [],
        description: input.description,
        reporter: { type: "anonymous", receiptCodeHash: hash },
      },
      { now, actor: null, ...rules },
    );
    if (!result.ok) throw caseRefused(result.error, ctx.lang);
    await insertCase(tx, result.next, now);
    await insertReport(tx, {
      id: reportId,
      caseId,
      schoolId: ctx.schoolId,
      kind: "pupil-reported",
      reporterId: null,
      capacity: null,
      receiptCodeHash: hash,
      details: {},
      reportedAt: result.next.reportedAt,
    });
    // No request id either: it would tie the audit row to the access log of the request.
    await recordEvents(tx, result.next, result.events, { requestId: null });
    const notified = await applyJobs(tx, deps, result.next, result.jobs, now);
    return { receivedAt: result.next.reportedAt, notified };
  });
  if (notified) deps.kick?.(OUTBOX_QUEUE);
  // The receipt tells the pupil where to go if the school does not act (§12-6).
  const complaint = await complaintFor(deps.db, ctx.ownerId, osloDateOf(new Date(receivedAt)));
  return { receiptCode: code, receivedAt, complaint };
}
