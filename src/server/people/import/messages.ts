// Translated texts for import problems. A problem travels as a stable code plus parameters
// (ids, column names, enumeration values; never names, e-mail addresses, Feide names or birth
// dates: the run is kept and shown without an audit of personal data), and is turned into a
// sentence in the reader's language only when presented. nb is the source; nn and en are
// typed against it.
import type { Lang } from "../../../i18n/lang.ts";

export const problemMessagesNb = {
  "import.encodingFallback":
    "Filen er ikke lagret som UTF-8. Vi har lest den som {encoding}; sjekk at æ, ø og å ser riktige ut.",
  "import.notCsv": "Filen er ikke en CSV-fil (den inneholder binære data).",
  "import.spreadsheet":
    "Filen er et Excel-regneark. Velg «Lagre som» → «CSV UTF-8 (semikolondelt)» og last opp CSV-filen.",
  "import.zip": "Filen er en zip-fil. Pakk den ut og last opp CSV-filene som ligger i den.",
  "import.emptyFile": "Filen er tom.",
  "import.csvSyntax": "Raden kan ikke leses som CSV (sjekk anførselstegn).",
  "import.missingColumn": "Kolonnen «{column}» mangler i overskriftsraden.",
  "import.duplicateColumn": "Kolonnen «{column}» står to ganger i overskriftsraden.",
  "import.missingValue": "Verdien mangler.",
  "import.duplicateId": "Id-en «{id}» er brukt før, på linje {firstLine}.",
  "import.duplicateFeideId": "Feide-navnet er brukt før, på linje {firstLine}.",
  "import.badEmail": "E-postadressen er ikke gyldig.",
  "import.badDate": "Datoen er ikke gyldig. Bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.",
  "import.badFeideId": "Feide-navnet er ikke gyldig. Det skal se ut som navn@skole.no.",
  "import.badValue": "Verdien «{value}» er ikke tillatt her.",
  "import.unknownRole": "Ukjent rolle «{value}».",
  "import.unknownType": "Ukjent type «{value}». Bruk elev, lærer, foresatt eller ansatt.",
  "import.roleNotImportable":
    "Rollen «{value}» kan ikke gis ved import. Ledelsesroller tildeles i Trygg.",
  "import.roleNotGranted":
    "Personen importeres uten rolle ({value}). Gi rollen i Trygg om personen skal ha tilgang.",
  "import.roleSkipped": "Rader med rollen «{value}» importeres ikke.",
  "import.tooManyFields": "Raden har flere felt enn overskriftsraden.",
  "import.unknownClass": "Klassen/gruppen «{id}» finnes ikke i filene.",
  "import.unknownUser": "Personen «{id}» finnes ikke i users.csv.",
  "import.unknownPupil": "Eleven «{id}» finnes ikke i filen.",
  "import.unknownCourse": "Kurset «{id}» finnes ikke i courses.csv; klassen importeres uten fag.",
  "import.unknownTerm": "Terminen «{id}» finnes ikke i academicSessions.csv.",
  "import.unknownDemographics": "Demografi for «{id}», som ikke finnes i users.csv, hoppes over.",
  "import.orgMismatch":
    "Filene gjelder flere skoler, og ingen av dem er koblet til denne skolen. Importer én skole om gangen.",
  "import.otherSchool": "Raden gjelder en annen skole ({id}) og hoppes over.",
  "import.inactive": "Raden er merket som slettet eller deaktivert og hoppes over.",
  "import.missingFile": "Filen {file} mangler, men manifest.csv sier at den er med.",
  "import.unknownFile": "Filen {file} brukes ikke av importen og hoppes over.",
  "import.noManifest": "manifest.csv mangler; filene leses som en fullstendig (bulk) leveranse.",
  "import.deltaNotSupported":
    "Filen {file} er en delta-leveranse. Trygg tar bare imot fullstendige (bulk) leveranser.",
  "import.manifestVersion": "Ukjent OneRoster-versjon «{value}». Trygg leser versjon 1.1.",
  "import.notGuardian": "Koblingen til «{id}» hoppes over fordi ingen av dem er foresatt og elev.",
  "import.guardianOfIgnored": "Kolonnen guardian_of brukes bare på rader med type foresatt.",
  "import.feideIdTaken":
    "Feide-navnet tilhører en annen person i Trygg som skolen ikke administrerer.",
  "import.staffAndFamily":
    "Personen kan ikke både være ansatt og elev eller foresatt ved samme skole.",
  "import.roleConflict": "Rollen kan ikke gis: {rule}.",
  "import.tooManyRows": "Filene har for mange rader (mer enn {max}).",
  "import.failed": "Importen stoppet på grunn av en intern feil. Ingenting er importert.",
} as const;

export type ProblemCode = keyof typeof problemMessagesNb;
type Catalog = Record<ProblemCode, string>;

export const problemMessagesNn: Catalog = {
  "import.encodingFallback":
    "Fila er ikkje lagra som UTF-8. Vi har lese ho som {encoding}; sjekk at æ, ø og å ser rette ut.",
  "import.notCsv": "Fila er ikkje ei CSV-fil (ho inneheld binære data).",
  "import.spreadsheet":
    "Fila er eit Excel-rekneark. Vel «Lagre som» → «CSV UTF-8 (semikolondelt)» og last opp CSV-fila.",
  "import.zip": "Fila er ei zip-fil. Pakk ho ut og last opp CSV-filene som ligg i ho.",
  "import.emptyFile": "Fila er tom.",
  "import.csvSyntax": "Rada kan ikkje lesast som CSV (sjekk hermeteikn).",
  "import.missingColumn": "Kolonnen «{column}» manglar i overskriftsrada.",
  "import.duplicateColumn": "Kolonnen «{column}» står to gonger i overskriftsrada.",
  "import.missingValue": "Verdien manglar.",
  "import.duplicateId": "Id-en «{id}» er brukt før, på linje {firstLine}.",
  "import.duplicateFeideId": "Feide-namnet er brukt før, på linje {firstLine}.",
  "import.badEmail": "E-postadressa er ikkje gyldig.",
  "import.badDate": "Datoen er ikkje gyldig. Bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.",
  "import.badFeideId": "Feide-namnet er ikkje gyldig. Det skal sjå ut som namn@skule.no.",
  "import.badValue": "Verdien «{value}» er ikkje tillaten her.",
  "import.unknownRole": "Ukjend rolle «{value}».",
  "import.unknownType": "Ukjend type «{value}». Bruk elev, lærar, føresett eller tilsett.",
  "import.roleNotImportable":
    "Rolla «{value}» kan ikkje givast ved import. Leiarroller blir tildelte i Trygg.",
  "import.roleNotGranted":
    "Personen blir importert utan rolle ({value}). Gi rolla i Trygg om personen skal ha tilgang.",
  "import.roleSkipped": "Rader med rolla «{value}» blir ikkje importerte.",
  "import.tooManyFields": "Rada har fleire felt enn overskriftsrada.",
  "import.unknownClass": "Klassen/gruppa «{id}» finst ikkje i filene.",
  "import.unknownUser": "Personen «{id}» finst ikkje i users.csv.",
  "import.unknownPupil": "Eleven «{id}» finst ikkje i fila.",
  "import.unknownCourse":
    "Kurset «{id}» finst ikkje i courses.csv; klassen blir importert utan fag.",
  "import.unknownTerm": "Terminen «{id}» finst ikkje i academicSessions.csv.",
  "import.unknownDemographics":
    "Demografi for «{id}», som ikkje finst i users.csv, blir hoppa over.",
  "import.orgMismatch":
    "Filene gjeld fleire skular, og ingen av dei er kopla til denne skulen. Importer éin skule om gongen.",
  "import.otherSchool": "Rada gjeld ein annan skule ({id}) og blir hoppa over.",
  "import.inactive": "Rada er merkt som sletta eller deaktivert og blir hoppa over.",
  "import.missingFile": "Fila {file} manglar, men manifest.csv seier at ho er med.",
  "import.unknownFile": "Fila {file} blir ikkje brukt av importen og blir hoppa over.",
  "import.noManifest":
    "manifest.csv manglar; filene blir lesne som ei fullstendig (bulk) levering.",
  "import.deltaNotSupported":
    "Fila {file} er ei delta-levering. Trygg tek berre imot fullstendige (bulk) leveringar.",
  "import.manifestVersion": "Ukjend OneRoster-versjon «{value}». Trygg les versjon 1.1.",
  "import.notGuardian":
    "Koplinga til «{id}» blir hoppa over fordi ingen av dei er føresett og elev.",
  "import.guardianOfIgnored": "Kolonnen guardian_of blir berre brukt på rader med type føresett.",
  "import.feideIdTaken":
    "Feide-namnet høyrer til ein annan person i Trygg som skulen ikkje administrerer.",
  "import.staffAndFamily":
    "Personen kan ikkje både vere tilsett og elev eller føresett ved same skule.",
  "import.roleConflict": "Rolla kan ikkje givast: {rule}.",
  "import.tooManyRows": "Filene har for mange rader (meir enn {max}).",
  "import.failed": "Importen stoppa på grunn av ein intern feil. Ingenting er importert.",
};

export const problemMessagesEn: Catalog = {
  "import.encodingFallback":
    "The file is not saved as UTF-8. We read it as {encoding}; check that æ, ø and å look right.",
  "import.notCsv": "The file is not a CSV file (it contains binary data).",
  "import.spreadsheet":
    "The file is an Excel workbook. Choose “Save as” → “CSV UTF-8 (comma/semicolon delimited)” and upload the CSV file.",
  "import.zip": "The file is a zip archive. Unpack it and upload the CSV files inside.",
  "import.emptyFile": "The file is empty.",
  "import.csvSyntax": "The row cannot be read as CSV (check the quotes).",
  "import.missingColumn": "The column “{column}” is missing from the header row.",
  "import.duplicateColumn": "The column “{column}” appears twice in the header row.",
  "import.missingValue": "The value is missing.",
  "import.duplicateId": "The id “{id}” was already used on line {firstLine}.",
  "import.duplicateFeideId": "The Feide name was already used on line {firstLine}.",
  "import.badEmail": "The e-mail address is not valid.",
  "import.badDate": "The date is not valid. Use YYYY-MM-DD or DD.MM.YYYY.",
  "import.badFeideId": "The Feide name is not valid. It looks like name@school.no.",
  "import.badValue": "The value “{value}” is not allowed here.",
  "import.unknownRole": "Unknown role “{value}”.",
  "import.unknownType": "Unknown type “{value}”. Use pupil, teacher, guardian or staff.",
  "import.roleNotImportable":
    "The role “{value}” cannot be given by an import. Leadership roles are assigned in Trygg.",
  "import.roleNotGranted":
    "The person is imported without a role ({value}). Assign the role in Trygg if they need access.",
  "import.roleSkipped": "Rows with the role “{value}” are not imported.",
  "import.tooManyFields": "The row has more fields than the header row.",
  "import.unknownClass": "The class or group “{id}” is not in the files.",
  "import.unknownUser": "The person “{id}” is not in users.csv.",
  "import.unknownPupil": "The pupil “{id}” is not in the file.",
  "import.unknownCourse":
    "The course “{id}” is not in courses.csv; the class is imported without a subject.",
  "import.unknownTerm": "The term “{id}” is not in academicSessions.csv.",
  "import.unknownDemographics": "Demographics for “{id}”, who is not in users.csv, are skipped.",
  "import.orgMismatch":
    "The files cover several schools and none of them is linked to this school. Import one school at a time.",
  "import.otherSchool": "The row belongs to another school ({id}) and is skipped.",
  "import.inactive": "The row is marked as deleted or disabled and is skipped.",
  "import.missingFile": "The file {file} is missing, but manifest.csv says it is included.",
  "import.unknownFile": "The file {file} is not used by the import and is skipped.",
  "import.noManifest": "manifest.csv is missing; the files are read as a complete (bulk) delivery.",
  "import.deltaNotSupported":
    "The file {file} is a delta delivery. Trygg accepts complete (bulk) deliveries only.",
  "import.manifestVersion": "Unknown OneRoster version “{value}”. Trygg reads version 1.1.",
  "import.notGuardian":
    "The link to “{id}” is skipped because neither side is a guardian and a pupil.",
  "import.guardianOfIgnored": "The guardian_of column is only used on rows of type guardian.",
  "import.feideIdTaken":
    "The Feide name belongs to another person in Trygg whom this school does not manage.",
  "import.staffAndFamily":
    "A person cannot be both staff and a pupil or guardian at the same school.",
  "import.roleConflict": "The role cannot be given: {rule}.",
  "import.tooManyRows": "The files have too many rows (more than {max}).",
  "import.failed": "The import stopped because of an internal error. Nothing was imported.",
};

const catalogs: Record<Lang, Catalog> = {
  nb: problemMessagesNb,
  nn: problemMessagesNn,
  en: problemMessagesEn,
};

/** Problems that do not stop an import: the user should know, but nothing is wrong. */
export const WARNING_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  "import.encodingFallback",
  "import.roleNotGranted",
  "import.roleSkipped",
  "import.unknownCourse",
  "import.unknownTerm",
  "import.unknownDemographics",
  "import.otherSchool",
  "import.inactive",
  "import.unknownFile",
  "import.noManifest",
  "import.notGuardian",
  "import.guardianOfIgnored",
]);

export function problemMessage(
  lang: Lang,
  code: ProblemCode,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const template = catalogs[lang][code] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
