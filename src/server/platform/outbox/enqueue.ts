// Notifications are written to the outbox inside the transaction of the change that causes
// them: if the change rolls back, no notification exists; if it commits, the sender job
// delivers it (the use case calls `deps.kick(OUTBOX_QUEUE)` after the commit).
//
// What a notification can say is fixed by its shape: a recipient, a template key and a link
// into the app. There is no parameter for free text, so a pupil's name or a case's content
// cannot end up in an e-mail, a Teams channel or a log, whatever the caller passes.
import { z } from "zod";
import {
  isNotificationTemplate,
  type NotificationTemplate,
} from "../../notifications/templates.ts";
import type { Tx } from "../db/database.ts";
import { isAppLink } from "./link.ts";

/** The pg-boss queue of the sender job. */
export const OUTBOX_QUEUE = "outbox.send";

export const CHANNELS = ["inApp", "email", "teams"] as const;
export type Channel = (typeof CHANNELS)[number];

export interface NotificationInput {
  recipientId: string;
  template: NotificationTemplate;
  /** A relative path inside the app, such as `/cases/<id>`. */
  link: string;
  /** Defaults to in-app and e-mail, plus Teams when a Teams webhook is configured. */
  channels?: readonly Channel[];
}

export interface DeliveryContext {
  /** `config.teamsWebhookUrl`: the Teams channel is used by default only when it is set. */
  teamsWebhookUrl?: string | undefined;
  /** The time of the change (the use case's clock); the database's clock otherwise. */
  now?: Date;
}

export class InvalidNotificationError extends Error {
  constructor(readonly problem: string) {
    super(`Invalid notification: ${problem}`);
  }
}

// Strict: an unknown key (a "message", a "name") is refused at run time as well as by tsc.
const inputSchema = z.strictObject({
  recipientId: z.uuid(),
  template: z.string().refine(isNotificationTemplate),
  link: z.string().refine(isAppLink),
  channels: z.array(z.enum(CHANNELS)).min(1).optional(),
});

export interface Enqueued {
  /** The in-app notification row, when the in-app channel was used. */
  notificationId: string | null;
  outboxIds: string[];
}

export async function enqueueNotification(
  tx: Tx,
  input: NotificationInput,
  context: DeliveryContext = {},
): Promise<Enqueued> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidNotificationError(
      parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.code}`).join(", "),
    );
  }
  const { recipientId, link } = parsed.data;
  const template = parsed.data.template as NotificationTemplate;
  const channels = new Set<Channel>(
    parsed.data.channels ?? [
      "inApp",
      "email",
      ...(context.teamsWebhookUrl ? ["teams" as const] : []),
    ],
  );

  const person = await tx
    .selectFrom("person")
    .select(["id", "email"])
    .where("id", "=", recipientId)
    .executeTakeFirst();
  if (!person) throw new InvalidNotificationError("recipientId: unknown person");

  const at = context.now ? { created_at: context.now } : {};
  const due = context.now ? { next_attempt_at: context.now } : {};
  let notificationId: string | null = null;
  const outboxIds: string[] = [];

  if (channels.has("inApp")) {
    const row = await tx
      .insertInto("notification")
      .values({ person_id: recipientId, template, link, ...at })
      .returning("id")
      .executeTakeFirstOrThrow();
    notificationId = row.id;
    // The in-app channel is delivered by this very insert; the outbox row records it.
    const sent = await tx
      .insertInto("outbox")
      .values({
        channel: "inApp",
        recipient_id: recipientId,
        template,
        link,
        status: "sent",
        sent_at: context.now ?? new Date(),
        ...at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    outboxIds.push(sent.id);
  }
  const email = person.email?.trim();
  // A person without an e-mail address still gets the in-app notification.
  if (channels.has("email") && email) {
    const row = await tx
      .insertInto("outbox")
      .values({
        channel: "email",
        recipient_id: recipientId,
        address: email,
        template,
        link,
        ...at,
        ...due,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    outboxIds.push(row.id);
  }
  if (channels.has("teams")) {
    const row = await tx
      .insertInto("outbox")
      .values({ channel: "teams", recipient_id: recipientId, template, link, ...at, ...due })
      .returning("id")
      .executeTakeFirstOrThrow();
    outboxIds.push(row.id);
  }
  return { notificationId, outboxIds };
}
