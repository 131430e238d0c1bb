// A person's own in-app notifications, their notification language, and (demo mode only) the
// mail Trygg would have sent. Nobody can see or touch another person's notifications: every
// lookup is scoped to the caller, so someone else's notification is simply not found.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Resource } from "../../core/access/policy.ts";
import { LANGS } from "../../i18n/lang.ts";
import { appendAudit } from "../platform/audit.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import type { FeatureRoutes } from "../platform/http/app.ts";
import { self } from "../platform/http/resources.ts";
import { parse } from "../platform/http/validate.ts";
import { notificationText } from "./templates.ts";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  unread: z.enum(["true", "false"]).optional(),
});
const idParams = z.object({ id: z.uuid() });
const preferenceBody = z.strictObject({ lang: z.enum(LANGS) });

/** Resolves `:id` to the caller's own notification; anyone else's is a 404, not a 403. */
function ownNotification(db: Db) {
  return async (req: FastifyRequest): Promise<Resource> => {
    const params = idParams.safeParse(req.params);
    if (!params.success || !req.actor) throw notFound();
    const row = await db
      .selectFrom("notification")
      .select("id")
      .where("id", "=", params.data.id)
      .where("person_id", "=", req.actor.personId)
      .executeTakeFirst();
    if (!row) throw notFound();
    return self();
  };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const notificationRoutes: FeatureRoutes = (app, { database, clock, config }) => {
  const db = database.db;

  app.get(
    "/api/notifications",
    { config: { access: { action: "notification.read", resource: self } } },
    async (req) => {
      const q = parse(listQuery, req.query);
      const personId = req.actor?.personId as string;
      let sel = db
        .selectFrom("notification")
        .select(["id", "template", "link", "created_at", "read_at"])
        .where("person_id", "=", personId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(q.limit);
      if (q.unread === "true") sel = sel.where("read_at", "is", null);
      const [rows, unread] = await Promise.all([
        sel.execute(),
        db
          .selectFrom("notification")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("person_id", "=", personId)
          .where("read_at", "is", null)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          template: r.template,
          link: r.link,
          createdAt: iso(r.created_at),
          readAt: iso(r.read_at),
          text: notificationText(req.lang, r.template),
        })),
        unreadCount: Number(unread.n),
      };
    },
  );

  app.post(
    "/api/notifications/:id/read",
    { config: { access: { action: "notification.update", resource: ownNotification(db) } } },
    async (req) => {
      const { id } = idParams.parse(req.params);
      const personId = req.actor?.personId as string;
      const now = clock();
      const row = await db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable("notification")
          .set({ read_at: now })
          .where("id", "=", id)
          .where("person_id", "=", personId)
          .where("read_at", "is", null)
          .returning(["id", "read_at"])
          .executeTakeFirst();
        // Marking an already read notification again changes nothing and logs nothing.
        if (!updated) {
          return tx
            .selectFrom("notification")
            .select(["id", "read_at"])
            .where("id", "=", id)
            .where("person_id", "=", personId)
            .executeTakeFirstOrThrow();
        }
        await appendAudit(tx, {
          at: now,
          actorId: personId,
          action: "notification.markRead",
          resourceType: "notification",
          resourceId: id,
          requestId: req.id,
        });
        return updated;
      });
      return { id: row.id, readAt: iso(row.read_at) };
    },
  );

  app.post(
    "/api/notifications/read-all",
    { config: { access: { action: "notification.update", resource: self } } },
    async (req) => {
      const personId = req.actor?.personId as string;
      const now = clock();
      const count = await db.transaction().execute(async (tx) => {
        const res = await tx
          .updateTable("notification")
          .set({ read_at: now })
          .where("person_id", "=", personId)
          .where("read_at", "is", null)
          .executeTakeFirst();
        const n = Number(res.numUpdatedRows);
        if (n > 0) {
          await appendAudit(tx, {
            at: now,
            actorId: personId,
            action: "notification.markAllRead",
            resourceType: "person",
            resourceId: personId,
            requestId: req.id,
            detail: { count: n },
          });
        }
        return n;
      });
      return { marked: count };
    },
  );

  app.get(
    "/api/notifications/preferences",
    { config: { access: { action: "notification.read", resource: self } } },
    async (req) => {
      const row = await db
        .selectFrom("notification_preference")
        .select("lang")
        .where("person_id", "=", req.actor?.personId as string)
        .executeTakeFirst();
      return { lang: row?.lang ?? "nb" };
    },
  );

  app.put(
    "/api/notifications/preferences",
    { config: { access: { action: "notification.update", resource: self } } },
    async (req) => {
      const body = parse(preferenceBody, req.body);
      const personId = req.actor?.personId as string;
      const now = clock();
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto("notification_preference")
          .values({ person_id: personId, lang: body.lang, updated_at: now })
          .onConflict((oc) =>
            oc.column("person_id").doUpdateSet({ lang: body.lang, updated_at: now }),
          )
          .execute();
        await appendAudit(tx, {
          at: now,
          actorId: personId,
          action: "notification.setPreferences",
          resourceType: "person",
          resourceId: personId,
          requestId: req.id,
          detail: { fields: ["lang"] },
        });
      });
      return { lang: body.lang };
    },
  );

  // Demo mode keeps the mail it would have sent, so a visitor can see what goes out. Outside
  // demo mode the route does not exist as far as anyone can tell.
  app.get(
    "/api/demo/mail",
    {
      config: {
        access: {
          action: "demoMail.read",
          resource: () => {
            if (!config.demo) throw notFound();
            return self();
          },
        },
      },
    },
    async (req) => {
      const rows = await db.transaction().execute(async (tx) => {
        const messages = await tx
          .selectFrom("captured_mail")
          .select(["id", "created_at", "to_address", "subject", "body"])
          .orderBy("created_at", "desc")
          .orderBy("id", "desc")
          .limit(200)
          .execute();
        // The captured mail names its (synthetic) recipients: reading it is logged.
        await appendAudit(tx, {
          at: clock(),
          actorId: req.actor?.personId ?? null,
          action: "demoMail.read",
          resourceType: "capturedMail",
          requestId: req.id,
          detail: { count: messages.length },
        });
        return messages;
      });
      return {
        messages: rows.map((m) => ({
          id: m.id,
          createdAt: iso(m.created_at),
          to: m.to_address,
          subject: m.subject,
          body: m.body,
        })),
      };
    },
  );
};
