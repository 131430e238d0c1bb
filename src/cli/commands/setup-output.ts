// Shared by the set-up commands (owners, schools, users): the same input rules and messages
// as the admin UI, printed for a terminal.
import { errorMessage } from "../../i18n/errors.ts";
import { AppError } from "../../server/platform/errors.ts";

/** Runs `fn`; a rejected input prints each problem as "field: message" and exits 2. */
export async function printInputProblems(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const fields = err.details?.fields ?? [];
    if (fields.length === 0) console.error(errorMessage("en", err.code));
    for (const f of fields) console.error(`${f.path}: ${f.message ?? f.code}`);
    return err.status === 400 ? 2 : 1;
  }
}
