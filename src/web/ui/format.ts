// Dates and times as Norwegians read them, always in Norwegian time: the server and the test
// machines run in UTC, the people using Trygg do not.
import { currentLocale } from "../app/i18n.ts";

export const TIME_ZONE = "Europe/Oslo";

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** The first block of a UUID: enough to tell rows apart on screen. */
export function shortId(id: string): string {
  return id.split("-")[0] ?? id;
}

/** Dates as "18. aug. 2027" in the UI language; the value stays an ISO date. */
export function formatIsoDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
