// Pieces the group pages share: loading a rotation plan, pupil names, print addresses, the
// quality figures in words, and the local arithmetic of a hand-edited round (moving a pupil
// keeps buddy pairs and seats consistent; the live quality and constraint warnings are
// computed in the browser with the same pure checker the solver's tests use).
import { Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type {
  RotationPlanView,
  RotationQuality,
  RotationRoundView,
  SaveRoundInput,
} from "../../contract/rotations.ts";
import { checkSchedule } from "../../core/groups/quality.ts";
import { currentLang, currentLocale, i18n } from "../app/i18n.ts";
import { useApiData } from "../ui/api-data.ts";
import { formatIsoDate } from "../ui/format.ts";

export { useApiData };

export function fmtDate(iso: string): string {
  return formatIsoDate(iso.slice(0, 10), currentLocale());
}

/** Every pupil who appears in the plan (today's and those who left), id -> name. */
export function namesOf(plan: RotationPlanView): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of plan.formerPupils) names.set(p.id, p.name);
  for (const p of plan.pupils) names.set(p.id, p.name);
  return names;
}

export type PrintKind = "groups" | "seating" | "name-tags";

export function printUrl(rotationId: string, round: number, kind: PrintKind): string {
  return `/api/rotations/${rotationId}/rounds/${round}/${kind}.pdf?lang=${currentLang()}`;
}

/** "Gruppe 2" or, for seating, the table's label from the classroom layout. */
export function useGroupLabel(plan: RotationPlanView): (g: number) => string {
  const { t } = useTranslation("groups");
  return (g) => {
    const table = plan.structure === "seating" ? plan.classroom?.layout.tables[g] : undefined;
    return table ? t("plan.table", { label: table.label }) : t("plan.group", { group: g + 1 });
  };
}

/** Small counts as words ("to ganger"), larger ones as digits. */
function numberWord(n: number): string {
  const words = i18n.t("groups:plan.quality.numberWords").split(",");
  return words[n] ?? String(n);
}

/** The quality figures as sentences ("Ingen møtes mer enn to ganger", repeats vs best). */
export function QualityText({
  quality,
  lowerBound,
}: {
  quality: RotationQuality;
  lowerBound: number;
}) {
  const { t } = useTranslation("groups");
  return (
    <div className="groups-quality">
      {quality.totalRepeats === 0 ? (
        <Paragraph>{t("plan.quality.noRepeats")}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t("plan.quality.maxMeetings", {
              count: quality.maxMeetings,
              times: numberWord(quality.maxMeetings),
            })}
          </Paragraph>
          <Paragraph>
            {t("plan.quality.repeats", { count: quality.totalRepeats })}{" "}
            {quality.totalRepeats <= lowerBound
              ? t("plan.quality.atBest")
              : t("plan.quality.best", { best: lowerBound })}
          </Paragraph>
        </>
      )}
      <Paragraph>{t("plan.quality.fewestMet", { count: quality.fewestMet })}</Paragraph>
    </div>
  );
}

// ---------------------------------------------------------------- local round arithmetic

function distribute(n: number, groups: number): number[] {
  const base = Math.floor(n / groups);
  const extra = n % groups;
  return Array.from({ length: groups }, (_, g) => base + (g < extra ? 1 : 0));
}

/** Fewest classmates any pupil meets over the schedule (the contract's `fewestMet`). */
function fewestMet(rounds: readonly (readonly (readonly string[])[])[]): number {
  const met = new Map<string, Set<string>>();
  for (const round of rounds) {
    for (const group of round) {
      for (const a of group) {
        let set = met.get(a);
        if (!set) {
          set = new Set();
          met.set(a, set);
        }
        for (const b of group) if (b !== a) set.add(b);
      }
    }
  }
  let fewest = Number.POSITIVE_INFINITY;
  for (const set of met.values()) fewest = Math.min(fewest, set.size);
  return Number.isFinite(fewest) ? fewest : 0;
}

function localFigures(rounds: readonly (readonly (readonly string[])[])[]): RotationQuality {
  const pupils = [...new Set(rounds.flat(2))];
  const groupCount = Math.max(1, ...rounds.map((r) => r.length));
  if (pupils.length < groupCount) return { totalRepeats: 0, maxMeetings: 0, fewestMet: 0 };
  const check = checkSchedule(
    {
      pupils,
      k: Math.ceil(pupils.length / groupCount),
      rounds: rounds.length,
      groupSizes: distribute(pupils.length, groupCount),
    },
    rounds,
  );
  return {
    totalRepeats: check.quality.totalRepeats,
    maxMeetings: check.quality.maxMeetings,
    fewestMet: fewestMet(rounds),
  };
}

/**
 * The plan's quality with one round replaced by `edited`: the server's figures moved by the
 * difference the edit makes locally, so an unchanged round shows exactly what the server said.
 */
export function liveQuality(
  plan: RotationPlanView,
  index: number,
  edited: readonly (readonly string[])[],
): RotationQuality {
  const before = plan.rounds.map((r) => r.groups);
  const after = before.map((groups, i) => (i === index ? edited : groups));
  const a = localFigures(before);
  const b = localFigures(after);
  return {
    totalRepeats: Math.max(0, plan.quality.totalRepeats + b.totalRepeats - a.totalRepeats),
    maxMeetings: Math.max(0, plan.quality.maxMeetings + b.maxMeetings - a.maxMeetings),
    fewestMet: Math.max(0, plan.quality.fewestMet + b.fewestMet - a.fewestMet),
  };
}

export interface ConstraintBreach {
  kind: "apart" | "together";
  a: string;
  b: string;
}

/** The plan's constraints the round breaks (names, for the live warning). */
export function breaches(
  plan: RotationPlanView,
  groups: readonly (readonly string[])[],
): ConstraintBreach[] {
  const groupOf = new Map<string, number>();
  groups.forEach((members, g) => {
    for (const id of members) groupOf.set(id, g);
  });
  const out: ConstraintBreach[] = [];
  for (const c of plan.constraints) {
    const [a, b] = c.pupils;
    const ga = groupOf.get(a.id);
    const gb = groupOf.get(b.id);
    if (ga === undefined || gb === undefined) continue;
    if (c.kind === "apart" && ga === gb) out.push({ kind: "apart", a: a.name, b: b.name });
    if (c.kind === "together" && ga !== gb) out.push({ kind: "together", a: a.name, b: b.name });
  }
  return out;
}

export type EditableRound = Required<Pick<SaveRoundInput, "groups" | "locked">> &
  Pick<SaveRoundInput, "buddyPairs" | "seats">;

/**
 * The round as the server takes it: pupils who have left the group are dropped (the server
 * wants exactly today's pupils; the re-plan banner covers pupils who joined since).
 */
export function roundToSave(round: EditableRound, plan: RotationPlanView): SaveRoundInput {
  const current = new Set(plan.pupils.map((p) => p.id));
  const keep = (ids: readonly string[]) => ids.filter((id) => current.has(id));
  return {
    groups: round.groups.map(keep),
    locked: keep(round.locked),
    ...(round.buddyPairs
      ? {
          buddyPairs: round.buddyPairs.map((units) => units.map(keep).filter((u) => u.length > 0)),
        }
      : {}),
    ...(round.seats
      ? {
          seats: Object.fromEntries(
            Object.entries(round.seats).filter(([, id]) => current.has(id)),
          ),
        }
      : {}),
  };
}

export function editableRound(round: RotationRoundView): EditableRound {
  return {
    groups: round.groups.map((g) => [...g]),
    buddyPairs: round.buddyPairs?.map((pairs) => pairs.map((p) => [...p])),
    seats: round.seats ? { ...round.seats } : undefined,
    locked: [...round.locked],
  };
}

/**
 * Moves one pupil to group `to`. VIP: the pupil leaves their buddy pair (a pupil left alone
 * joins another pair of the old group) and joins the smallest pair of the new group as a
 * trio, or starts a pair. Seating: the pupil takes the first free seat at the new table.
 */
export function movePupil(
  round: EditableRound,
  pupilId: string,
  to: number,
  plan: RotationPlanView,
): EditableRound {
  const from = round.groups.findIndex((g) => g.includes(pupilId));
  if (from < 0 || from === to || to < 0 || to >= round.groups.length) return round;
  const groups = round.groups.map((g, i) =>
    i === from ? g.filter((id) => id !== pupilId) : i === to ? [...g, pupilId] : [...g],
  );
  let buddyPairs = round.buddyPairs;
  if (buddyPairs) {
    buddyPairs = buddyPairs.map((pairs, i) => {
      if (i === from) {
        const left = pairs.map((p) => p.filter((id) => id !== pupilId)).filter((p) => p.length);
        // A pupil left alone joins a pair of the group as a trio (never a unit of four).
        const alone = left.findIndex((p) => p.length === 1);
        const pair = left.findIndex((p, j) => j !== alone && p.length === 2);
        if (alone >= 0 && pair >= 0) {
          const single = left[alone] ?? [];
          left[pair] = [...(left[pair] ?? []), ...single];
          left.splice(alone, 1);
        }
        return left;
      }
      if (i === to) {
        const next = pairs.map((p) => [...p]);
        // A lone pupil first, else a pair becomes a trio, else a new pair starts.
        const single = next.findIndex((p) => p.length < 2);
        const pair = single >= 0 ? single : next.findIndex((p) => p.length === 2);
        if (pair >= 0) next[pair] = [...(next[pair] ?? []), pupilId];
        else next.push([pupilId]);
        return next;
      }
      return pairs;
    });
  }
  let seats = round.seats;
  if (seats) {
    seats = { ...seats };
    for (const [seat, id] of Object.entries(seats)) if (id === pupilId) delete seats[seat];
    const table = plan.classroom?.layout.tables[to];
    const free = table?.seats.find((s) => seats?.[s.id] === undefined);
    if (free) seats[free.id] = pupilId;
  }
  return { ...round, groups, buddyPairs, seats };
}

/** "Ada og Bo", "Ada, Bo og Cia" in the page's language. */
export function listNames(names: readonly string[]): string {
  return new Intl.ListFormat(currentLocale(), { type: "conjunction" }).format(names);
}

/** VIP: the buddy unit (pair or trio) a pupil is in, and its group; null outside VIP. */
export function unitOf(
  round: EditableRound,
  pupilId: string,
): { group: number; unit: string[] } | null {
  if (!round.buddyPairs) return null;
  for (const [group, units] of round.buddyPairs.entries()) {
    const unit = units.find((u) => u.includes(pupilId));
    if (unit) return { group, unit };
  }
  return null;
}

/**
 * VIP: the buddy a pupil would leave alone by moving without them (their unit is a pair), or
 * null (a trio stays a pair, a lone pupil leaves nobody behind).
 */
export function buddyLeftAlone(round: EditableRound, pupilId: string): string | null {
  const found = unitOf(round, pupilId);
  if (found?.unit.length !== 2) return null;
  return found.unit.find((id) => id !== pupilId) ?? null;
}

/** VIP: pupils who are in a unit of their own (no buddy), with their group. */
export function pupilsWithoutBuddy(round: EditableRound): { id: string; group: number }[] {
  return (round.buddyPairs ?? []).flatMap((units, group) =>
    units.filter((u) => u.length === 1).map((u) => ({ id: u[0] as string, group })),
  );
}

/**
 * VIP: moves a whole buddy unit (the pair or trio `pupilId` is in) to group `to`, where it
 * stays a unit of its own; nobody is left without a buddy. Outside VIP it moves the pupil.
 */
export function movePair(
  round: EditableRound,
  pupilId: string,
  to: number,
  plan: RotationPlanView,
): EditableRound {
  const found = unitOf(round, pupilId);
  if (!found || !round.buddyPairs) return movePupil(round, pupilId, to, plan);
  const { group: from, unit } = found;
  if (from === to || to < 0 || to >= round.groups.length) return round;
  const moving = new Set(unit);
  const groups = round.groups.map((g, i) =>
    i === from ? g.filter((id) => !moving.has(id)) : i === to ? [...g, ...unit] : [...g],
  );
  const buddyPairs = round.buddyPairs.map((units, i) =>
    i === from
      ? units.filter((u) => u !== unit).map((u) => [...u])
      : i === to
        ? [...units.map((u) => [...u]), [...unit]]
        : units,
  );
  return { ...round, groups, buddyPairs };
}
