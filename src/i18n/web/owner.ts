// The school owner's own pages (issue #8): the settings for the duty-to-act clock, the
// Statsforvalteren office and the closed days, and the owner's case list.
import type { Shape } from "./shape.ts";

export const nb = {
  nav: {
    settings: "Frister og stengte dager",
    settingsHelp:
      "Fristene for aktivitetsplikten, varsling, stengte dager og Statsforvalteren som familiene skal klage til.",
    cases: "Skoleeiers oppfølging",
    casesHelp:
      "Saker om skoleledelsen, alvorlige saker og saker meldt til skoleeier, ved alle skolene.",
  },
  settings: {
    title: "Frister og stengte dager",
    lead: "Innstillingene gjelder alle skolene hos {{owner}}. Endringer logges.",
    noOwner: "Du har ingen rolle hos en skoleeier.",
    deadlines: "Frister for aktivitetsplikten",
    planDeadline: "Frist for aktivitetsplan (virkedager)",
    planDeadlineHelp: "Aktivitetsplanen skal være laget og formidlet innen så mange virkedager.",
    investigationDeadline: "Frist for å starte undersøkelsen (virkedager)",
    investigationDeadlineHelp:
      "Første samtale, notat eller vurdering skal være gjort innen så mange virkedager.",
    guardiansDeadline: "Frist for å informere foresatte (virkedager)",
    guardiansDeadlineHelp: "Foresatte til elever under 18 år skal vite om saken innen da.",
    alertMinutes: "Minutter før varsel sendes videre",
    alertMinutesHelp: "Hvis ingen kvitterer for et nytt varsel, går det videre etter så lenge.",
    office: "Statsforvalteren",
    officeHelp: "Kontoret familiene kan klage til. Vises på kvitteringer og i saksmappen.",
    officeName: "Navn",
    officeAddress: "Postadresse",
    officeEmail: "E-post",
    officeUrl: "Nettside (https://)",
    save: "Lagre innstillingene",
    saved: "Innstillingene er lagret.",
    closedDays: "Stengte dager",
    closedDaysLead:
      "Dager da skolene er stengt utenom helger og helligdager. Fristene i virkedager hopper over dem.",
    closedDaysCaption: "Stengte dager hos {{owner}}",
    noClosedDays: "Ingen stengte dager er lagt inn.",
    day: "Dato",
    label: "Beskrivelse",
    addClosedDay: "Legg til stengt dag",
    closedDayAdded: "{{day}} er lagt til som stengt dag.",
    removeClosedDay: "Fjern {{day}}",
    closedDayRemoved: "{{day}} er fjernet.",
    actions: "Handlinger",
  },
  cases: {
    title: "Skoleeiers oppfølging",
    lead: "Sakene du har tilgang til ved skolene hos {{owner}}. Det som venter på skoleeier står først, deretter saker med passert frist.",
    caption: "Åpne saker hos {{owner}}, det som haster først",
    none: "Ingen åpne saker venter på skoleeier.",
    school: "Skole",
    needsOwner: "Venter på skoleeier",
  },
};

export const nn: Shape<typeof nb> = {
  nav: {
    settings: "Fristar og stengde dagar",
    settingsHelp:
      "Fristane for aktivitetsplikta, varsling, stengde dagar og Statsforvaltaren som familiane skal klage til.",
    cases: "Skuleeigarens oppfølging",
    casesHelp:
      "Saker om skuleleiinga, alvorlege saker og saker melde til skuleeigaren, ved alle skulane.",
  },
  settings: {
    title: "Fristar og stengde dagar",
    lead: "Innstillingane gjeld alle skulane hos {{owner}}. Endringar blir logga.",
    noOwner: "Du har inga rolle hos ein skuleeigar.",
    deadlines: "Fristar for aktivitetsplikta",
    planDeadline: "Frist for aktivitetsplan (verkedagar)",
    planDeadlineHelp: "Aktivitetsplanen skal vere laga og formidla innan så mange verkedagar.",
    investigationDeadline: "Frist for å starte undersøkinga (verkedagar)",
    investigationDeadlineHelp:
      "Første samtale, notat eller vurdering skal vere gjort innan så mange verkedagar.",
    guardiansDeadline: "Frist for å informere føresette (verkedagar)",
    guardiansDeadlineHelp: "Føresette til elevar under 18 år skal vite om saka innan då.",
    alertMinutes: "Minutt før varselet blir sendt vidare",
    alertMinutesHelp: "Om ingen kvitterer for eit nytt varsel, går det vidare etter så lenge.",
    office: "Statsforvaltaren",
    officeHelp: "Kontoret familiane kan klage til. Blir vist på kvitteringar og i saksmappa.",
    officeName: "Namn",
    officeAddress: "Postadresse",
    officeEmail: "E-post",
    officeUrl: "Nettside (https://)",
    save: "Lagre innstillingane",
    saved: "Innstillingane er lagra.",
    closedDays: "Stengde dagar",
    closedDaysLead:
      "Dagar då skulane er stengde utanom helgar og heilagdagar. Fristane i verkedagar hoppar over dei.",
    closedDaysCaption: "Stengde dagar hos {{owner}}",
    noClosedDays: "Ingen stengde dagar er lagde inn.",
    day: "Dato",
    label: "Skildring",
    addClosedDay: "Legg til stengd dag",
    closedDayAdded: "{{day}} er lagd til som stengd dag.",
    removeClosedDay: "Fjern {{day}}",
    closedDayRemoved: "{{day}} er fjerna.",
    actions: "Handlingar",
  },
  cases: {
    title: "Skuleeigarens oppfølging",
    lead: "Sakene du har tilgang til ved skulane hos {{owner}}. Det som ventar på skuleeigaren står først, deretter saker med passert frist.",
    caption: "Opne saker hos {{owner}}, det som hastar først",
    none: "Ingen opne saker ventar på skuleeigaren.",
    school: "Skule",
    needsOwner: "Ventar på skuleeigaren",
  },
};

export const en: Shape<typeof nb> = {
  nav: {
    settings: "Deadlines and closed days",
    settingsHelp:
      "The duty-to-act deadlines, alerts, closed days and the Statsforvalteren office families complain to.",
    cases: "Owner's follow-up",
    casesHelp:
      "Cases about school leadership, serious cases and cases reported to the school owner, at every school.",
  },
  settings: {
    title: "Deadlines and closed days",
    lead: "These settings apply to every school of {{owner}}. Changes are logged.",
    noOwner: "You hold no role at a school owner.",
    deadlines: "Duty-to-act deadlines",
    planDeadline: "Deadline for the action plan (working days)",
    planDeadlineHelp: "The action plan is written and shared within this many working days.",
    investigationDeadline: "Deadline to start the investigation (working days)",
    investigationDeadlineHelp:
      "The first conversation, note or assessment is done within this many working days.",
    guardiansDeadline: "Deadline to inform guardians (working days)",
    guardiansDeadlineHelp: "Guardians of pupils under 18 are told about the case by then.",
    alertMinutes: "Minutes before an alert is passed on",
    alertMinutesHelp: "If nobody acknowledges a new alert, it is passed on after this long.",
    office: "Statsforvalteren",
    officeHelp: "The office families may complain to. Shown on receipts and in the case file.",
    officeName: "Name",
    officeAddress: "Postal address",
    officeEmail: "E-mail",
    officeUrl: "Website (https://)",
    save: "Save the settings",
    saved: "The settings are saved.",
    closedDays: "Closed days",
    closedDaysLead:
      "Days the schools are closed besides weekends and public holidays. Deadlines in working days skip them.",
    closedDaysCaption: "Closed days at {{owner}}",
    noClosedDays: "No closed days have been added.",
    day: "Date",
    label: "Description",
    addClosedDay: "Add closed day",
    closedDayAdded: "{{day}} has been added as a closed day.",
    removeClosedDay: "Remove {{day}}",
    closedDayRemoved: "{{day}} has been removed.",
    actions: "Actions",
  },
  cases: {
    title: "Owner's follow-up",
    lead: "The cases you may see at the schools of {{owner}}. What waits for the owner comes first, then cases past a deadline.",
    caption: "Open cases at {{owner}}, most urgent first",
    none: "No open cases are waiting for the school owner.",
    school: "School",
    needsOwner: "Waiting for the owner",
  },
};

export const owner = { nb, nn, en };
