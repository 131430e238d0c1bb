// Documents in the case file. Only a few safe types, checked by their first bytes as well as
// the declared type (a renamed executable is refused), at most 10 MiB; kept for ever. Every
// upload and every download is audited.
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../core/access/actor.ts";
import type { CaseState } from "../../core/cases/types.ts";
import type { Lang } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { restrictedCase } from "./effects.ts";
import { caseInputProblem } from "./errors.ts";
import { appendCaseEvents, loadCase } from "./store.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "text/plain",
] as const;

export const attachmentInput = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    // No path separators or control characters: the name ends up in a download header.
    .refine((v) => ![...v].some((ch) => ch === "/" || ch === "\\" || ch.charCodeAt(0) < 32), {
      error: "field.invalid",
    }),
  mediaType: z.string().max(100),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8),
});

function looksLike(type: string, bytes: Buffer): boolean {
  switch (type) {
    case "application/pdf":
      return bytes.subarray(0, 5).toString("latin1") === "%PDF-";
    case "image/png":
      return bytes
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case "image/jpeg":
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case "text/plain":
      return !bytes.includes(0) && Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes);
    default:
      return false;
  }
}

async function auditCase(
  db: Db,
  state: CaseState,
  entry: {
    actorId: string;
    action: string;
    requestId: string | null;
    now: Date;
    detail: Record<string, unknown>;
  },
  event = false,
) {
  await db.transaction().execute(async (tx) => {
    if (event) {
      await appendCaseEvents(tx, [
        {
          caseId: state.id,
          type: entry.action,
          at: entry.now.toISOString(),
          actorId: entry.actorId,
          data: entry.detail,
        },
      ]);
    }
    await appendAudit(tx, {
      at: entry.now,
      actorId: entry.actorId,
      action: entry.action,
      resourceType: "case",
      resourceId: state.id,
      schoolId: state.schoolId,
      ownerId: state.ownerId,
      restricted: restrictedCase(state),
      requestId: entry.requestId,
      detail: entry.detail,
    });
  });
}

export async function addAttachment(
  db: Db,
  req: { actor: Actor; caseId: string; requestId: string | null; lang: Lang; now: Date },
  input: z.infer<typeof attachmentInput>,
) {
  const stored = await loadCase(db, req.caseId);
  if (!stored) throw notFound();
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(input.mediaType)) {
    throw caseInputProblem(req.lang, "mediaType", "attachment.typeNotAllowed");
  }
  const bytes = Buffer.from(input.contentBase64, "base64");
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) {
    throw caseInputProblem(req.lang, "contentBase64", "attachment.tooLarge");
  }
  if (!looksLike(input.mediaType, bytes)) {
    throw caseInputProblem(req.lang, "contentBase64", "attachment.typeNotAllowed");
  }
  const id = randomUUID();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("case_attachment")
      .values({
        id,
        case_id: req.caseId,
        file_name: input.fileName,
        media_type: input.mediaType,
        size_bytes: bytes.length,
        sha256,
        content: bytes,
        uploaded_at: req.now,
        uploaded_by: req.actor.personId,
      })
      .execute();
  });
  await auditCase(
    db,
    stored.state,
    {
      actorId: req.actor.personId,
      action: "case.attachmentAdded",
      requestId: req.requestId,
      now: req.now,
      detail: { attachmentId: id, mediaType: input.mediaType, sizeBytes: bytes.length },
    },
    true,
  );
  return { id, sha256, sizeBytes: bytes.length };
}

export async function readAttachment(
  db: Db,
  req: { actor: Actor; caseId: string; requestId: string | null; now: Date },
  attachmentId: string,
) {
  const stored = await loadCase(db, req.caseId);
  const row = await db
    .selectFrom("case_attachment")
    .select(["id", "file_name", "media_type", "content"])
    .where("id", "=", attachmentId)
    .where("case_id", "=", req.caseId)
    .executeTakeFirst();
  if (!stored || !row) throw notFound();
  await auditCase(db, stored.state, {
    actorId: req.actor.personId,
    action: "case.attachmentRead",
    requestId: req.requestId,
    now: req.now,
    detail: { attachmentId },
  });
  return row;
}
