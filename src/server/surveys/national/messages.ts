// Translated texts for unreadable national survey files and rows. An error travels as a code
// plus parameters (positions, column names, the offending value) and becomes a sentence only
// when shown. nb is the source; nn and en are typed against it.
import type { ParseErrorCode } from "../../../core/surveys/national/types.ts";
import type { Lang } from "../../../i18n/lang.ts";

type Catalog = Record<ParseErrorCode, string>;

export const surveyMessagesNb: Catalog = {
  "survey.emptyFile": "Filen er tom.",
  "survey.binaryFile":
    "Filen er ikke en tekstfil (kanskje et Excel-regneark eller en zip-fil). Last opp CSV- eller JSON-filen.",
  "survey.encoding": "Filen er ikke lagret som UTF-8. Lagre den som «CSV UTF-8» og prøv igjen.",
  "survey.unknownFormat":
    "Filen er verken en nedlasting fra Skoleporten eller rader fra Udirs statistikk-API.",
  "survey.badJson": "JSON-innholdet kan ikke leses.",
  "survey.missingColumn": "Kolonnen «{column}» mangler.",
  "survey.csvSyntax": "Raden kan ikke leses som CSV (sjekk anførselstegn).",
  "survey.fieldCount": "Raden har {found} felt, men overskriftsraden har {expected}.",
  "survey.missingValue": "Verdien mangler.",
  "survey.badNumber": "«{value}» er ikke et tall.",
  "survey.outOfRange": "Tallet må være mellom {min} og {max}.",
  "survey.badYear": "«{value}» er ikke et skoleår (for eksempel 2021-22).",
  "survey.badTrinn": "«{value}» er ikke et trinn (5.–10. trinn eller Vg1–Vg3).",
  "survey.badGender": "«{value}» er ikke et kjønn (Begge kjønn, Jenter eller Gutter).",
  "survey.duplicate": "Den samme verdien står også på linje {firstLine}.",
  "survey.unitNotFound": "Filen har ingen rader for skolen «{unit}». Velg riktig enhet.",
  "survey.tooManyRows": "Filen har for mange rader (mer enn {max}).",
};

export const surveyMessagesNn: Catalog = {
  "survey.emptyFile": "Fila er tom.",
  "survey.binaryFile":
    "Fila er ikkje ei tekstfil (kanskje eit Excel-rekneark eller ei zip-fil). Last opp CSV- eller JSON-fila.",
  "survey.encoding": "Fila er ikkje lagra som UTF-8. Lagre ho som «CSV UTF-8» og prøv igjen.",
  "survey.unknownFormat":
    "Fila er verken ei nedlasting frå Skoleporten eller rader frå statistikk-API-et til Udir.",
  "survey.badJson": "JSON-innhaldet kan ikkje lesast.",
  "survey.missingColumn": "Kolonnen «{column}» manglar.",
  "survey.csvSyntax": "Rada kan ikkje lesast som CSV (sjekk hermeteikn).",
  "survey.fieldCount": "Rada har {found} felt, men overskriftsrada har {expected}.",
  "survey.missingValue": "Verdien manglar.",
  "survey.badNumber": "«{value}» er ikkje eit tal.",
  "survey.outOfRange": "Talet må vere mellom {min} og {max}.",
  "survey.badYear": "«{value}» er ikkje eit skuleår (til dømes 2021-22).",
  "survey.badTrinn": "«{value}» er ikkje eit trinn (5.–10. trinn eller Vg1–Vg3).",
  "survey.badGender": "«{value}» er ikkje eit kjønn (Begge kjønn, Jenter eller Gutter).",
  "survey.duplicate": "Den same verdien står også på linje {firstLine}.",
  "survey.unitNotFound": "Fila har ingen rader for skulen «{unit}». Vel rett eining.",
  "survey.tooManyRows": "Fila har for mange rader (meir enn {max}).",
};

export const surveyMessagesEn: Catalog = {
  "survey.emptyFile": "The file is empty.",
  "survey.binaryFile":
    "The file is not a text file (perhaps an Excel workbook or a zip file). Upload the CSV or JSON file.",
  "survey.encoding": "The file is not saved as UTF-8. Save it as “CSV UTF-8” and try again.",
  "survey.unknownFormat":
    "The file is neither a Skoleporten download nor rows from Udir's statistics API.",
  "survey.badJson": "The JSON content cannot be read.",
  "survey.missingColumn": "The column “{column}” is missing.",
  "survey.csvSyntax": "The row cannot be read as CSV (check the quotes).",
  "survey.fieldCount": "The row has {found} fields, but the header has {expected}.",
  "survey.missingValue": "The value is missing.",
  "survey.badNumber": "“{value}” is not a number.",
  "survey.outOfRange": "The number must be between {min} and {max}.",
  "survey.badYear": "“{value}” is not a school year (for example 2021-22).",
  "survey.badTrinn": "“{value}” is not a year group (grades 5–10 or Vg1–Vg3).",
  "survey.badGender": "“{value}” is not a gender (Begge kjønn, Jenter or Gutter).",
  "survey.duplicate": "The same value is also on line {firstLine}.",
  "survey.unitNotFound": "The file has no rows for the school “{unit}”. Choose the right unit.",
  "survey.tooManyRows": "The file has too many rows (more than {max}).",
};

const catalogs: Record<Lang, Catalog> = {
  nb: surveyMessagesNb,
  nn: surveyMessagesNn,
  en: surveyMessagesEn,
};

export function surveyMessage(
  lang: Lang,
  code: ParseErrorCode,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template = catalogs[lang][code] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
