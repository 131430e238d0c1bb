// Plans the rounds from index `from` on and stores them: rounds before `from` stay exactly as
// they were (played rounds are history and never change), the rest is solved again for the
// group's pupils and constraints today, on the rotation dates after the last kept round.
import { addDays, type IsoDate } from "../../core/calendar/iso-date.ts";
import type { Tx } from "../platform/db/database.ts";
import type { RotationCommand } from "./context.ts";
import { MAX_ROUNDS, rotationCalendar, roundDates } from "./dates.ts";
import { rotationError } from "./errors.ts";
import { planRounds } from "./plan-rounds.ts";
import { constraintDigest, type RotationState, roundContent, specOf } from "./state.ts";
import { layoutOf, replaceRounds } from "./store.ts";

export async function rewriteRounds(
  tx: Tx,
  state: RotationState,
  cmd: RotationCommand,
  from: number,
): Promise<{ planned: number }> {
  const { plan } = state;
  const kept = state.rounds.filter((r) => r.round_index < from);
  const lastKept = kept[kept.length - 1];
  const calendar = await rotationCalendar(
    tx,
    plan.school_id,
    plan.starts_on as IsoDate,
    plan.rotation_weeks,
    cmd.lang,
    plan.school_year_id,
  );
  const dates = lastKept
    ? roundDates(calendar, { after: lastKept.starts_on as IsoDate, max: MAX_ROUNDS - from })
    : roundDates(calendar, { from: plan.starts_on as IsoDate, max: MAX_ROUNDS });
  if (dates.length === 0 && from === 0) {
    throw rotationError(400, cmd.lang, "rotation.noRounds", "startsOn");
  }
  const spec = specOf(state, cmd.lang);
  const previous = state.rounds.filter((r) => r.round_index >= from).map(roundContent);
  const planned = planRounds(spec, kept.map(roundContent), dates.length, previous);
  await replaceRounds(
    tx,
    { id: plan.id, schoolId: plan.school_id },
    from,
    planned.map((r, i) => ({
      index: from + i,
      startsOn: dates[i]?.startsOn as string,
      endsOn: dates[i]?.endsOn as string,
      groups: r.groups,
      buddyPairs: r.buddyPairs,
      seats: r.seats,
      locked: r.locked,
    })),
    cmd.now,
  );
  const first = dates[0];
  if (lastKept && first) {
    await tx
      .updateTable("rotation_round")
      .set({ ends_on: addDays(first.startsOn, -1) })
      .where("plan_id", "=", plan.id)
      .where("round_index", "=", lastKept.round_index)
      .execute();
  }
  const layout = state.classroom ? layoutOf(state.classroom) : null;
  await tx
    .updateTable("rotation_plan")
    .set({
      planned_pupils: JSON.stringify(state.pupils.map((p) => p.id)),
      planned_constraints: constraintDigest(spec, layout),
      updated_at: cmd.now,
    })
    .where("id", "=", plan.id)
    .execute();
  return { planned: planned.length };
}
