// What poppler makes of a PDF (pdftotext in layout mode, pdfinfo), for tests of printouts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface ReadPdf {
  text: string;
  pages: number;
  /** First page, in points. */
  width: number;
  height: number;
}

export function readPdf(pdf: Buffer): ReadPdf {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trygg-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
    });
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
    return {
      text,
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
      width: Number(size?.[1] ?? 0),
      height: Number(size?.[2] ?? 0),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
