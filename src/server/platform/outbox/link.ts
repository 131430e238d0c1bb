// A notification's only variable part is a link into the app. It must be a relative path made
// of ids and route words, so it cannot point elsewhere (open redirect, phishing look-alike) and
// leaves little room to smuggle content in. It becomes absolute (config.publicUrl) when sent.

const MAX_LENGTH = 300;
// Path segments of letters, digits, '-', '_' and '.', an optional query of key=value pairs of
// the same characters, and an optional fragment. No '//', no '..', no '\', no scheme, no spaces.
const APP_LINK =
  /^\/(?:[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*\/?)?(?:\?[A-Za-z0-9_.-]+=[A-Za-z0-9_.-]*(?:&[A-Za-z0-9_.-]+=[A-Za-z0-9_.-]*)*)?(?:#[A-Za-z0-9_.-]+)?$/;

export function isAppLink(link: unknown): link is string {
  if (typeof link !== "string" || link.length === 0 || link.length > MAX_LENGTH) return false;
  if (!APP_LINK.test(link)) return false;
  const path = link.split(/[?#]/, 1)[0] ?? "";
  return !path.split("/").some((segment) => segment === "." || segment === "..");
}

/** The absolute URL of an app link; throws on anything that is not an app link. */
export function absoluteAppUrl(publicUrl: string, link: string): string {
  if (!isAppLink(link)) throw new Error("Not an app link");
  return `${publicUrl.replace(/\/+$/, "")}${link}`;
}
