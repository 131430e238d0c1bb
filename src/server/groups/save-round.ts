// A teacher changes one round by hand (moves pupils, locks some to their group). Only a round
// in force or still planned; every pupil of the group exactly once; keep-apart, together and
// fixed seats must hold. A refused change names the pupils and changes nothing.

import type { z } from "zod";
import type { ClassroomLayout, RotationPlanView } from "../../contract/rotations.ts";
import type { Lang } from "../../i18n/lang.ts";
import type { Db } from "../platform/db/database.ts";
import { notFound } from "../platform/errors.ts";
import { changeRotation } from "./change.ts";
import type { RotationCommand } from "./context.ts";
import { roundStatus } from "./dates.ts";
import { rotationError, violation } from "./errors.ts";
import type { saveRoundInput } from "./inputs.ts";
import { roundProblem } from "./round-check.ts";
import { seatsForRound } from "./seating-plan.ts";
import { specOf } from "./state.ts";
import { layoutOf } from "./store.ts";

export async function saveRound(
  db: Db,
  cmd: RotationCommand & { planId: string; index: number; input: z.infer<typeof saveRoundInput> },
): Promise<RotationPlanView> {
  const { input, lang } = cmd;
  return changeRotation(db, cmd, cmd.planId, async (tx, state) => {
    const round = state.rounds.find((r) => r.round_index === cmd.index);
    if (!round) throw notFound();
    const status = roundStatus({ startsOn: round.starts_on, endsOn: round.ends_on }, state.today);
    if (status === "past") throw rotationError(409, lang, "rotation.pastRound");
    const spec = specOf(state, lang);
    const names = new Map(state.pupils.map((p) => [p.id, p.name]));
    const layout = state.classroom ? layoutOf(state.classroom) : null;
    const groups = input.groups;
    if (spec.structure === "seating" && layout) checkTables(lang, groups, layout);

    const problem = roundProblem(groups, spec);
    if (problem) throw violation(lang, problem.reason, problem.pupils, names);

    const current = new Set(state.pupils.map((p) => p.id));
    const locked = [...new Set(input.locked ?? [])];
    if (locked.some((id) => !current.has(id))) {
      throw rotationError(400, lang, "rotation.pupilNotInGroup", "locked");
    }

    let buddyPairs: string[][][] | null = null;
    if (spec.structure === "vip") {
      buddyPairs = input.buddyPairs
        ? checkBuddyPairs(lang, groups, input.buddyPairs)
        : deriveBuddyPairs(groups, round.buddy_pairs ?? []);
    }
    let seats: Record<string, string> | null = null;
    if (spec.structure === "seating" && layout) {
      const fixed = spec.fixedSeats;
      const wrongSeat = fixed.filter((f) => {
        const table = layout.tables.findIndex((t) => t.seats.some((s) => s.id === f.seatId));
        return !(groups[table] ?? []).includes(f.pupilId);
      });
      if (wrongSeat.length > 0) {
        throw violation(
          lang,
          "fixedSeat",
          wrongSeat.map((f) => f.pupilId),
          names,
        );
      }
      seats = input.seats
        ? checkSeats(lang, groups, input.seats, layout, fixed, names)
        : seatsForRound(spec, groups);
    }

    await tx
      .updateTable("rotation_round")
      .set({
        groups: JSON.stringify(groups),
        buddy_pairs: buddyPairs ? JSON.stringify(buddyPairs) : null,
        seats: seats ? JSON.stringify(seats) : null,
        locked: JSON.stringify(locked),
        edited: true,
      })
      .where("plan_id", "=", state.plan.id)
      .where("round_index", "=", cmd.index)
      .execute();
    return { action: "rotation.editRound", detail: { round: cmd.index, locked: locked.length } };
  });
}

/** Seating: one group per table of the layout, none larger than its table. */
function checkTables(lang: Lang, groups: readonly string[][], layout: ClassroomLayout): void {
  if (groups.length !== layout.tables.length) {
    throw rotationError(400, lang, "field.invalid", "groups");
  }
  layout.tables.forEach((t, i) => {
    if ((groups[i]?.length ?? 0) > t.seats.length) {
      throw rotationError(409, lang, "groups.tableFull", `groups.${i}`);
    }
  });
}

/** VIP: the buddy units of each group are exactly its pupils, in units of 2 or 3. */
function checkBuddyPairs(
  lang: Lang,
  groups: readonly string[][],
  pairs: string[][][],
): string[][][] {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const ok =
    pairs.length === groups.length &&
    pairs.every(
      (units, g) =>
        units.every((u) => u.length >= 1 && u.length <= 3) && same(units.flat(), groups[g] ?? []),
    );
  if (!ok) throw rotationError(400, lang, "field.invalid", "buddyPairs");
  return pairs;
}

/**
 * VIP without buddy pairs from the client: pairs still inside one group are kept, the other
 * pupils of the group are paired in order (a trio for an odd one out).
 */
export function deriveBuddyPairs(
  groups: readonly string[][],
  before: readonly string[][][],
): string[][][] {
  const units = before.flat();
  return groups.map((members) => {
    const inGroup = new Set(members);
    const kept = units
      .map((u) => u.filter((id) => inGroup.has(id)))
      .filter((u) => u.length >= 2 && u.every((id) => inGroup.has(id)));
    const placed = new Set(kept.flat());
    const rest = members.filter((id) => !placed.has(id));
    const out = [...kept];
    for (let i = 0; i < rest.length; i += 2) out.push(rest.slice(i, i + 2));
    // A lone pupil joins a pair as a trio (never a unit of four).
    const last = out[out.length - 1];
    const pair = out.findIndex((u) => u.length === 2);
    if (last && last.length === 1 && pair >= 0 && out.length > 1) {
      out.pop();
      out[pair]?.push(...last);
    }
    return out;
  });
}

function checkSeats(
  lang: Lang,
  groups: readonly string[][],
  seats: Record<string, string>,
  layout: ClassroomLayout,
  fixed: readonly { pupilId: string; seatId: string }[],
  names: ReadonlyMap<string, string>,
): Record<string, string> {
  const tableOfSeat = new Map<string, number>();
  layout.tables.forEach((t, i) => {
    for (const s of t.seats) tableOfSeat.set(s.id, i);
  });
  const seatOf = new Map<string, string>();
  for (const [seatId, pupilId] of Object.entries(seats)) {
    const table = tableOfSeat.get(seatId);
    if (table === undefined)
      throw rotationError(400, lang, "rotation.seatUnknown", `seats.${seatId}`);
    if (seatOf.has(pupilId) || !(groups[table] ?? []).includes(pupilId)) {
      throw violation(lang, "pupilsMismatch", [pupilId], names);
    }
    seatOf.set(pupilId, seatId);
  }
  const unseated = groups.flat().filter((id) => !seatOf.has(id));
  if (unseated.length > 0) throw violation(lang, "pupilsMismatch", unseated, names);
  const moved = fixed.filter((f) => seatOf.get(f.pupilId) !== f.seatId);
  if (moved.length > 0)
    throw violation(
      lang,
      "fixedSeat",
      moved.map((f) => f.pupilId),
      names,
    );
  return seats;
}
