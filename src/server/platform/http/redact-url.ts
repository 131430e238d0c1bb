// Request URLs go to the log, and some carry secrets: the personal calendar feed's token is a
// path segment, and login callbacks carry `code` and `state` in the query. Those are replaced
// before the URL is written anywhere.

/** Path patterns whose `[secret]` segment is a bearer token. */
const SECRET_SEGMENTS: readonly RegExp[] = [/^(\/api\/public\/calendar\/)[^/?]+/];
/** Query parameters that may carry a token, code or key. */
const SECRET_PARAMS = /^(token|code|state|key|secret|ticket|session|password|id_token)$/i;

export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  let pathPart = q === -1 ? url : url.slice(0, q);
  for (const pattern of SECRET_SEGMENTS) pathPart = pathPart.replace(pattern, "$1[redacted]");
  if (q === -1) return pathPart;
  const params = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return eq !== -1 && SECRET_PARAMS.test(decoded) ? `${name}=[redacted]` : pair;
    });
  return `${pathPart}?${params.join("&")}`;
}
