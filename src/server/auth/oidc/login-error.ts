// Why a login did not complete. The browser gets only the stable code (on /login?error=);
// the log gets the code and a short technical reason, never claims or personal data.
import type { ErrorCode } from "../../../i18n/errors.ts";

export type LoginErrorCode = Extract<
  ErrorCode,
  | "auth.flowExpired"
  | "auth.oidcFailed"
  | "auth.oidcCancelled"
  | "auth.noPersonForLogin"
  | "auth.loginNotAllowed"
>;

export class LoginError extends Error {
  constructor(
    readonly code: LoginErrorCode,
    /** A fixed, data-free reason for the log: "state-mismatch", "token-exchange", ... */
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

/** Where the browser lands after a failed login: the login page shows the message. */
export function loginErrorPath(code: LoginErrorCode): string {
  return `/login?error=${encodeURIComponent(code)}`;
}
