// Resource resolvers for the case routes: they load just what the policy needs to decide
// (the case's access view, or the school and the kind of a new report). An unknown case is
// a 404 before the policy runs, and so is a case the caller may not see at all.
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Resource } from "../../core/access/policy.ts";
import { caseVisibility } from "../../core/cases/case-access.ts";
import type { CaseCommandType } from "../../core/cases/commands.ts";
import { CASE_KINDS, type CaseKind } from "../../core/cases/types.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { schoolFromParam } from "../platform/http/resources.ts";
import { loadAccessView } from "./store.ts";

const uuid = z.uuid();

export function caseIdOf(req: FastifyRequest): string {
  const id = uuid.safeParse((req.params as Record<string, unknown>).caseId);
  if (!id.success) throw notFound();
  return id.data;
}

/** The case in `:caseId`; `command` names the command the request asks to perform. */
export function caseFromParam(db: Db, command?: CaseCommandType) {
  return async (req: FastifyRequest): Promise<Resource> => {
    const caseId = caseIdOf(req);
    const loaded = await loadAccessView(db, caseId);
    // To anyone who may not see the case, an existing case answers exactly as an unknown
    // one: a 404, never a 403 that would tell them the case exists (issue #8). Those who
    // see it get the policy's answer for what they ask.
    if (!loaded || caseVisibility(req.actor ?? null, loaded.view).level !== "full") {
      throw notFound();
    }
    return {
      type: "case",
      caseId,
      closed: loaded.closed,
      view: loaded.view,
      ...(command ? { command } : {}),
    };
  };
}

/** A new report at the school in `:schoolId`, of the kind the body names. */
export function reportAtSchool(db: Db) {
  const school = schoolFromParam(db);
  return async (req: FastifyRequest): Promise<Resource> => {
    const resource = await school(req);
    if (resource.type !== "school") throw notFound();
    const raw = (req.body as { kind?: unknown } | undefined)?.kind;
    // An unknown kind is judged as the most open one; the input check then refuses it.
    const kind: CaseKind = CASE_KINDS.includes(raw as CaseKind)
      ? (raw as CaseKind)
      : "pupil-reported";
    return { type: "caseReport", schoolId: resource.schoolId, ownerId: resource.ownerId, kind };
  };
}
