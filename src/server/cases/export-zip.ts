// The bundle for Statsforvalteren: one ZIP with the case file as PDF and as JSON, every
// attachment file, and manifest.json listing each file with its SHA-256 and size, so the
// receiver can check that nothing was lost or changed on the way (e.g. through SvarUt).
// It is the full copy, for those who may export the full case file (policy "case.export"),
// and it is audited as one read of the case ("case.exported", format "zip").
//
// Anyone who may not see the case gets a 404, exactly like an unknown id (caseFromParam);
// someone who sees it but may not export it (a team member) gets the policy's 403.
import { createHash } from "node:crypto";
import { zipSync } from "fflate";
import type { Actor } from "../../core/access/actor.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { Db } from "../platform/db/database.ts";
import { caseFileBaseName, loadCaseFile, renderCaseFilePdf } from "./export.ts";

export const BUNDLE_FORMAT = "trygg.caseFileBundle";
export const BUNDLE_VERSION = 1;

export interface ManifestEntry {
  path: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  caseId: string;
  exportedAt: string;
  files: ManifestEntry[];
}

/** A file name safe inside a ZIP on any system: no folders, no control characters. */
export function safeEntryName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/^\.+/, "")
    .trim()
    .slice(-120);
  return cleaned.length > 0 ? cleaned : "file";
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function caseFileBundle(
  db: Db,
  actor: Actor,
  caseId: string,
  opts: { lang: Lang; now: Date; requestId: string | null },
): Promise<{ fileName: string; body: Buffer; manifest: BundleManifest }> {
  const { doc } = await loadCaseFile(
    db,
    actor,
    caseId,
    { format: "pdf", copy: "full", pupilId: null, ...opts },
    "zip",
  );
  const attachments = await db
    .selectFrom("case_attachment")
    .select(["id", "file_name", "media_type", "content"])
    .where("case_id", "=", caseId)
    .orderBy("uploaded_at")
    .orderBy("id")
    .execute();
  const pdf = await renderCaseFilePdf(doc, opts.lang, opts.now);
  const files: { path: string; mediaType: string; bytes: Uint8Array }[] = [
    { path: "case-file.pdf", mediaType: "application/pdf", bytes: new Uint8Array(pdf) },
    {
      path: "case-file.json",
      mediaType: "application/json",
      bytes: new TextEncoder().encode(JSON.stringify(doc, null, 2)),
    },
    ...attachments.map((a, i) => ({
      path: `attachments/${String(i + 1).padStart(2, "0")}-${safeEntryName(a.file_name)}`,
      mediaType: a.media_type,
      bytes: new Uint8Array(a.content),
    })),
  ];
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    caseId,
    exportedAt: opts.now.toISOString(),
    files: files.map((f) => ({
      path: f.path,
      mediaType: f.mediaType,
      sizeBytes: f.bytes.byteLength,
      sha256: sha256(f.bytes),
    })),
  };
  const mtime = opts.now;
  const zip = zipSync(
    {
      "manifest.json": [
        new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
        { mtime, level: 6 },
      ],
      ...Object.fromEntries(files.map((f) => [f.path, [f.bytes, { mtime, level: 6 }]])),
    },
    { mtime },
  );
  return {
    fileName: `${caseFileBaseName(caseId, false)}-statsforvalteren.zip`,
    body: Buffer.from(zip),
    manifest,
  };
}
