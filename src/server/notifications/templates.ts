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
