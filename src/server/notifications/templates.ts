// The texts of every notification Trygg sends: in-app, e-mail and Teams. A notification says
// only that there is something to look at, never whom or what it is about: the templates take
// no parameters, and the only variable part of a message is a link into the app.
// nb is the source; nn and en are typed against it, so a missing text fails the type check.
import { DEFAULT_LANG, type Lang } from "../../i18n/lang.ts";

interface TemplateText {
  /** E-mail subject and Teams title. */
  subject: string;
  /** The one sentence shown in the app and opening the e-mail. */
  text: string;
}

const nb = {
  templates: {
    "case.newReport": {
      subject: "Ny sak i Trygg",
      text: "Du har en ny sak å se på i Trygg.",
    },
    "case.deadlineSoon": {
      subject: "En frist nærmer seg i Trygg",
      text: "En frist i en sak du følger opp, nærmer seg. Se på saken i Trygg.",
    },
    "plan.taskDue": {
      subject: "En oppgave venter i Trygg",
      text: "Du har en oppgave i handlingsplanen som snart skal gjøres.",
    },
    "plan.evaluationInvited": {
      subject: "Handlingsplanen skal evalueres",
      text: "Du er invitert til å gi innspill til evalueringen av skolens handlingsplan i Trygg.",
    },
    "case.alertEscalated": {
      subject: "En sak venter på deg i Trygg",
      text: "En melding er ikke bekreftet mottatt i tide og er sendt videre til deg. Se på saken i Trygg.",
    },
    "case.reportAcknowledged": {
      subject: "Meldingen din er mottatt",
      text: "Skolen har bekreftet at meldingen din er mottatt.",
    },
    "case.markedSerious": {
      subject: "En alvorlig sak i Trygg",
      text: "En skole har bedt skoleeier om å følge en sak. Se på saken i Trygg.",
    },
    "case.staffViolationNotice": {
      subject: "Varsel etter § 12-5 i Trygg",
      text: "En skole har varslet skoleeier om en sak etter opplæringslova § 12-5. Se på saken i Trygg.",
    },
    "case.ownerDecisionNeeded": {
      subject: "En sak må avgjøres i dag",
      text: "En sak i Trygg krever at du avgjør i dag om skoleeier skal varsles.",
    },
    "case.leadershipCaseHandedOver": {
      subject: "En sak er overført til skoleeier",
      text: "En sak i Trygg skal nå følges opp av skoleeier. Se på saken i Trygg.",
    },
    "case.handedToSchool": {
      subject: "En sak er gitt til skolen",
      text: "Skoleeier har gitt en sak tilbake til skolen. Se på saken i Trygg.",
    },
    "case.addedToTeam": {
      subject: "Du er med i en sak i Trygg",
      text: "Du er lagt til i saksteamet i en sak i Trygg.",
    },
    "case.reporterWrote": {
      subject: "Ny melding i en sak i Trygg",
      text: "Det har kommet en ny melding i en sak du følger opp. Se på saken i Trygg.",
    },
    "case.checkInNotSafe": {
      subject: "En sak trenger deg i Trygg",
      text: "En sak du følger opp, trenger deg. Se på saken i Trygg.",
    },
    "case.stepUpcoming": {
      subject: "En frist nærmer seg i Trygg",
      text: "En frist i en sak du har ansvar for, nærmer seg. Se på saken i Trygg.",
    },
    "case.stepOverdue": {
      subject: "En frist er passert i Trygg",
      text: "En frist i en sak du har ansvar for, er passert. Se på saken i Trygg.",
    },
    "generic.somethingToLookAt": {
      subject: "Noe å se på i Trygg",
      text: "Det er noe i Trygg du bør se på.",
    },
  },
  greeting: "Hei!",
  open: "Åpne Trygg",
  footer:
    "Denne meldingen er sendt automatisk fra Trygg. Av hensyn til personvernet står det " +
    "ingen detaljer her. Logg inn for å se mer.",
} as const satisfies {
  templates: Record<string, TemplateText>;
  greeting: string;
  open: string;
  footer: string;
};

export type NotificationTemplate = keyof typeof nb.templates;

interface Catalog {
  templates: Record<NotificationTemplate, TemplateText>;
  greeting: string;
  open: string;
  footer: string;
}

const nn: Catalog = {
  templates: {
    "case.newReport": {
      subject: "Ny sak i Trygg",
      text: "Du har ei ny sak å sjå på i Trygg.",
    },
    "case.deadlineSoon": {
      subject: "Ein frist nærmar seg i Trygg",
      text: "Ein frist i ei sak du følgjer opp, nærmar seg. Sjå på saka i Trygg.",
    },
    "plan.taskDue": {
      subject: "Ei oppgåve ventar i Trygg",
      text: "Du har ei oppgåve i handlingsplanen som snart skal gjerast.",
    },
    "plan.evaluationInvited": {
      subject: "Handlingsplanen skal evaluerast",
      text: "Du er invitert til å gi innspel til evalueringa av handlingsplanen til skulen i Trygg.",
    },
    "case.alertEscalated": {
      subject: "Ei sak ventar på deg i Trygg",
      text: "Ei melding er ikkje stadfesta motteken i tide og er send vidare til deg. Sjå på saka i Trygg.",
    },
    "case.reportAcknowledged": {
      subject: "Meldinga di er motteken",
      text: "Skulen har stadfesta at meldinga di er motteken.",
    },
    "case.markedSerious": {
      subject: "Ei alvorleg sak i Trygg",
      text: "Ein skule har bede skuleeigar om å følgje ei sak. Sjå på saka i Trygg.",
    },
    "case.staffViolationNotice": {
      subject: "Varsel etter § 12-5 i Trygg",
      text: "Ein skule har varsla skuleeigar om ei sak etter opplæringslova § 12-5. Sjå på saka i Trygg.",
    },
    "case.ownerDecisionNeeded": {
      subject: "Ei sak må avgjerast i dag",
      text: "Ei sak i Trygg krev at du avgjer i dag om skuleeigar skal varslast.",
    },
    "case.leadershipCaseHandedOver": {
      subject: "Ei sak er overført til skuleeigar",
      text: "Ei sak i Trygg skal no følgjast opp av skuleeigar. Sjå på saka i Trygg.",
    },
    "case.handedToSchool": {
      subject: "Ei sak er gjeven til skulen",
      text: "Skuleeigar har gjeve ei sak tilbake til skulen. Sjå på saka i Trygg.",
    },
    "case.addedToTeam": {
      subject: "Du er med i ei sak i Trygg",
      text: "Du er lagd til i saksteamet i ei sak i Trygg.",
    },
    "case.reporterWrote": {
      subject: "Ny melding i ei sak i Trygg",
      text: "Det har kome ei ny melding i ei sak du følgjer opp. Sjå på saka i Trygg.",
    },
    "case.checkInNotSafe": {
      subject: "Ei sak treng deg i Trygg",
      text: "Ei sak du følgjer opp, treng deg. Sjå på saka i Trygg.",
    },
    "case.stepUpcoming": {
      subject: "Ein frist nærmar seg i Trygg",
      text: "Ein frist i ei sak du har ansvar for, nærmar seg. Sjå på saka i Trygg.",
    },
    "case.stepOverdue": {
      subject: "Ein frist er passert i Trygg",
      text: "Ein frist i ei sak du har ansvar for, er passert. Sjå på saka i Trygg.",
    },
    "generic.somethingToLookAt": {
      subject: "Noko å sjå på i Trygg",
      text: "Det er noko i Trygg du bør sjå på.",
    },
  },
  greeting: "Hei!",
  open: "Opne Trygg",
  footer:
    "Denne meldinga er send automatisk frå Trygg. Av omsyn til personvernet står det " +
    "ingen detaljar her. Logg inn for å sjå meir.",
};

const en: Catalog = {
  templates: {
    "case.newReport": {
      subject: "New case in Trygg",
      text: "You have a new case to look at in Trygg.",
    },
    "case.deadlineSoon": {
      subject: "A deadline is coming up in Trygg",
      text: "A deadline in a case you follow up is coming up. Look at the case in Trygg.",
    },
    "plan.taskDue": {
      subject: "A task is waiting in Trygg",
      text: "You have a task in the action plan that is due soon.",
    },
    "plan.evaluationInvited": {
      subject: "The action plan is being evaluated",
      text: "You are invited to give input to the evaluation of the school's action plan in Trygg.",
    },
    "case.alertEscalated": {
      subject: "A case is waiting for you in Trygg",
      text: "A report was not acknowledged in time and has been passed on to you. Look at the case in Trygg.",
    },
    "case.reportAcknowledged": {
      subject: "Your report has been received",
      text: "The school has acknowledged that your report was received.",
    },
    "case.markedSerious": {
      subject: "A serious case in Trygg",
      text: "A school has asked the school owner to follow a case. Look at the case in Trygg.",
    },
    "case.staffViolationNotice": {
      subject: "Notice under § 12-5 in Trygg",
      text: "A school has notified the school owner of a case under the Education Act § 12-5. Look at the case in Trygg.",
    },
    "case.ownerDecisionNeeded": {
      subject: "A case needs a decision today",
      text: "A case in Trygg needs you to decide today whether to notify the school owner.",
    },
    "case.leadershipCaseHandedOver": {
      subject: "A case has gone to the school owner",
      text: "A case in Trygg is now the school owner's to follow up. Look at the case in Trygg.",
    },
    "case.handedToSchool": {
      subject: "A case has been given to the school",
      text: "The school owner has handed a case back to the school. Look at the case in Trygg.",
    },
    "case.addedToTeam": {
      subject: "You are on a case in Trygg",
      text: "You have been added to the case team of a case in Trygg.",
    },
    "case.reporterWrote": {
      subject: "A new message in a case in Trygg",
      text: "There is a new message in a case you follow up. Look at the case in Trygg.",
    },
    "case.checkInNotSafe": {
      subject: "A case needs you in Trygg",
      text: "A case you follow up needs you. Look at the case in Trygg.",
    },
    "case.stepUpcoming": {
      subject: "A deadline is coming up in Trygg",
      text: "A deadline in a case you are responsible for is coming up. Look at the case in Trygg.",
    },
    "case.stepOverdue": {
      subject: "A deadline has passed in Trygg",
      text: "A deadline in a case you are responsible for has passed. Look at the case in Trygg.",
    },
    "generic.somethingToLookAt": {
      subject: "Something to look at in Trygg",
      text: "There is something in Trygg you should look at.",
    },
  },
  greeting: "Hello,",
  open: "Open Trygg",
  footer:
    "This message was sent automatically by Trygg. To protect privacy it holds no details. " +
    "Log in to see more.",
};

const catalogs: Record<Lang, Catalog> = { nb, nn, en };

export const NOTIFICATION_TEMPLATES = Object.keys(nb.templates) as NotificationTemplate[];

export function isNotificationTemplate(value: unknown): value is NotificationTemplate {
  return typeof value === "string" && Object.hasOwn(nb.templates, value);
}

/** A template stored earlier but since removed still renders, as the generic text. */
function textOf(lang: Lang, template: string): TemplateText {
  const catalog = catalogs[lang] ?? catalogs[DEFAULT_LANG];
  return isNotificationTemplate(template)
    ? catalog.templates[template]
    : catalog.templates["generic.somethingToLookAt"];
}

/** The short in-app text. */
export function notificationText(lang: Lang, template: string): string {
  return textOf(lang, template).text;
}

export interface RenderedMessage {
  subject: string;
  /** Plain-text e-mail body. */
  body: string;
  /** Text for a Teams card. */
  text: string;
  /** Label of the button or link that opens the app. */
  open: string;
  url: string;
}

/** A full message for e-mail or Teams; `url` is the absolute link into the app. */
export function renderMessage(lang: Lang, template: string, url: string): RenderedMessage {
  const catalog = catalogs[lang] ?? catalogs[DEFAULT_LANG];
  const t = textOf(lang, template);
  const body = [
    catalog.greeting,
    "",
    t.text,
    "",
    `${catalog.open}: ${url}`,
    "",
    catalog.footer,
    "",
  ];
  return { subject: t.subject, body: body.join("\n"), text: t.text, open: catalog.open, url };
}
