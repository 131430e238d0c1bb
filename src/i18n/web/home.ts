// The home page: who you are, where, and what you can open. It promises nothing that does not
// exist yet; the shortcuts come from the pages actually available to your roles.
import type { Shape } from "./shape.ts";

export const nb = {
  title: "Forside",
  greeting: "Hei, {{name}}",
  atSchool: "Du er logget inn ved {{school}}.",
  atOwner: "Du er logget inn hos {{owner}}.",
  noSchool: "Du har ingen roller ved en skole i Trygg.",
  yourRoles: "Rollene dine her",
  attention: {
    heading: "Trenger oppmerksomhet",
    loading: "Henter …",
    cases: {
      heading: "Saker etter aktivitetsplikten",
      none: "Ingen åpne saker.",
      open_one: "{{count}} åpen sak.",
      open_other: "{{count}} åpne saker.",
      overdue_one: "{{count}} har passert fristen",
      overdue_other: "{{count}} har passert fristen",
      unacknowledged_one: "{{count}} melding er ikke kvittert",
      unacknowledged_other: "{{count}} meldinger er ikke kvittert",
      all: "Se alle saker",
    },
    tasks: {
      heading: "Mine oppgaver fra handlingsplanen",
      none: "Ingen oppgaver denne uken.",
      thisWeek_one: "{{count}} oppgave denne uken.",
      thisWeek_other: "{{count}} oppgaver denne uken.",
      overdue_one: "{{count}} er forsinket",
      overdue_other: "{{count}} er forsinket",
      all: "Se alle oppgavene mine",
    },
  },
  shortcuts: "Dette kan du gjøre",
  noShortcuts: "Det finnes ingen sider for rollene dine ennå.",
  describe: {
    audit: "Se hvem som har gjort hva i Trygg ved skolen. Loggen kan ikke endres.",
    mailbox: "Se e-postene Trygg ville ha sendt. I demoen sendes ingen e-post.",
  },
  staff: {
    heading: "Aktivitetsplikten",
    body: "Alle som arbeider på skolen, skal følge med på hvordan elevene har det, gripe inn mot krenkelser og si fra til rektor straks hvis de mistenker eller vet at en elev ikke har et trygt og godt skolemiljø.",
  },
  pupil: {
    heading: "Du har rett til et trygt og godt skolemiljø",
    body: "Hvis du ikke har det bra på skolen, si fra til en voksen du stoler på: kontaktlæreren, rådgiveren, helsesykepleieren eller rektor. Det er du som vet best hvordan du har det. Skolen skal da finne ut hva som skjer, og sette inn tiltak.",
  },
  guardian: {
    heading: "Barnet ditt har rett til et trygt og godt skolemiljø",
    body: "Hvis barnet ditt ikke har det trygt og godt på skolen, ta kontakt med kontaktlæreren eller rektor. Skolen skal da undersøke saken, sette inn tiltak og lage en skriftlig plan.",
  },
  owner: {
    heading: "Skoleeier",
    body: "Skoleeier har ansvaret for at skolene oppfyller aktivitetsplikten, og får melding fra rektor i alvorlige saker.",
  },
} as const;

export const nn: Shape<typeof nb> = {
  title: "Framside",
  greeting: "Hei, {{name}}",
  atSchool: "Du er logga inn ved {{school}}.",
  atOwner: "Du er logga inn hos {{owner}}.",
  noSchool: "Du har ingen roller ved ein skule i Trygg.",
  yourRoles: "Rollene dine her",
  attention: {
    heading: "Treng merksemd",
    loading: "Hentar …",
    cases: {
      heading: "Saker etter aktivitetsplikta",
      none: "Ingen opne saker.",
      open_one: "{{count}} open sak.",
      open_other: "{{count}} opne saker.",
      overdue_one: "{{count}} har passert fristen",
      overdue_other: "{{count}} har passert fristen",
      unacknowledged_one: "{{count}} melding er ikkje kvittert",
      unacknowledged_other: "{{count}} meldingar er ikkje kvitterte",
      all: "Sjå alle saker",
    },
    tasks: {
      heading: "Oppgåvene mine frå handlingsplanen",
      none: "Ingen oppgåver denne veka.",
      thisWeek_one: "{{count}} oppgåve denne veka.",
      thisWeek_other: "{{count}} oppgåver denne veka.",
      overdue_one: "{{count}} er forseinka",
      overdue_other: "{{count}} er forseinka",
      all: "Sjå alle oppgåvene mine",
    },
  },
  shortcuts: "Dette kan du gjere",
  noShortcuts: "Det finst ingen sider for rollene dine enno.",
  describe: {
    audit: "Sjå kven som har gjort kva i Trygg ved skulen. Loggen kan ikkje endrast.",
    mailbox: "Sjå e-postane Trygg ville ha sendt. I demoen blir det ikkje sendt e-post.",
  },
  staff: {
    heading: "Aktivitetsplikta",
    body: "Alle som arbeider på skulen, skal følgje med på korleis elevane har det, gripe inn mot krenkingar og seie frå til rektor straks dersom dei mistenkjer eller veit at ein elev ikkje har eit trygt og godt skulemiljø.",
  },
  pupil: {
    heading: "Du har rett til eit trygt og godt skulemiljø",
    body: "Dersom du ikkje har det bra på skulen, sei frå til ein vaksen du stolar på: kontaktlæraren, rådgjevaren, helsesjukepleiaren eller rektor. Det er du som veit best korleis du har det. Skulen skal då finne ut kva som skjer, og setje inn tiltak.",
  },
  guardian: {
    heading: "Barnet ditt har rett til eit trygt og godt skulemiljø",
    body: "Dersom barnet ditt ikkje har det trygt og godt på skulen, ta kontakt med kontaktlæraren eller rektor. Skulen skal då undersøkje saka, setje inn tiltak og lage ein skriftleg plan.",
  },
  owner: {
    heading: "Skuleeigar",
    body: "Skuleeigar har ansvaret for at skulane oppfyller aktivitetsplikta, og får melding frå rektor i alvorlege saker.",
  },
};

export const en: Shape<typeof nb> = {
  title: "Home",
  greeting: "Hello, {{name}}",
  atSchool: "You are logged in at {{school}}.",
  atOwner: "You are logged in at {{owner}}.",
  noSchool: "You have no roles at a school in Trygg.",
  yourRoles: "Your roles here",
  attention: {
    heading: "Needs your attention",
    loading: "Loading …",
    cases: {
      heading: "Duty-to-act cases",
      none: "No open cases.",
      open_one: "{{count}} open case.",
      open_other: "{{count}} open cases.",
      overdue_one: "{{count}} is past its deadline",
      overdue_other: "{{count}} are past their deadline",
      unacknowledged_one: "{{count}} report not acknowledged",
      unacknowledged_other: "{{count}} reports not acknowledged",
      all: "See all cases",
    },
    tasks: {
      heading: "My action-plan tasks",
      none: "No tasks this week.",
      thisWeek_one: "{{count}} task this week.",
      thisWeek_other: "{{count}} tasks this week.",
      overdue_one: "{{count}} is late",
      overdue_other: "{{count}} are late",
      all: "See all my tasks",
    },
  },
  shortcuts: "What you can do",
  noShortcuts: "There are no pages for your roles yet.",
  describe: {
    audit: "See who did what in Trygg at the school. The log cannot be changed.",
    mailbox: "See the e-mails Trygg would have sent. The demo sends no e-mail.",
  },
  staff: {
    heading: "The duty to act",
    body: "Everyone who works at the school must keep an eye on how pupils are doing, step in against violations, and tell the principal at once if they suspect or know that a pupil does not have a safe and good school environment.",
  },
  pupil: {
    heading: "You have the right to a safe and good school environment",
    body: "If you are not doing well at school, tell an adult you trust: your contact teacher, the counsellor, the school nurse or the principal. You know best how you feel. The school must then find out what is happening and take action.",
  },
  guardian: {
    heading: "Your child has the right to a safe and good school environment",
    body: "If your child does not feel safe and well at school, contact the contact teacher or the principal. The school must then investigate, take measures and make a written plan.",
  },
  owner: {
    heading: "School owner",
    body: "The school owner is responsible for the schools meeting the duty to act, and is told by the principal about serious cases.",
  },
};

export const home = { nb, nn, en };
