// Minimal iCalendar (RFC 5545) for the plan's calendar feeds: all-day events, one per
// occurrence, that calendar apps can subscribe to. Written by hand (no dependency): CRLF
// line ends, TEXT values escaped (§3.3.11), content lines folded at 75 octets without
// splitting a UTF-8 character (§3.1), a stable UID per occurrence and a DTSTAMP.
import { addDays, type IsoDate } from "../../core/calendar/iso-date.ts";

export interface IcsEvent {
  /** Stable across feed refreshes, so a calendar app updates the event instead of adding one. */
  uid: string;
  /** All-day event on this date. */
  date: IsoDate;
  summary: string;
  description?: string;
  categories?: readonly string[];
  /** An absolute URL of the event in Trygg. */
  url?: string;
}

export interface IcsCalendar {
  /** The calendar's name in the subscribing app (X-WR-CALNAME). */
  name: string;
  description?: string;
  /** When the feed was generated: every event's DTSTAMP. */
  now: Date;
  events: readonly IcsEvent[];
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds one content line: no line longer than 75 octets (CRLF not counted); continuation
 * lines start with one space, which counts. Cuts fall between characters, never inside a
 * multi-byte one.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      // Every continuation line begins with a space, leaving 74 octets for content.
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 20261127 */
function dateValue(date: IsoDate): string {
  return date.replaceAll("-", "");
}

/** 20261126T091500Z */
export function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

export function renderCalendar(calendar: IcsCalendar): string {
  const stamp = utcStamp(calendar.now);
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Trygg//Handlingsplan//NO",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    "X-WR-TIMEZONE:Europe/Oslo",
    // Calendar apps refresh a subscription about this often.
    "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
    "X-PUBLISHED-TTL:PT6H",
  ];
  if (calendar.description) lines.push(`X-WR-CALDESC:${escapeText(calendar.description)}`);
  for (const event of calendar.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(event.date)}`,
      // DTEND of an all-day event is the next day (exclusive).
      `DTEND;VALUE=DATE:${dateValue(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
      "TRANSP:TRANSPARENT",
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.categories && event.categories.length > 0) {
      lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
    }
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
