// The one way the web talks to the API: JSON over fetch with the session cookie, the CSRF
// token echoed in a header, and the UI language so server messages come back translated.
// Any non-2xx answer becomes an ApiError carrying the server's stable code and message.
import { currentLang, i18n } from "./i18n.ts";

export interface FieldProblem {
  path: string;
  code: string;
  message?: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  requestId?: string;
  fields?: FieldProblem[];
  problems?: unknown[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fields: FieldProblem[] | undefined;
  readonly problems: unknown[] | undefined;
  readonly body: ApiErrorBody | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.fields = body.fields;
    this.problems = body.problems;
    this.body = body;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** Before login the server only asks that some token is sent (a cross-site form cannot). */
const ANONYMOUS_TOKEN = "anonymous";
let csrfToken: string = ANONYMOUS_TOKEN;

/** Called by the session provider whenever the session changes. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? ANONYMOUS_TOKEN;
}

let onSessionLost: (() => void) | null = null;

/**
 * The session provider's hook for answers saying the session is gone (expired, or ended by
 * "log out everywhere" elsewhere): it reloads the session, and the page guard sends the
 * person to the login page.
 */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

const SESSION_LOST_CODES = new Set(["auth.required", "csrf.invalid"]);

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-csrf-token": csrfToken,
    "x-trygg-lang": currentLang(),
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body; // the browser sets the multipart boundary
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, { code: "network", message: i18n.t("errors.network") });
  }
  const text = await res.text();
  // An /api path the server does not know may come back as the SPA's index.html: that is a
  // missing endpoint, not data.
  if (res.ok && text && !(res.headers.get("content-type") ?? "").includes("json")) {
    throw new ApiError(404, { code: "notFound", message: i18n.t("errors.unknown") });
  }
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const errBody =
      data && typeof data === "object" && "code" in data
        ? (data as ApiErrorBody)
        : { code: res.status === 404 ? "notFound" : "internal", message: i18n.t("errors.unknown") };
    if (SESSION_LOST_CODES.has(errBody.code)) onSessionLost?.();
    throw new ApiError(res.status, errBody);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>("GET", url),
  post: <T>(url: string, body?: unknown) => request<T>("POST", url, body),
  put: <T>(url: string, body?: unknown) => request<T>("PUT", url, body),
  patch: <T>(url: string, body?: unknown) => request<T>("PATCH", url, body),
  delete: <T>(url: string) => request<T>("DELETE", url),
  upload: <T>(url: string, formData: FormData) => request<T>("POST", url, formData),
};
