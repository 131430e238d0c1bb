// The shell: header, navigation, language and school switchers, user menu, generic pages.
import type { Shape } from "./shape.ts";

export const nb = {
  appName: "Trygg",
  tagline: "Trygt og godt skolemiljø",
  skipToContent: "Hopp til hovedinnholdet",
  titleSuffix: "Trygg",
  loading: "Laster …",
  nav: {
    label: "Hovedmeny",
    home: "Forside",
    audit: "Logg",
    mailbox: "Demo-e-post",
    openMenu: "Meny",
    closeMenu: "Lukk meny",
  },
  language: {
    label: "Språk",
    choose: "Velg språk",
  },
  school: {
    label: "Skole",
    choose: "Velg skole",
    current: "Aktiv skole: {{name}}",
    switched: "Du jobber nå i {{name}}.",
  },
  user: {
    menu: "Brukermeny for {{name}}",
    logout: "Logg ut",
    logoutAll: "Logg ut overalt",
    logoutAllHelp: "Logger deg ut på alle enheter og nettlesere.",
    loggedOut: "Du er logget ut.",
    loggedOutEverywhere: "Du er logget ut på alle enheter.",
  },
  demo: {
    banner: "Demoversjon med oppdiktede personer. Ikke legg inn ekte opplysninger.",
  },
  footer: {
    about: "Trygg hjelper skolen med aktivitetsplikten etter opplæringslova kapittel 12.",
    source: "Åpen kildekode",
  },
  errors: {
    title: "Noe gikk galt",
    network: "Får ikke kontakt med Trygg. Sjekk nettforbindelsen og prøv igjen.",
    unknown: "Noe uventet skjedde. Prøv igjen.",
    retry: "Prøv igjen",
  },
  notFound: {
    title: "Fant ikke siden",
    body: "Siden finnes ikke, eller lenken er feil.",
    home: "Gå til forsiden",
  },
  forbidden: {
    title: "Ingen tilgang",
    body: "Du har ikke tilgang til denne siden med rollene du har ved denne skolen.",
  },
  table: {
    previous: "Forrige side",
    next: "Neste side",
    newest: "Nyeste",
    pagination: "Sidevelger",
  },
} as const;

export const nn: Shape<typeof nb> = {
  appName: "Trygg",
  tagline: "Trygt og godt skulemiljø",
  skipToContent: "Hopp til hovudinnhaldet",
  titleSuffix: "Trygg",
  loading: "Lastar …",
  nav: {
    label: "Hovudmeny",
    home: "Framside",
    audit: "Logg",
    mailbox: "Demo-e-post",
    openMenu: "Meny",
    closeMenu: "Lukk meny",
  },
  language: {
    label: "Språk",
    choose: "Vel språk",
  },
  school: {
    label: "Skule",
    choose: "Vel skule",
    current: "Aktiv skule: {{name}}",
    switched: "Du arbeider no i {{name}}.",
  },
  user: {
    menu: "Brukarmeny for {{name}}",
    logout: "Logg ut",
    logoutAll: "Logg ut overalt",
    logoutAllHelp: "Loggar deg ut på alle einingar og nettlesarar.",
    loggedOut: "Du er logga ut.",
    loggedOutEverywhere: "Du er logga ut på alle einingar.",
  },
  demo: {
    banner: "Demoversjon med oppdikta personar. Ikkje legg inn ekte opplysingar.",
  },
  footer: {
    about: "Trygg hjelper skulen med aktivitetsplikta etter opplæringslova kapittel 12.",
    source: "Open kjeldekode",
  },
  errors: {
    title: "Noko gjekk gale",
    network: "Får ikkje kontakt med Trygg. Sjekk nettsambandet og prøv igjen.",
    unknown: "Noko uventa skjedde. Prøv igjen.",
    retry: "Prøv igjen",
  },
  notFound: {
    title: "Fann ikkje sida",
    body: "Sida finst ikkje, eller lenkja er feil.",
    home: "Gå til framsida",
  },
  forbidden: {
    title: "Inga tilgang",
    body: "Du har ikkje tilgang til denne sida med rollene du har ved denne skulen.",
  },
  table: {
    previous: "Førre side",
    next: "Neste side",
    newest: "Nyaste",
    pagination: "Sideveljar",
  },
};

export const en: Shape<typeof nb> = {
  appName: "Trygg",
  tagline: "A safe and good school environment",
  skipToContent: "Skip to main content",
  titleSuffix: "Trygg",
  loading: "Loading …",
  nav: {
    label: "Main menu",
    home: "Home",
    audit: "Audit log",
    mailbox: "Demo mail",
    openMenu: "Menu",
    closeMenu: "Close menu",
  },
  language: {
    label: "Language",
    choose: "Choose language",
  },
  school: {
    label: "School",
    choose: "Choose school",
    current: "Active school: {{name}}",
    switched: "You are now working in {{name}}.",
  },
  user: {
    menu: "User menu for {{name}}",
    logout: "Log out",
    logoutAll: "Log out everywhere",
    logoutAllHelp: "Logs you out on all devices and browsers.",
    loggedOut: "You are logged out.",
    loggedOutEverywhere: "You are logged out on all devices.",
  },
  demo: {
    banner: "Demo version with made-up people. Do not enter real information.",
  },
  footer: {
    about:
      "Trygg helps the school meet its duty to act under chapter 12 of the Norwegian Education Act.",
    source: "Open source",
  },
  errors: {
    title: "Something went wrong",
    network: "Cannot reach Trygg. Check your connection and try again.",
    unknown: "Something unexpected happened. Please try again.",
    retry: "Try again",
  },
  notFound: {
    title: "Page not found",
    body: "The page does not exist, or the link is wrong.",
    home: "Go to the home page",
  },
  forbidden: {
    title: "No access",
    body: "Your roles at this school do not give you access to this page.",
  },
  table: {
    previous: "Previous page",
    next: "Next page",
    newest: "Newest",
    pagination: "Pages",
  },
};

export const common = { nb, nn, en };
