// "My account": what the logged-in person needs to see about their own login, and turning the
// second factor (TOTP) of a local account on and off.
//
// The active secret is never touched until the person proves both factors of the change:
// `setup` only parks a new secret in login_flow, `enable` needs the account password and a
// code from that new secret, and `disable` needs the password and a code from the active one.
// So a stolen session alone can neither switch the second factor off nor replace it.
import { sql } from "kysely";
import QRCode from "qrcode";
import { z } from "zod";
import { appendAudit } from "../platform/audit.ts";
import { AppError } from "../platform/errors.ts";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { self } from "../platform/http/resources.ts";
import { randomToken } from "../platform/http/session.ts";
import { parse } from "../platform/http/validate.ts";
import { checkOwnPassword, newTotpSecret, totpFor, totpStep } from "./local-login.ts";

const SETUP_KIND = "totpSetup";
const SETUP_MINUTES = 10;
// The password check is argon2: as costly, and as worth guessing, as a login.
const reauthLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

const code = z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/);
const password = z.string().min(1).max(500);

export const accountRoutes: FeatureRoutes = (app, deps) => {
  const { database, clock } = deps;
  const db = database.db;

  const localAccountOf = (personId: string) =>
    db
      .selectFrom("local_account")
      .select(["username", "totp_secret", "totp_enabled", "totp_last_step"])
      .where("person_id", "=", personId)
      .executeTakeFirst();

  const requireLocalAccount = async (personId: string) => {
    const account = await localAccountOf(personId);
    // Demo and Feide/ID-porten people have no password in Trygg to protect.
    if (!account) throw new AppError(409, "account.noLocalAccount");
    return account;
  };

  const requirePassword = async (personId: string, given: string) => {
    if (!(await checkOwnPassword(db, personId, given, clock()))) {
      throw new AppError(400, "account.passwordWrong");
    }
  };

  // The person's own login facts, like GET /api/session (and, like it, not audited: it shows
  // the session's own person nothing about anyone else).
  app.get(
    "/api/account",
    { config: { access: { action: "session.use", resource: self } } },
    async (req) => {
      const personId = req.session?.personId as string;
      const account = await localAccountOf(personId);
      return {
        username: account?.username ?? null,
        authMethod: req.session?.authMethod as string,
        totpEnabled: account?.totp_enabled ?? false,
        hasLocalAccount: Boolean(account),
      };
    },
  );

  app.post(
    "/api/account/totp/setup",
    { config: { access: { action: "session.use", resource: self } } },
    async (req) => {
      const personId = req.session?.personId as string;
      const account = await requireLocalAccount(personId);
      // Replacing an active factor goes through disable (which asks for a code from it).
      if (account.totp_enabled) throw new AppError(409, "account.totpAlreadyEnabled");
      const now = clock();
      const secret = newTotpSecret();
      const setupId = randomToken();
      // One pending set-up per person (a new one replaces the last), and expired flows go.
      await db
        .deleteFrom("login_flow")
        .where((eb) =>
          eb.or([
            eb("expires_at", "<", now),
            eb.and([eb("kind", "=", SETUP_KIND), eb(sql`data->>'personId'`, "=", personId)]),
          ]),
        )
        .execute();
      await db
        .insertInto("login_flow")
        .values({
          id: setupId,
          kind: SETUP_KIND,
          data: JSON.stringify({ personId, secret }),
          expires_at: new Date(now.getTime() + SETUP_MINUTES * 60_000),
        })
        .execute();
      const uri = totpFor(secret, account.username).toString();
      const qrSvg = await QRCode.toString(uri, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 2,
        width: 200,
      });
      return { setupId, secret, uri, qrSvg };
    },
  );

  app.post(
    "/api/account/totp/enable",
    { config: { access: { action: "session.use", resource: self }, ...reauthLimit } },
    async (req) => {
      const body = parse(
        z.object({ setupId: z.string().min(10).max(100), code, password }),
        req.body,
      );
      const personId = req.session?.personId as string;
      const now = clock();
      const flow = await db
        .selectFrom("login_flow")
        .selectAll()
        .where("id", "=", body.setupId)
        .where("kind", "=", SETUP_KIND)
        .executeTakeFirst();
      const data = flow?.data as { personId?: string; secret?: string } | undefined;
      // Someone else's set-up is answered exactly like an expired one.
      if (
        !flow ||
        !data?.secret ||
        data.personId !== personId ||
        new Date(flow.expires_at).getTime() < now.getTime()
      ) {
        throw new AppError(404, "account.totpSetupExpired");
      }
      const account = await requireLocalAccount(personId);
      if (account.totp_enabled) throw new AppError(409, "account.totpAlreadyEnabled");
      await requirePassword(personId, body.password);
      const step = totpStep(data.secret, body.code, now);
      if (step === null) throw new AppError(400, "auth.totpInvalid");
      const secret = data.secret;
      await db.transaction().execute(async (tx) => {
        // Only from "off": a concurrent enable with another set-up cannot overwrite this one.
        const updated = await tx
          .updateTable("local_account")
          .set({ totp_secret: secret, totp_enabled: true, totp_last_step: String(step) })
          .where("person_id", "=", personId)
          .where("totp_enabled", "=", false)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) {
          throw new AppError(409, "account.totpAlreadyEnabled");
        }
        await tx.deleteFrom("login_flow").where("id", "=", body.setupId).execute();
        await appendAudit(tx, {
          at: now,
          actorId: personId,
          action: "account.totpEnabled",
          resourceType: "person",
          resourceId: personId,
          requestId: req.id,
        });
      });
      return { ok: true, totpEnabled: true };
    },
  );

  app.post(
    "/api/account/totp/disable",
    { config: { access: { action: "session.use", resource: self }, ...reauthLimit } },
    async (req) => {
      const body = parse(z.object({ password, code }), req.body);
      const personId = req.session?.personId as string;
      const now = clock();
      const account = await requireLocalAccount(personId);
      if (!account.totp_enabled || !account.totp_secret) {
        throw new AppError(409, "account.totpNotEnabled");
      }
      await requirePassword(personId, body.password);
      const step = totpStep(account.totp_secret, body.code, now);
      // A code already used (at login, say) is a replay here too.
      const lastStep = account.totp_last_step === null ? null : Number(account.totp_last_step);
      if (step === null || (lastStep !== null && step <= lastStep)) {
        throw new AppError(400, "auth.totpInvalid");
      }
      await db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable("local_account")
          .set({ totp_secret: null, totp_enabled: false, totp_last_step: String(step) })
          .where("person_id", "=", personId)
          .where("totp_enabled", "=", true)
          .where((eb) =>
            eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", String(step))]),
          )
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw new AppError(400, "auth.totpInvalid");
        await appendAudit(tx, {
          at: now,
          actorId: personId,
          action: "account.totpDisabled",
          resourceType: "person",
          resourceId: personId,
          requestId: req.id,
        });
      });
      return { ok: true, totpEnabled: false };
    },
  );
};
