// The login page: demo picker, local account (+ one-time code), Feide and ID-porten.
import type { Shape } from "./shape.ts";

export const nb = {
  title: "Logg inn",
  intro: "Logg inn for å bruke Trygg.",
  feide: "Logg inn med Feide",
  idporten: "Logg inn med ID-porten",
  or: "eller",
  otherWays: "Andre måter å logge inn på",
  local: {
    heading: "Logg inn med brukernavn",
    username: "Brukernavn",
    password: "Passord",
    submit: "Logg inn",
    usernameMissing: "Skriv inn brukernavnet ditt.",
    passwordMissing: "Skriv inn passordet ditt.",
  },
  totp: {
    heading: "Engangskode",
    intro: "Skriv inn den sekssifrede koden fra autentiseringsappen din.",
    code: "Engangskode",
    submit: "Bekreft",
    cancel: "Avbryt",
    codeMissing: "Skriv inn seks siffer.",
  },
  errorSummary: "For å gå videre må du rette opp følgende feil:",
  demo: {
    heading: "Logg inn som",
    intro:
      "Dette er en demo med oppdiktede personer. Velg hvem du vil være for å se Trygg med deres roller.",
    search: "Søk etter navn, rolle, skole eller klasse",
    noMatch: "Ingen personer passer søket.",
    count_one: "{{count}} person",
    count_other: "{{count}} personer",
    loginAs: "Logg inn som {{name}}, {{role}}",
    loading: "Henter demopersoner …",
  },
} as const;

export const nn: Shape<typeof nb> = {
  title: "Logg inn",
  intro: "Logg inn for å bruke Trygg.",
  feide: "Logg inn med Feide",
  idporten: "Logg inn med ID-porten",
  or: "eller",
  otherWays: "Andre måtar å logge inn på",
  local: {
    heading: "Logg inn med brukarnamn",
    username: "Brukarnamn",
    password: "Passord",
    submit: "Logg inn",
    usernameMissing: "Skriv inn brukarnamnet ditt.",
    passwordMissing: "Skriv inn passordet ditt.",
  },
  totp: {
    heading: "Eingongskode",
    intro: "Skriv inn den sekssifra koden frå autentiseringsappen din.",
    code: "Eingongskode",
    submit: "Stadfest",
    cancel: "Avbryt",
    codeMissing: "Skriv inn seks siffer.",
  },
  errorSummary: "For å gå vidare må du rette opp desse feila:",
  demo: {
    heading: "Logg inn som",
    intro:
      "Dette er ein demo med oppdikta personar. Vel kven du vil vere for å sjå Trygg med rollene deira.",
    search: "Søk etter namn, rolle, skule eller klasse",
    noMatch: "Ingen personar passar søket.",
    count_one: "{{count}} person",
    count_other: "{{count}} personar",
    loginAs: "Logg inn som {{name}}, {{role}}",
    loading: "Hentar demopersonar …",
  },
};

export const en: Shape<typeof nb> = {
  title: "Log in",
  intro: "Log in to use Trygg.",
  feide: "Log in with Feide",
  idporten: "Log in with ID-porten",
  or: "or",
  otherWays: "Other ways to log in",
  local: {
    heading: "Log in with a username",
    username: "Username",
    password: "Password",
    submit: "Log in",
    usernameMissing: "Enter your username.",
    passwordMissing: "Enter your password.",
  },
  totp: {
    heading: "One-time code",
    intro: "Enter the six-digit code from your authenticator app.",
    code: "One-time code",
    submit: "Confirm",
    cancel: "Cancel",
    codeMissing: "Enter six digits.",
  },
  errorSummary: "To continue, correct the following:",
  demo: {
    heading: "Log in as",
    intro:
      "This is a demo with made-up people. Choose who you want to be to see Trygg in their roles.",
    search: "Search by name, role, school or class",
    noMatch: "Nobody matches the search.",
    count_one: "{{count}} person",
    count_other: "{{count}} people",
    loginAs: "Log in as {{name}}, {{role}}",
    loading: "Fetching demo people …",
  },
};

export const auth = { nb, nn, en };
