// The two-way conversation with an anonymous reporter: the school answers in the case (a
// command of the leads and team), the code holder writes back (no actor at all). Both are
// append-only, refused on a closed case, and never carry the text into events or jobs.
import { describe, expect, it } from "vitest";
import {
  apply,
  caseIn,
  ctx,
  OTHER_PUPIL,
  openTestCase,
  people,
  TIMES,
  validCommand,
} from "./builders.ts";
import { receiveReporterMessage, transition } from "./transition.ts";
import type { CaseState } from "./types.ts";

const SECRET = "Synthetic secret words of the pupil";

function anonymousCase(): CaseState {
  return openTestCase({
    kind: "pupil-reported",
    pupils: [],
    reporter: { type: "anonymous", receiptCodeHash: "hash-of-the-code" },
  });
}

const rules = { calendar: ctx(TIMES.later, people.principal).calendar };
function write(c: CaseState, text: string, messageId = "m-reporter", reportId = "report-1") {
  return receiveReporterMessage(
    c,
    { messageId, reportId, text },
    {
      now: new Date(TIMES.acknowledged),
      ...rules,
      settings: ctx(TIMES.later, people.principal).settings,
    },
  );
}

describe("the conversation with an anonymous reporter", () => {
  it("the reporter writes before and after the school acknowledges; leads are told, content-free", () => {
    const c = anonymousCase();
    const first = write(c, SECRET);
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(first.next.reporterMessages).toEqual([
      expect.objectContaining({ from: "reporter", by: null, text: SECRET, reportId: "report-1" }),
    ]);
    expect(first.next.version).toBe(c.version + 1);
    expect(first.events.map((e) => [e.type, e.actorId])).toEqual([
      ["case.reporterWrote", "anonymous"],
    ]);
    const notified = first.jobs.filter((j) => j.type === "notify");
    expect(notified.map((j) => j.type === "notify" && j.template)).toEqual([
      "case.reporterWrote",
      "case.reporterWrote",
    ]);
    expect(JSON.stringify([first.events, first.jobs])).not.toContain(SECRET);
  });

  it("the principal and a team member answer; the answer names who wrote it", () => {
    let c = apply(anonymousCase(), { type: "acknowledge" }, people.principal, TIMES.acknowledged);
    c = apply(
      c,
      { type: "addTeamMember", personId: people.socialWorker.personId, roles: ["socialWorker"] },
      people.principal,
      TIMES.acknowledged,
    );
    for (const [i, who] of [people.principal, people.socialWorker].entries()) {
      const r = transition(
        c,
        { type: "replyToReporter", messageId: `m-${i}`, reportId: "report-1", text: "Thanks." },
        ctx(TIMES.investigating, who),
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      c = r.next;
      expect(r.events[0]).toMatchObject({
        type: "case.reporterReplied",
        actorId: who.personId,
        data: { messageId: `m-${i}`, reportId: "report-1" },
      });
      expect(r.jobs.filter((j) => j.type === "notify")).toEqual([]);
    }
    expect(c.reporterMessages.map((m) => [m.from, m.by])).toEqual([
      ["school", people.principal.personId],
      ["school", people.socialWorker.personId],
    ]);
    // Answering is not investigation: the status stays.
    expect(c.status).toBe("acknowledged");
  });

  it("a teacher outside the team, the owner and another school's principal may not answer", () => {
    const c = apply(anonymousCase(), { type: "acknowledge" }, people.principal, TIMES.acknowledged);
    for (const who of [people.teacher, people.ownerOfficer, people.otherPrincipal, people.pupil]) {
      const r = transition(
        c,
        { type: "replyToReporter", messageId: "m-x", reportId: "report-1", text: "Hello." },
        ctx(TIMES.investigating, who),
      );
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("case.accessDenied");
    }
  });

  it("refuses blank text, an unknown report, a named reporter's report and a reused id", () => {
    const c = apply(anonymousCase(), { type: "acknowledge" }, people.principal, TIMES.acknowledged);
    const reply = (over: Record<string, string>) =>
      transition(
        c,
        { type: "replyToReporter", messageId: "m-1", reportId: "report-1", text: "Hi.", ...over },
        ctx(TIMES.investigating, people.principal),
      );
    const code = (r: ReturnType<typeof reply>) => (r.ok ? "ok" : r.error.code);
    expect(code(reply({ text: "   " }))).toBe("input.textMissing");
    expect(code(reply({ reportId: "report-unknown" }))).toBe("message.unknownReport");
    expect(code(write(c, " "))).toBe("input.textMissing");
    expect(code(write(c, "x", "m-2", "report-unknown"))).toBe("message.unknownReport");
    const once = write(c, "x", "m-dup");
    if (!once.ok) throw new Error("refused");
    expect(code(write(once.next, "y", "m-dup"))).toBe("input.duplicateId");

    const named = caseIn("pupil-reported", "investigating");
    expect(code(write(named, "x", "m-3", named.reports[0]?.id))).toBe("message.notAnonymous");
    const r = transition(
      named,
      validCommand("replyToReporter", named, TIMES.later),
      ctx(TIMES.later, people.principal),
    );
    expect(code(r)).toBe("message.notAnonymous");
  });

  it("a closed case is read-only for both sides", () => {
    let c = apply(anonymousCase(), { type: "acknowledge" }, people.principal, TIMES.acknowledged);
    c = apply(c, { type: "addPupil", pupilId: OTHER_PUPIL }, people.principal, TIMES.acknowledged);
    c = apply(
      c,
      { type: "close", closure: { type: "joined", intoCaseId: "case-other" } },
      people.principal,
      TIMES.investigating,
    );
    expect(c.status).toBe("closed");
    const mine = write(c, "Are you there?");
    expect(mine.ok ? "ok" : mine.error.code).toBe("case.closed");
    const theirs = transition(
      c,
      { type: "replyToReporter", messageId: "m-1", reportId: "report-1", text: "Yes." },
      ctx(TIMES.later, people.principal),
    );
    expect(theirs.ok ? "ok" : theirs.error.code).toBe("case.closed");
  });
});
