// What every request carries once the session hook has run, and what every route declares.
import type { FastifyRequest } from "fastify";
import type { Actor } from "../../../core/access/actor.ts";
import type { Action, Resource } from "../../../core/access/policy.ts";
import type { Lang } from "../../../i18n/lang.ts";

export interface SessionInfo {
  id: string;
  personId: string;
  csrfToken: string;
  authMethod: string;
  activeSchoolId: string | null;
}

/**
 * Every route must say who may call it. `public` is an explicit choice (health checks, login);
 * everything else names a policy action and how to find the resource it acts on.
 */
export type RouteAccess =
  | { public: true }
  | { action: Action; resource: (req: FastifyRequest) => Promise<Resource> | Resource };

declare module "fastify" {
  interface FastifyRequest {
    session: SessionInfo | null;
    actor: Actor | null;
    lang: Lang;
    /** The resource the policy allowed, for handlers that need its ids. */
    resource: Resource | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
