// PDF rendering with pdfmake 0.3 and the Roboto fonts it ships (embedded in every PDF, so
// æ, ø and å survive copying and `pdftotext`). The renderer may read only those font files
// and never fetch a URL: a document definition cannot make the server read or fetch
// anything else.
import { createRequire } from "node:module";
import path from "node:path";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Lang } from "../../i18n/lang.ts";
import { cases } from "../../i18n/web/cases.ts";

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("pdfmake/fonts/Roboto.js")), "Roboto");
let configured = false;

function configure(): void {
  if (configured) return;
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(fontDir, "Roboto-Regular.ttf"),
      bold: path.join(fontDir, "Roboto-Medium.ttf"),
      italics: path.join(fontDir, "Roboto-Italic.ttf"),
      bolditalics: path.join(fontDir, "Roboto-MediumItalic.ttf"),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir));
  configured = true;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const out = await pdfmake.createPdf(doc).getBuffer();
  return Buffer.from(out);
}

export const PDF_STYLES: TDocumentDefinitions["styles"] = {
  title: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 11, italics: true, margin: [0, 0, 0, 12] },
  h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
  h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
  label: { bold: true },
  small: { fontSize: 8, color: "#444444" },
  tableHeader: { bold: true, fillColor: "#eeeeee" },
};

/** 24.03.2027 (dates) and 24.03.2027 09:15 (instants, Oslo time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-");
    return `${d}.${m}.${y}`;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat("nb-NO", {
    timeZone: "Europe/Oslo",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** A translated text from the cases catalogue, with {{params}} filled in. */
export function tr(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  let node: unknown = cases[lang];
  for (const part of key.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  }
  const text = typeof node === "string" ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(params[k] ?? ""));
}

/** Translation of a key whose last part may itself contain dots (event types). */
export function trIn(
  lang: Lang,
  section: string,
  key: string,
  params: Record<string, unknown> = {},
) {
  const table = (cases[lang] as unknown as Record<string, Record<string, string>>)[section];
  const text = table?.[key] ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(params[k] ?? ""));
}

export function fieldRow(label: string, value: string): Content {
  return { text: [{ text: `${label}: `, style: "label" }, value], margin: [0, 1, 0, 1] };
}
