// The action plan (handlingsplan): the plan pages, "Mine oppgaver", the leadership overview,
// the year wheel, the evaluation round, the meetings with the pupil council and the public
// plan. The plan's own text is the school's; only the frame around it is translated here.
// The server renders the public plan (HTML and PDF) with the `public` and `responsible`
// texts of this file too, so the web page and the printout say the same.
import type { Shape } from "./shape.ts";

export const nb = {
  nav: {
    plan: "Handlingsplan",
    planHelp: "Skolens plan for et trygt og godt skolemiljø: versjoner, årshjul og evaluering.",
    tasks: "Mine oppgaver",
    tasksHelp: "Oppgavene dine fra handlingsplanen: denne uken, forsinkede og kommende.",
    overview: "Oversikt",
    overviewHelp:
      "Hvor langt skolen er kommet med handlingsplanen, del for del og klasse for klasse.",
  },
  common: {
    loading: "Laster …",
    saving: "Lagrer …",
    noSchool: "Velg en skole først.",
    failed: "Det gikk ikke. Prøv igjen.",
    back: "Tilbake til handlingsplanen",
    noPublished: "Skolen har ingen publisert handlingsplan ennå.",
    status: {
      draft: "Utkast",
      published: "Publisert",
      archived: "Arkivert",
    },
    occurrenceStatus: {
      open: "Ikke gjort",
      partly: "Delvis gjort",
      done: "Gjort",
      skipped: "Hoppet over",
      planned: "Planlagt",
    },
    parts: {
      information: "Del 1 Informasjonsarbeid",
      prevention: "Del 2 Forebyggende arbeid",
      dutyToAct: "Del 3 Rutine for aktivitetsplikten",
      resources: "Del 4 Nasjonale ressurser",
    },
    kind: {
      due: "Frist",
      checkIn: "Oppfølging",
    },
  },
  responsible: {
    roleGroup: {
      pupilServices: "Elevtjenesten",
      otherLeadership: "Øvrig ledelse",
    },
    everyone: {
      staff: "Alle ansatte",
      teachers: "Lærerne",
      pupils: "Elevene",
      staffAndPupils: "Ansatte og elever",
    },
    cooperating: "i samarbeid med {{who}}",
  },
  public: {
    title: "Handlingsplan for trygt og godt skolemiljø",
    schoolYear: "Skoleåret {{year}}",
    version: "Versjon {{version}}",
    publishedOn: "Publisert {{date}}",
    contents: "Innhold",
    columns: {
      activity: "Aktivitet",
      responsible: "Ansvar",
      method: "Metode",
      deadline: "Frist",
    },
    links: "Lenker",
    linkMissing: "(lenke kommer)",
    pdf: "Last ned som PDF",
    html: "Vis som nettside",
    language: "Språk",
    notFound: "Skolen har ingen publisert handlingsplan.",
    footer: "Publisert med Trygg. Planen er skolens egen tekst.",
    caption: "{{part}}: aktiviteter, ansvar, metode og frist",
    page: "Side {{page}} av {{pages}}",
  },
};

export const nn: Shape<typeof nb> = {
  nav: {
    plan: "Handlingsplan",
    planHelp:
      "Planen til skulen for eit trygt og godt skulemiljø: versjonar, årshjul og evaluering.",
    tasks: "Oppgåvene mine",
    tasksHelp: "Oppgåvene dine frå handlingsplanen: denne veka, forseinka og komande.",
    overview: "Oversikt",
    overviewHelp:
      "Kor langt skulen er komen med handlingsplanen, del for del og klasse for klasse.",
  },
  common: {
    loading: "Lastar …",
    saving: "Lagrar …",
    noSchool: "Vel ein skule først.",
    failed: "Det gjekk ikkje. Prøv igjen.",
    back: "Tilbake til handlingsplanen",
    noPublished: "Skulen har ingen publisert handlingsplan enno.",
    status: {
      draft: "Utkast",
      published: "Publisert",
      archived: "Arkivert",
    },
    occurrenceStatus: {
      open: "Ikkje gjort",
      partly: "Delvis gjort",
      done: "Gjort",
      skipped: "Hoppa over",
      planned: "Planlagd",
    },
    parts: {
      information: "Del 1 Informasjonsarbeid",
      prevention: "Del 2 Førebyggjande arbeid",
      dutyToAct: "Del 3 Rutine for aktivitetsplikta",
      resources: "Del 4 Nasjonale ressursar",
    },
    kind: {
      due: "Frist",
      checkIn: "Oppfølging",
    },
  },
  responsible: {
    roleGroup: {
      pupilServices: "Elevtenesta",
      otherLeadership: "Anna leiing",
    },
    everyone: {
      staff: "Alle tilsette",
      teachers: "Lærarane",
      pupils: "Elevane",
      staffAndPupils: "Tilsette og elevar",
    },
    cooperating: "i samarbeid med {{who}}",
  },
  public: {
    title: "Handlingsplan for trygt og godt skulemiljø",
    schoolYear: "Skuleåret {{year}}",
    version: "Versjon {{version}}",
    publishedOn: "Publisert {{date}}",
    contents: "Innhald",
    columns: {
      activity: "Aktivitet",
      responsible: "Ansvar",
      method: "Metode",
      deadline: "Frist",
    },
    links: "Lenker",
    linkMissing: "(lenkje kjem)",
    pdf: "Last ned som PDF",
    html: "Vis som nettside",
    language: "Språk",
    notFound: "Skulen har ingen publisert handlingsplan.",
    footer: "Publisert med Trygg. Planen er teksten til skulen sjølv.",
    caption: "{{part}}: aktivitetar, ansvar, metode og frist",
    page: "Side {{page}} av {{pages}}",
  },
};

export const en: Shape<typeof nb> = {
  nav: {
    plan: "Action plan",
    planHelp:
      "The school's plan for a safe and good school environment: versions, year wheel and evaluation.",
    tasks: "My tasks",
    tasksHelp: "Your tasks from the action plan: this week, overdue and coming up.",
    overview: "Overview",
    overviewHelp:
      "How far the school has come with its action plan, part by part and class by class.",
  },
  common: {
    loading: "Loading …",
    saving: "Saving …",
    noSchool: "Choose a school first.",
    failed: "That did not work. Try again.",
    back: "Back to the action plan",
    noPublished: "The school has no published action plan yet.",
    status: {
      draft: "Draft",
      published: "Published",
      archived: "Archived",
    },
    occurrenceStatus: {
      open: "Not done",
      partly: "Partly done",
      done: "Done",
      skipped: "Skipped",
      planned: "Planned",
    },
    parts: {
      information: "Part 1 Information",
      prevention: "Part 2 Prevention",
      dutyToAct: "Part 3 Duty-to-act routine",
      resources: "Part 4 National resources",
    },
    kind: {
      due: "Due",
      checkIn: "Check-in",
    },
  },
  responsible: {
    roleGroup: {
      pupilServices: "Pupil services",
      otherLeadership: "Other leadership",
    },
    everyone: {
      staff: "All staff",
      teachers: "The teachers",
      pupils: "The pupils",
      staffAndPupils: "Staff and pupils",
    },
    cooperating: "in cooperation with {{who}}",
  },
  public: {
    title: "Action plan for a safe and good school environment",
    schoolYear: "School year {{year}}",
    version: "Version {{version}}",
    publishedOn: "Published {{date}}",
    contents: "Contents",
    columns: {
      activity: "Activity",
      responsible: "Responsible",
      method: "Method",
      deadline: "Deadline",
    },
    links: "Links",
    linkMissing: "(link to come)",
    pdf: "Download as PDF",
    html: "Show as web page",
    language: "Language",
    notFound: "The school has no published action plan.",
    footer: "Published with Trygg. The plan is the school's own text.",
    caption: "{{part}}: activities, responsibles, methods and deadlines",
    page: "Page {{page}} of {{pages}}",
  },
};

export const plans = { nb, nn, en };
