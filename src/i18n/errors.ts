// Messages for the stable error codes the API returns. nb is the source; nn and en are typed
// against it, so a missing translation fails the type check.
import type { Lang } from "./lang.ts";

export const errorsNb = {
  "auth.required": "Du må logge inn.",
  "auth.invalidCredentials": "Feil brukernavn eller passord.",
  "auth.locked": "Kontoen er midlertidig låst etter for mange forsøk. Prøv igjen senere.",
  "auth.totpRequired": "Skriv inn engangskoden fra autentiseringsappen.",
  "auth.totpInvalid": "Engangskoden er feil eller utløpt.",
  "auth.flowExpired": "Innloggingen tok for lang tid. Start på nytt.",
  "auth.demoDisabled": "Demo-innlogging er ikke tilgjengelig.",
  "auth.providerNotConfigured": "Denne innloggingsmåten er ikke satt opp.",
  "auth.noPersonForLogin": "Vi fant ingen bruker i Trygg for denne innloggingen. Kontakt skolen.",
  "auth.oidcFailed": "Innloggingen mislyktes. Prøv igjen.",
  "auth.oidcCancelled": "Innloggingen ble avbrutt.",
  "auth.loginNotAllowed":
    "Denne innloggingen kan ikke brukes for din bruker i Trygg. Kontakt skolen.",
  "csrf.invalid": "Forespørselen mangler gyldig sikkerhetstoken. Last inn siden på nytt.",
  "access.denied": "Du har ikke tilgang til dette.",
  notFound: "Fant ikke det du ba om.",
  "validation.failed": "Noen felt er ikke riktig utfylt.",
  "body.tooLarge": "Filen eller forespørselen er for stor.",
  "body.invalidJson": "Forespørselen er ikke gyldig JSON.",
  rateLimited: "For mange forsøk. Vent litt og prøv igjen.",
  conflict: "Dette finnes allerede.",
  "import.invalidFile": "Filen kunne ikke leses.",
  "import.hasProblems": "Filen har feil. Ingenting er importert.",
  "import.unsupportedFormat": "Ukjent filformat.",
  // Form fields (admin pages): the API names the field, the message says what to fix.
  "field.required": "Fyll ut feltet.",
  "field.invalid": "Verdien er ikke gyldig.",
  "field.tooLong": "Teksten er for lang.",
  "field.invalidDate": "Skriv datoen som dd.mm.åååå.",
  "field.invalidEmail": "Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.",
  "field.invalidOrgNumber": "Organisasjonsnummeret må ha ni sifre.",
  "calendar.endBeforeStart": "Siste dag må komme etter første dag.",
  "calendar.yearTooLong": "Et skoleår kan ikke vare mer enn ett år.",
  "calendar.breakEndsBeforeStart": "Siste fridag må være samme dag som eller etter første fridag.",
  "calendar.breakOutsideYear": "Ferien eller planleggingsdagen må ligge innenfor skoleåret.",
  "calendar.breaksOverlap": "Denne overlapper med en annen ferie eller planleggingsdag.",
  "calendar.planningDayNotWorkingDay":
    "En planleggingsdag må være en virkedag (ikke helg eller helligdag).",
  "calendar.noTeachingDays": "Skoleåret har ingen skoledager igjen.",
  "calendar.labelTaken": "Skolen har allerede et skoleår med dette navnet.",
  "role.notSchoolRole": "Denne rollen kan ikke gis ved en skole.",
  "role.notOwnerRole": "Denne rollen kan ikke gis hos skoleeier.",
  "role.groupRequired": "Velg klasse eller gruppe for denne rollen.",
  "role.groupWrongKind": "Kontaktlærer knyttes til en klasse, faglærer til en faggruppe.",
  "role.groupNotAllowed": "Denne rollen knyttes ikke til en klasse eller gruppe.",
  "role.groupNotAtSchool": "Klassen eller gruppen finnes ikke ved denne skolen.",
  "role.staffAndFamily":
    "En person kan ikke være både ansatt og elev eller foresatt ved samme skole.",
  "role.alreadyHeld": "Personen har allerede denne rollen.",
  "role.lastPrincipal":
    "Skolen må ha minst én rektor. Gi rollen til en annen før du fjerner denne.",
  "person.feideIdTaken": "En annen person har allerede dette Feide-navnet.",
  "school.orgNumberTaken":
    "En annen skole eller skoleeier har allerede dette organisasjonsnummeret.",
  internal: "Noe gikk galt hos oss. Prøv igjen, eller kontakt brukerstøtte.",
} as const;

export type ErrorCode = keyof typeof errorsNb;
type Catalog = Record<ErrorCode, string>;

export const errorsNn: Catalog = {
  "auth.required": "Du må logge inn.",
  "auth.invalidCredentials": "Feil brukarnamn eller passord.",
  "auth.locked": "Kontoen er mellombels låst etter for mange forsøk. Prøv igjen seinare.",
  "auth.totpRequired": "Skriv inn eingongskoden frå autentiseringsappen.",
  "auth.totpInvalid": "Eingongskoden er feil eller gått ut.",
  "auth.flowExpired": "Innlogginga tok for lang tid. Start på nytt.",
  "auth.demoDisabled": "Demo-innlogging er ikkje tilgjengeleg.",
  "auth.providerNotConfigured": "Denne innloggingsmåten er ikkje sett opp.",
  "auth.noPersonForLogin": "Vi fann ingen brukar i Trygg for denne innlogginga. Kontakt skulen.",
  "auth.oidcFailed": "Innlogginga mislukkast. Prøv igjen.",
  "auth.oidcCancelled": "Innlogginga vart avbroten.",
  "auth.loginNotAllowed":
    "Denne innlogginga kan ikkje brukast for brukaren din i Trygg. Kontakt skulen.",
  "csrf.invalid": "Førespurnaden manglar gyldig tryggleikstoken. Last inn sida på nytt.",
  "access.denied": "Du har ikkje tilgang til dette.",
  notFound: "Fann ikkje det du bad om.",
  "validation.failed": "Nokre felt er ikkje rett fylte ut.",
  "body.tooLarge": "Fila eller førespurnaden er for stor.",
  "body.invalidJson": "Førespurnaden er ikkje gyldig JSON.",
  rateLimited: "For mange forsøk. Vent litt og prøv igjen.",
  conflict: "Dette finst allereie.",
  "import.invalidFile": "Fila kunne ikkje lesast.",
  "import.hasProblems": "Fila har feil. Ingenting er importert.",
  "import.unsupportedFormat": "Ukjent filformat.",
  "field.required": "Fyll ut feltet.",
  "field.invalid": "Verdien er ikkje gyldig.",
  "field.tooLong": "Teksten er for lang.",
  "field.invalidDate": "Skriv datoen som dd.mm.åååå.",
  "field.invalidEmail": "Skriv ei gyldig e-postadresse, til dømes namn@døme.no.",
  "field.invalidOrgNumber": "Organisasjonsnummeret må ha ni siffer.",
  "calendar.endBeforeStart": "Siste dag må kome etter første dag.",
  "calendar.yearTooLong": "Eit skuleår kan ikkje vare meir enn eitt år.",
  "calendar.breakEndsBeforeStart": "Siste fridag må vere same dag som eller etter første fridag.",
  "calendar.breakOutsideYear": "Ferien eller planleggingsdagen må liggje innanfor skuleåret.",
  "calendar.breaksOverlap": "Denne overlappar med ein annan ferie eller planleggingsdag.",
  "calendar.planningDayNotWorkingDay":
    "Ein planleggingsdag må vere ein vyrkedag (ikkje helg eller heilagdag).",
  "calendar.noTeachingDays": "Skuleåret har ingen skuledagar att.",
  "calendar.labelTaken": "Skulen har allereie eit skuleår med dette namnet.",
  "role.notSchoolRole": "Denne rolla kan ikkje givast ved ein skule.",
  "role.notOwnerRole": "Denne rolla kan ikkje givast hos skuleeigar.",
  "role.groupRequired": "Vel klasse eller gruppe for denne rolla.",
  "role.groupWrongKind": "Kontaktlærar vert knytt til ein klasse, faglærar til ei faggruppe.",
  "role.groupNotAllowed": "Denne rolla vert ikkje knytt til ein klasse eller ei gruppe.",
  "role.groupNotAtSchool": "Klassen eller gruppa finst ikkje ved denne skulen.",
  "role.staffAndFamily":
    "Ein person kan ikkje vere både tilsett og elev eller føresett ved same skule.",
  "role.alreadyHeld": "Personen har allereie denne rolla.",
  "role.lastPrincipal":
    "Skulen må ha minst éin rektor. Gi rolla til ein annan før du fjernar denne.",
  "person.feideIdTaken": "Ein annan person har allereie dette Feide-namnet.",
  "school.orgNumberTaken":
    "Ein annan skule eller skuleeigar har allereie dette organisasjonsnummeret.",
  internal: "Noko gjekk gale hos oss. Prøv igjen, eller kontakt brukarstøtte.",
};

export const errorsEn: Catalog = {
  "auth.required": "Please log in.",
  "auth.invalidCredentials": "Wrong username or password.",
  "auth.locked": "The account is locked for a while after too many attempts. Try again later.",
  "auth.totpRequired": "Enter the one-time code from your authenticator app.",
  "auth.totpInvalid": "The one-time code is wrong or has expired.",
  "auth.flowExpired": "The login took too long. Please start again.",
  "auth.demoDisabled": "Demo login is not available.",
  "auth.providerNotConfigured": "This login method is not set up.",
  "auth.noPersonForLogin": "We found no Trygg user for this login. Please contact the school.",
  "auth.oidcFailed": "The login failed. Please try again.",
  "auth.oidcCancelled": "The login was cancelled.",
  "auth.loginNotAllowed":
    "This login cannot be used for your Trygg user. Please contact the school.",
  "csrf.invalid": "The request lacks a valid security token. Reload the page.",
  "access.denied": "You do not have access to this.",
  notFound: "We could not find what you asked for.",
  "validation.failed": "Some fields are not filled in correctly.",
  "body.tooLarge": "The file or request is too large.",
  "body.invalidJson": "The request is not valid JSON.",
  rateLimited: "Too many attempts. Wait a little and try again.",
  conflict: "This already exists.",
  "import.invalidFile": "The file could not be read.",
  "import.hasProblems": "The file has errors. Nothing was imported.",
  "import.unsupportedFormat": "Unknown file format.",
  "field.required": "Fill in this field.",
  "field.invalid": "The value is not valid.",
  "field.tooLong": "The text is too long.",
  "field.invalidDate": "Write the date as dd.mm.yyyy.",
  "field.invalidEmail": "Enter a valid e-mail address, such as name@example.com.",
  "field.invalidOrgNumber": "The organisation number must have nine digits.",
  "calendar.endBeforeStart": "The last day must come after the first day.",
  "calendar.yearTooLong": "A school year cannot last more than one year.",
  "calendar.breakEndsBeforeStart":
    "The last day off must be the same as or after the first day off.",
  "calendar.breakOutsideYear": "The holiday or planning day must lie within the school year.",
  "calendar.breaksOverlap": "This overlaps another holiday or planning day.",
  "calendar.planningDayNotWorkingDay":
    "A planning day must be a working day (not a weekend or public holiday).",
  "calendar.noTeachingDays": "The school year has no school days left.",
  "calendar.labelTaken": "The school already has a school year with this name.",
  "role.notSchoolRole": "This role cannot be given at a school.",
  "role.notOwnerRole": "This role cannot be given at the school owner.",
  "role.groupRequired": "Choose a class or group for this role.",
  "role.groupWrongKind":
    "A contact teacher belongs to a class, a subject teacher to a teaching group.",
  "role.groupNotAllowed": "This role is not tied to a class or group.",
  "role.groupNotAtSchool": "The class or group does not exist at this school.",
  "role.staffAndFamily":
    "A person cannot be both staff and a pupil or guardian at the same school.",
  "role.alreadyHeld": "The person already has this role.",
  "role.lastPrincipal":
    "The school must have at least one principal. Give the role to someone else before removing this one.",
  "person.feideIdTaken": "Another person already has this Feide name.",
  "school.orgNumberTaken": "Another school or school owner already has this organisation number.",
  internal: "Something went wrong on our side. Try again, or contact support.",
};

export const errorMessages: Record<Lang, Catalog> = { nb: errorsNb, nn: errorsNn, en: errorsEn };

export function errorMessage(lang: Lang, code: ErrorCode): string {
  return errorMessages[lang][code];
}
