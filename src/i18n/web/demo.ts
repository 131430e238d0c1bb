// Demo mode's mailbox (the mail Trygg would have sent) and the notification bell.
import type { Shape } from "./shape.ts";

export const nb = {
  mailbox: {
    title: "Demo-e-post",
    lead: "I demoen sendes ingen e-post. Her ser du det Trygg ville ha sendt, nyeste først.",
    empty: "Trygg har ikke sendt noen e-post ennå.",
    unavailable: "E-postkassen er ikke tilgjengelig på denne serveren.",
    to: "Til",
    sent: "Sendt",
    count_one: "{{count}} e-post",
    count_other: "{{count}} e-poster",
  },
  notifications: {
    label: "Varsler",
    labelUnread_one: "Varsler, {{count}} ulest",
    labelUnread_other: "Varsler, {{count}} uleste",
    heading: "Varsler",
    empty: "Du har ingen varsler.",
    unread: "Ulest",
    markAllRead: "Merk alle som lest",
    fallback: "Det er noe i Trygg du bør se på.",
  },
} as const;

export const nn: Shape<typeof nb> = {
  mailbox: {
    title: "Demo-e-post",
    lead: "I demoen blir det ikkje sendt e-post. Her ser du det Trygg ville ha sendt, nyaste først.",
    empty: "Trygg har ikkje sendt nokon e-post enno.",
    unavailable: "E-postkassa er ikkje tilgjengeleg på denne serveren.",
    to: "Til",
    sent: "Sendt",
    count_one: "{{count}} e-post",
    count_other: "{{count}} e-postar",
  },
  notifications: {
    label: "Varsel",
    labelUnread_one: "Varsel, {{count}} ulese",
    labelUnread_other: "Varsel, {{count}} ulesne",
    heading: "Varsel",
    empty: "Du har ingen varsel.",
    unread: "Ulese",
    markAllRead: "Merk alle som lesne",
    fallback: "Det er noko i Trygg du bør sjå på.",
  },
};

export const en: Shape<typeof nb> = {
  mailbox: {
    title: "Demo mail",
    lead: "The demo sends no e-mail. Here you see what Trygg would have sent, newest first.",
    empty: "Trygg has not sent any e-mail yet.",
    unavailable: "The mailbox is not available on this server.",
    to: "To",
    sent: "Sent",
    count_one: "{{count}} e-mail",
    count_other: "{{count}} e-mails",
  },
  notifications: {
    label: "Notifications",
    labelUnread_one: "Notifications, {{count}} unread",
    labelUnread_other: "Notifications, {{count}} unread",
    heading: "Notifications",
    empty: "You have no notifications.",
    unread: "Unread",
    markAllRead: "Mark all as read",
    fallback: "There is something in Trygg you should look at.",
  },
};

export const demo = { nb, nn, en };
