// The case file (saksmappe) as JSON: what GET /api/cases/:caseId/export?format=json returns
// and what the ZIP bundle for Statsforvalteren holds as case-file.json. It is a published
// format: docs/case-file.schema.v1.json is generated from `CaseFileV1` (a test fails when the
// two differ) and docs/case-file-format.md says what each version means.
//
// People are referred to by a `ref` that is a key of `people` (the display name). In the full
// copy a ref is the person's id; in the family copy (innsyn) every ref is a neutral alias, and
// every other pupil is the one ref `otherPupil`, so the copy carries no id of another pupil.

import { z } from "zod";
import { CHECK_IN_ANSWERS } from "../core/cases/check-in.ts";
import {
  CASE_KINDS,
  CASE_STATUSES,
  CLOSURE_GROUNDS,
  INFORM_CHANNELS,
  INVOLVEMENT_ROLES,
  MEASURE_EFFECTS,
  NOTE_KINDS,
  PUPIL_VIEW_SOURCES,
  REPORT_CHANNELS,
} from "../core/cases/types.ts";
import { PLACES, TIMES_OF_DAY } from "../core/surveys/where-when/where-when.ts";

export const CASE_FILE_VERSION = 1 as const;
export const CASE_FILE_SCHEMA_ID = "https://trygg.invalid/schemas/case-file.schema.v1.json";

const instant = z.string().describe("An instant, ISO 8601 in UTC");
const isoDate = z.string().describe("A calendar date (Oslo), YYYY-MM-DD");
const ref = z.string().describe("A key of `people`");
const text = z
  .string()
  .describe("Free text as written (in the family copy: other pupils' names replaced)");

const statusEnum = z.enum(CASE_STATUSES);
const kindEnum = z.enum(CASE_KINDS);

const reportMessage = z.strictObject({
  at: instant,
  from: z.enum(["school", "reporter"]),
  by: ref.nullable(),
  text,
});

const report = z.strictObject({
  id: z.string(),
  kind: kindEnum,
  reporter: z.strictObject({
    anonymous: z.boolean(),
    ref: ref.nullable(),
    capacity: z.enum(["staff", "pupil", "guardian"]).nullable(),
  }),
  pupils: z.array(ref),
  description: text,
  /** When the school was told (the clock runs from here), and how. */
  toldAt: instant,
  channel: z.enum(REPORT_CHANNELS),
  /** When the report was entered in Trygg. */
  reportedAt: instant,
  learnedOn: isoDate,
  acknowledgedAt: instant.nullable(),
  occurredOn: isoDate.nullable(),
  place: text.nullable(),
  placeKind: z
    .enum(PLACES)
    .nullable()
    .describe("Where it happened, from the fixed list (ADR 0117); null if not given"),
  timeOfDay: z
    .enum(TIMES_OF_DAY)
    .nullable()
    .describe("When in the day it happened, from the fixed list (ADR 0117); null if not given"),
  involvedPupils: z.array(ref),
  involvedStaff: z.array(ref),
  others: text.nullable(),
  pupilSaidUnsafe: z.boolean().nullable(),
  intervention: text.nullable().describe("What the reporter did to intervene, if they did"),
  messages: z.array(reportMessage),
});

const alertLevel = z.strictObject({
  level: z.int().min(0),
  at: instant,
  roles: z.array(z.string()).describe("The roles alerted (never the names of the people)"),
});

const statusChange = z.strictObject({
  at: instant,
  from: statusEnum.nullable(),
  to: statusEnum,
  by: ref.nullable(),
});

const measure = z.strictObject({
  id: z.string(),
  what: text,
  when: z.strictObject({
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    schedule: text.nullable(),
  }),
  who: ref,
  keepApart: z.array(z.tuple([ref, ref])),
});

const plan = z.strictObject({
  revision: z.int().min(1),
  problem: text,
  measures: z.array(measure),
  evaluateOn: isoDate,
  communicateBy: isoDate,
  savedAt: instant,
  savedBy: ref,
  communications: z.array(
    z.strictObject({
      communicatedOn: isoDate,
      to: z.array(z.enum(["pupil", "guardians"])),
      recordedAt: instant,
      recordedBy: ref,
    }),
  ),
  responses: z.array(
    z.strictObject({
      respondedOn: isoDate,
      by: z.enum(["pupil", "guardians"]),
      accepted: z.boolean(),
      comment: text.nullable(),
      recordedAt: instant,
      recordedBy: ref,
    }),
  ),
});

const closure = z.strictObject({
  at: instant,
  by: ref.nullable(),
  type: z
    .enum([...CLOSURE_GROUNDS, "reason"])
    .describe("The closing ground; `reason` is a free-text closure from before the grounds"),
  text: text.nullable().describe("The note, findings or reason in words"),
  pupils: z.array(ref).describe("pupilLeftSchool: the pupils who left"),
  intoCaseId: z.string().nullable().describe("joined: the case it went into (full copy only)"),
  confirmedBy: ref.nullable().describe("other: the principal who confirmed it"),
});

const pupilView = z.strictObject({
  id: z.string(),
  pupil: ref,
  heardOn: isoDate,
  words: text,
  feelsSafe: z.boolean().nullable(),
  source: z.enum(PUPIL_VIEW_SOURCES),
  checkInAnswer: z
    .enum(CHECK_IN_ANSWERS)
    .nullable()
    .describe("checkIn: the pupil's own answer (partly is recorded as not feeling safe)"),
  recordedAt: instant,
  recordedBy: ref,
});

const recordedText = z.strictObject({
  id: z.string(),
  text,
  recordedAt: instant,
  recordedBy: ref,
});

export const CaseFileV1 = z
  .strictObject({
    $schema: z.literal(CASE_FILE_SCHEMA_ID),
    format: z.literal("trygg.caseFile"),
    version: z.literal(CASE_FILE_VERSION),
    copy: z.enum(["full", "family"]),
    language: z.enum(["nb", "nn", "en"]),
    exportedAt: instant,
    school: z.strictObject({ id: z.string().nullable(), name: z.string() }),
    people: z.record(z.string(), z.string()).describe("Display names by ref"),
    complaintRight: z
      .strictObject({
        firstComplaintOn: isoDate,
        office: z.strictObject({
          name: z.string(),
          address: z.string(),
          email: z.string(),
          url: z.string(),
        }),
        text: z.string(),
      })
      .nullable()
      .describe("The family's right to take the case to Statsforvalteren (family copy only)"),
    head: z
      .strictObject({
        closure: closure.nullable(),
        pupils: z.array(
          z.strictObject({
            pupil: ref,
            latestView: pupilView.nullable(),
            notHeard: z
              .strictObject({ reason: text, recordedAt: instant, recordedBy: ref })
              .nullable(),
          }),
        ),
        latestBestInterest: recordedText.nullable(),
      })
      .describe(
        "What the case file starts with: the closing ground, each pupil's latest view, the latest best-interest assessment",
      ),
    coveringStatements: z
      .array(recordedText)
      .describe("The school's covering statements to Statsforvalteren, oldest first"),
    case: z.strictObject({
      id: z.string(),
      kind: kindEnum,
      status: statusEnum,
      pupils: z.array(ref),
      reportedAt: instant,
      learnedOn: isoDate,
      planDueOn: isoDate,
      acknowledgeBy: instant,
      acknowledgedAt: instant.nullable(),
      acknowledgedBy: ref.nullable(),
      investigateBy: isoDate,
      seriousness: z
        .strictObject({ serious: z.boolean(), reason: text.nullable(), at: instant, by: ref })
        .nullable(),
      immediateMeasuresDueOn: isoDate.nullable(),
      familyInformedBy: isoDate.nullable(),
      escalatedToOwnerAt: instant.nullable(),
      serious: z.strictObject({ at: instant, by: ref, reason: text }).nullable(),
      staffViolationDecisions: z.array(
        z.strictObject({
          type: z.enum(["ownerNotified", "obviouslyUnfounded"]),
          at: instant,
          by: ref,
          reason: text.nullable(),
        }),
      ),
      kindChanges: z.array(
        z.strictObject({ from: kindEnum, to: kindEnum, reason: text, at: instant, by: ref }),
      ),
      closure: closure.nullable(),
    }),
    alerts: z.array(alertLevel).describe("Level 0 at the report, then each escalation"),
    statusChanges: z.array(statusChange),
    reports: z.array(report),
    immediateMeasures: z.array(z.strictObject({ id: z.string(), text, at: instant, by: ref })),
    familyInformation: z.array(
      z.strictObject({
        id: z.string(),
        type: z.enum(["guardiansInformed", "adultPupilChoice"]),
        pupil: ref,
        on: isoDate.describe("When the family was informed, or when the pupil decided"),
        channel: z.enum(INFORM_CHANNELS).nullable(),
        informedBy: ref.nullable(),
        familyMayBeTold: z.boolean().nullable(),
        recordedAt: instant,
        recordedBy: ref,
      }),
    ),
    involvedPupils: z.array(
      z.strictObject({
        pupil: ref,
        role: z.enum(INVOLVEMENT_ROLES),
        addedAt: instant,
        addedBy: ref,
      }),
    ),
    investigationNotes: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(NOTE_KINDS),
        occurredOn: isoDate,
        text,
        recordedAt: instant,
        recordedBy: ref,
      }),
    ),
    pupilViews: z.array(pupilView),
    pupilsNotHeard: z.array(
      z.strictObject({
        id: z.string(),
        pupil: ref,
        reason: text,
        recordedAt: instant,
        recordedBy: ref,
      }),
    ),
    bestInterest: z.array(recordedText),
    plans: z.array(plan).describe("Every version of the measure plan, oldest first"),
    measureLog: z.array(
      z.strictObject({
        id: z.string(),
        measureId: z.string(),
        what: text.describe("The measure's description in the plan"),
        when: isoDate.describe("The day it was carried out"),
        who: ref.describe("Who recorded it"),
        note: text.nullable(),
        recordedAt: instant,
      }),
    ),
    evaluations: z.array(
      z.strictObject({
        id: z.string(),
        revision: z.int().min(1),
        evaluatedOn: isoDate,
        effects: z.array(
          z.strictObject({
            measureId: z.string(),
            what: text,
            effect: z.enum(MEASURE_EFFECTS),
            comment: text.nullable(),
          }),
        ),
        summary: text.nullable(),
        earlyReason: text.nullable().describe("Why it was made before the plan's date"),
        bestInterestId: z.string().nullable(),
        decideBy: isoDate,
        recordedAt: instant,
        recordedBy: ref,
      }),
    ),
    timeline: z.array(
      z.strictObject({
        seq: z.int(),
        type: z.string(),
        at: instant,
        actor: ref.nullable(),
        data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      }),
    ),
    attachments: z.array(
      z.strictObject({
        id: z.string(),
        fileName: text,
        mediaType: z.string(),
        sizeBytes: z.int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        uploadedAt: instant,
        uploadedBy: ref,
      }),
    ),
  })
  .meta({ title: "Trygg case file (saksmappe), version 1" });

export type CaseFile = z.infer<typeof CaseFileV1>;

/** The published JSON Schema of version 1 (docs/case-file.schema.v1.json). */
export function caseFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(CaseFileV1, { target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return { $schema, $id: CASE_FILE_SCHEMA_ID, ...rest };
}

/** The schema file's exact text (two-space JSON and a final newline). */
export function caseFileSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
