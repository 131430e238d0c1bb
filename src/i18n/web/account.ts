// The "My account" page: who is logged in, how, and two-step login for local accounts.
import type { Shape } from "./shape.ts";

export const nb = {
  title: "Min konto",
  menu: "Min konto",
  lead: "Hvem du er logget inn som, og hvordan du logger inn.",
  loading: "Henter kontoen …",
  about: {
    heading: "Innlogging",
    name: "Navn",
    username: "Brukernavn",
    method: "Innlogget med",
  },
  method: {
    demo: "Demo-innlogging",
    local: "Brukernavn og passord",
    localTotp: "Brukernavn, passord og engangskode",
    feide: "Feide",
    idporten: "ID-porten",
    other: "Annen innlogging",
  },
  totp: {
    heading: "Totrinnsinnlogging",
    intro:
      "Med totrinnsinnlogging må du skrive inn en engangskode fra en autentiseringsapp på telefonen i tillegg til passordet. Da kommer ingen inn på kontoen din med bare passordet.",
    notLocal:
      "Du logger inn gjennom en innloggingstjeneste, ikke med brukernavn og passord i Trygg. Totrinnsinnlogging styres av innloggingstjenesten.",
    statusOn: "Totrinnsinnlogging er slått på.",
    statusOff: "Totrinnsinnlogging er slått av.",
    turnOn: "Slå på totrinnsinnlogging",
    turnOff: "Slå av totrinnsinnlogging",
    step1:
      "1. Skann QR-koden med autentiseringsappen (for eksempel Microsoft Authenticator eller Google Authenticator).",
    qrLabel: "QR-kode som legger Trygg til i autentiseringsappen",
    step2: "2. Kan du ikke skanne? Skriv inn denne nøkkelen i appen i stedet:",
    secretLabel: "Nøkkel",
    step3: "3. Skriv inn koden appen viser, og passordet ditt, for å bekrefte.",
    offIntro:
      "Skriv inn en engangskode fra autentiseringsappen og passordet ditt for å slå av totrinnsinnlogging.",
    code: "Engangskode",
    codeHelp: "Seks siffer fra autentiseringsappen.",
    password: "Passord",
    confirmOn: "Slå på",
    confirmOff: "Slå av",
    cancel: "Avbryt",
    codeMissing: "Skriv inn seks siffer.",
    passwordMissing: "Skriv inn passordet ditt.",
    turnedOn:
      "Totrinnsinnlogging er slått på. Neste gang du logger inn, ber Trygg om en engangskode fra appen.",
    turnedOff: "Totrinnsinnlogging er slått av. Du logger inn med brukernavn og passord.",
  },
} as const;

export const nn: Shape<typeof nb> = {
  title: "Kontoen min",
  menu: "Kontoen min",
  lead: "Kven du er logga inn som, og korleis du loggar inn.",
  loading: "Hentar kontoen …",
  about: {
    heading: "Innlogging",
    name: "Namn",
    username: "Brukarnamn",
    method: "Logga inn med",
  },
  method: {
    demo: "Demo-innlogging",
    local: "Brukarnamn og passord",
    localTotp: "Brukarnamn, passord og eingongskode",
    feide: "Feide",
    idporten: "ID-porten",
    other: "Anna innlogging",
  },
  totp: {
    heading: "Totrinnsinnlogging",
    intro:
      "Med totrinnsinnlogging må du skrive inn ein eingongskode frå ein autentiseringsapp på telefonen i tillegg til passordet. Då kjem ingen inn på kontoen din med berre passordet.",
    notLocal:
      "Du loggar inn gjennom ei innloggingsteneste, ikkje med brukarnamn og passord i Trygg. Totrinnsinnlogging blir styrt av innloggingstenesta.",
    statusOn: "Totrinnsinnlogging er slått på.",
    statusOff: "Totrinnsinnlogging er slått av.",
    turnOn: "Slå på totrinnsinnlogging",
    turnOff: "Slå av totrinnsinnlogging",
    step1:
      "1. Skann QR-koden med autentiseringsappen (til dømes Microsoft Authenticator eller Google Authenticator).",
    qrLabel: "QR-kode som legg Trygg til i autentiseringsappen",
    step2: "2. Kan du ikkje skanne? Skriv inn denne nøkkelen i appen i staden:",
    secretLabel: "Nøkkel",
    step3: "3. Skriv inn koden appen viser, og passordet ditt, for å stadfeste.",
    offIntro:
      "Skriv inn ein eingongskode frå autentiseringsappen og passordet ditt for å slå av totrinnsinnlogging.",
    code: "Eingongskode",
    codeHelp: "Seks siffer frå autentiseringsappen.",
    password: "Passord",
    confirmOn: "Slå på",
    confirmOff: "Slå av",
    cancel: "Avbryt",
    codeMissing: "Skriv inn seks siffer.",
    passwordMissing: "Skriv inn passordet ditt.",
    turnedOn:
      "Totrinnsinnlogging er slått på. Neste gong du loggar inn, ber Trygg om ein eingongskode frå appen.",
    turnedOff: "Totrinnsinnlogging er slått av. Du loggar inn med brukarnamn og passord.",
  },
};

export const en: Shape<typeof nb> = {
  title: "My account",
  menu: "My account",
  lead: "Who you are logged in as, and how you log in.",
  loading: "Fetching your account …",
  about: {
    heading: "Login",
    name: "Name",
    username: "Username",
    method: "Logged in with",
  },
  method: {
    demo: "Demo login",
    local: "Username and password",
    localTotp: "Username, password and one-time code",
    feide: "Feide",
    idporten: "ID-porten",
    other: "Other login",
  },
  totp: {
    heading: "Two-step login",
    intro:
      "With two-step login you enter a one-time code from an authenticator app on your phone as well as your password, so nobody gets into your account with the password alone.",
    notLocal:
      "You log in through a login service, not with a username and password in Trygg. Two-step login is managed by that service.",
    statusOn: "Two-step login is on.",
    statusOff: "Two-step login is off.",
    turnOn: "Turn on two-step login",
    turnOff: "Turn off two-step login",
    step1:
      "1. Scan the QR code with your authenticator app (such as Microsoft Authenticator or Google Authenticator).",
    qrLabel: "QR code that adds Trygg to your authenticator app",
    step2: "2. Cannot scan? Type this key into the app instead:",
    secretLabel: "Key",
    step3: "3. Enter the code the app shows, and your password, to confirm.",
    offIntro:
      "Enter a one-time code from your authenticator app and your password to turn off two-step login.",
    code: "One-time code",
    codeHelp: "Six digits from your authenticator app.",
    password: "Password",
    confirmOn: "Turn on",
    confirmOff: "Turn off",
    cancel: "Cancel",
    codeMissing: "Enter six digits.",
    passwordMissing: "Enter your password.",
    turnedOn:
      "Two-step login is on. Next time you log in, Trygg asks for a one-time code from the app.",
    turnedOff: "Two-step login is off. You log in with your username and password.",
  },
};

export const account = { nb, nn, en };
