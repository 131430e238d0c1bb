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
  internal: "Something went wrong on our side. Try again, or contact support.",
};

export const errorMessages: Record<Lang, Catalog> = { nb: errorsNb, nn: errorsNn, en: errorsEn };

export function errorMessage(lang: Lang, code: ErrorCode): string {
  return errorMessages[lang][code];
}
