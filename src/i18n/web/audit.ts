// The audit log page. Action and resource names are nested by their dotted code ("auth.login"
// is actions.auth.login); a code without a name here is shown as the code itself.
import type { Shape } from "./shape.ts";

export const nb = {
  title: "Hendelseslogg",
  lead: "Alt som gjøres i Trygg ved {{school}}, blir logget. Loggen kan ikke endres i etterkant.",
  caption: "Hendelser ved {{school}}, nyeste først",
  noSchool: "Velg en skole for å se loggen.",
  empty: "Ingen hendelser.",
  pageOf: "Side {{page}}",
  showing: "Viser hendelse {{from}}–{{to}}",
  perPage: "Hendelser per side",
  columns: {
    at: "Tidspunkt",
    action: "Hendelse",
    actor: "Utført av",
    resource: "Gjelder",
    request: "Forespørsel",
  },
  you: "Deg",
  system: "Systemet",
  person: "Person {{id}}",
  actions: {
    auth: {
      login: "Innlogging",
      logout: "Utlogging",
      logoutEverywhere: "Utlogging på alle enheter",
    },
    account: { totpEnabled: "Engangskode slått på" },
    notification: {
      markRead: "Varsel lest",
      markAllRead: "Alle varsler lest",
      setPreferences: "Varselinnstillinger endret",
    },
    demoMail: { read: "Demo-e-post lest" },
    audit: { read: "Logg lest" },
  },
  resources: {
    session: "Økt",
    person: "Person",
    school: "Skole",
    owner: "Skoleeier",
    notification: "Varsel",
    capturedMail: "Demo-e-post",
  },
} as const;

export const nn: Shape<typeof nb> = {
  title: "Hendingslogg",
  lead: "Alt som blir gjort i Trygg ved {{school}}, blir logga. Loggen kan ikkje endrast i etterkant.",
  caption: "Hendingar ved {{school}}, nyaste først",
  noSchool: "Vel ein skule for å sjå loggen.",
  empty: "Ingen hendingar.",
  pageOf: "Side {{page}}",
  showing: "Viser hending {{from}}–{{to}}",
  perPage: "Hendingar per side",
  columns: {
    at: "Tidspunkt",
    action: "Hending",
    actor: "Utført av",
    resource: "Gjeld",
    request: "Førespurnad",
  },
  you: "Deg",
  system: "Systemet",
  person: "Person {{id}}",
  actions: {
    auth: {
      login: "Innlogging",
      logout: "Utlogging",
      logoutEverywhere: "Utlogging på alle einingar",
    },
    account: { totpEnabled: "Eingongskode slått på" },
    notification: {
      markRead: "Varsel lese",
      markAllRead: "Alle varsel lese",
      setPreferences: "Varselinnstillingar endra",
    },
    demoMail: { read: "Demo-e-post lesen" },
    audit: { read: "Logg lesen" },
  },
  resources: {
    session: "Økt",
    person: "Person",
    school: "Skule",
    owner: "Skuleeigar",
    notification: "Varsel",
    capturedMail: "Demo-e-post",
  },
};

export const en: Shape<typeof nb> = {
  title: "Audit log",
  lead: "Everything done in Trygg at {{school}} is logged. The log cannot be changed afterwards.",
  caption: "Events at {{school}}, newest first",
  noSchool: "Choose a school to see its log.",
  empty: "No events.",
  pageOf: "Page {{page}}",
  showing: "Showing events {{from}}–{{to}}",
  perPage: "Events per page",
  columns: {
    at: "Time",
    action: "Event",
    actor: "Done by",
    resource: "Concerns",
    request: "Request",
  },
  you: "You",
  system: "The system",
  person: "Person {{id}}",
  actions: {
    auth: {
      login: "Login",
      logout: "Logout",
      logoutEverywhere: "Logout on all devices",
    },
    account: { totpEnabled: "One-time codes turned on" },
    notification: {
      markRead: "Notification read",
      markAllRead: "All notifications read",
      setPreferences: "Notification settings changed",
    },
    demoMail: { read: "Demo mail read" },
    audit: { read: "Log read" },
  },
  resources: {
    session: "Session",
    person: "Person",
    school: "School",
    owner: "School owner",
    notification: "Notification",
    capturedMail: "Demo mail",
  },
};

export const audit = { nb, nn, en };
