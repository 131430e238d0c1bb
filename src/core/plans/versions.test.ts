import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../calendar/iso-date.ts";
import type { PlanActivity, PlanContent, PlanTemplate } from "./types.ts";
import {
  archiveVersion,
  createFromTemplate,
  nextYearVersion,
  type PlanEvaluation,
  type PlanVersion,
  publishVersion,
  schoolYearLabel,
  startRevision,
} from "./versions.ts";

const d = parseIsoDate;

const classHour: PlanActivity = {
  id: "prev-class-hour",
  description: "Gjennomføre klassens time",
  details: [],
  responsible: [{ kind: "role", role: "contactTeacher" }],
  methods: ["Diverse aktiviteter."],
  timing: { kind: "weekly", weekday: 5 },
  deadlineText: "Ukentlig",
  links: [],
};

const content: PlanContent = {
  title: "Handlingsplan",
  sections: [],
  parts: [
    { id: "information", title: "1", intro: [], activities: [], links: [] },
    { id: "prevention", title: "2", intro: [], activities: [classHour], links: [] },
    { id: "dutyToAct", title: "3", intro: [], activities: [], links: [] },
    { id: "resources", title: "4", intro: [], activities: [], links: [] },
  ],
};

const template: PlanTemplate = {
  id: "test-template",
  formatVersion: 1,
  language: "nb",
  name: "Test",
  description: "",
  content,
};

const evaluation: PlanEvaluation = {
  evaluatedOn: d("2027-06-10"),
  participants: [
    { group: "pupilCouncil", description: "Elevrådsstyret" },
    { group: "staffRepresentatives", description: "Tillitsvalgte" },
    { group: "pupilServices", description: "Elevtjenesten" },
    { group: "leadership", description: "Ledergruppen" },
  ],
  input: [{ group: "pupilCouncil", text: "Klassens time brukes for lite til trivsel." }],
  decisions: [{ text: "Fast trivselstema hver fjerde klassetime.", activityId: "prev-class-hour" }],
};

function published(): PlanVersion {
  const result = publishVersion(createFromTemplate(template, 2026), d("2026-08-10"));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe("plan versions", () => {
  it("a template becomes version 1, a draft", () => {
    expect(createFromTemplate(template, 2026)).toMatchObject({
      version: 1,
      schoolYear: 2026,
      status: "draft",
      templateId: "test-template",
      basedOnVersion: null,
    });
    expect(schoolYearLabel(2026)).toBe("2026–27");
    expect(schoolYearLabel(2099)).toBe("2099–00");
  });

  it("publish: only drafts, only valid content", () => {
    expect(published()).toMatchObject({ status: "published", publishedOn: "2026-08-10" });
    expect(publishVersion(published(), d("2026-08-11"))).toMatchObject({
      ok: false,
      error: [{ code: "plan.version.notDraft" }],
    });
    const broken = createFromTemplate({ ...template, content: { ...content, parts: [] } }, 2026);
    expect(publishVersion(broken, d("2026-08-10")).ok).toBe(false);
  });

  it("a mid-year revision is a new draft numbered after the latest", () => {
    expect(startRevision(published(), 3)).toMatchObject({
      ok: true,
      value: {
        version: 4,
        status: "draft",
        basedOnVersion: 1,
        schoolYear: 2026,
        publishedOn: null,
      },
    });
    expect(archiveVersion(published(), d("2026-12-01"))).toMatchObject({
      ok: true,
      value: { status: "archived", archivedOn: "2026-12-01" },
    });
  });
});

describe("nextYearVersion", () => {
  it("archives the evaluated version with its evaluation and opens next year's draft", () => {
    const result = nextYearVersion(published(), evaluation, 2027);
    expect(result).toMatchObject({
      ok: true,
      value: {
        evaluated: { version: 1, status: "archived", archivedOn: "2027-06-10", evaluation },
        next: {
          version: 2,
          schoolYear: 2027,
          status: "draft",
          basedOnVersion: 1,
          templateId: "test-template",
          evaluation: null,
          content,
        },
      },
    });
  });

  it.each<[string, PlanVersion, PlanEvaluation, number, string[]]>([
    [
      "a draft",
      createFromTemplate(template, 2026),
      evaluation,
      2027,
      ["plan.version.notPublished"],
    ],
    ["the same school year", published(), evaluation, 2026, ["plan.version.schoolYearNotAfter"]],
    [
      "without the staff representatives and the pupil services",
      published(),
      {
        ...evaluation,
        participants: evaluation.participants.filter(
          (p) => p.group === "pupilCouncil" || p.group === "leadership",
        ),
      },
      2027,
      ["plan.evaluation.missingParticipantGroup", "plan.evaluation.missingParticipantGroup"],
    ],
    [
      "without decisions",
      published(),
      { ...evaluation, decisions: [] },
      2027,
      ["plan.evaluation.noDecisions"],
    ],
    [
      "a decision about an unknown activity",
      published(),
      { ...evaluation, decisions: [{ text: "x", activityId: "ghost" }] },
      2027,
      ["plan.evaluation.unknownActivity"],
    ],
    [
      "an invalid date and empty input",
      published(),
      {
        ...evaluation,
        evaluatedOn: "10.06.2027" as PlanEvaluation["evaluatedOn"],
        input: [{ group: "leadership", text: " " }],
      },
      2027,
      ["plan.evaluation.invalidDate", "plan.evaluation.textMissing"],
    ],
  ])("refuses %s", (_name, plan, ev, year, expected) => {
    const result = nextYearVersion(plan, ev, year);
    expect(result.ok ? [] : result.error.map((i) => i.code)).toEqual(expected);
  });
});
