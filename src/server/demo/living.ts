/**
 * The living demo: after the demo's people exist, each feature adds what a real school has
 * at this time of year (a published plan, cases at every stage, survey results, …). Every step
 * goes through the same code paths users use, and takes its randomness from the demo seed, so
 * the same seed and the same `now` give the same school.
 *
 * A feature adds one entry to `livingDemoSteps`; steps run in list order, each in its own
 * transaction(s), once, right after the demo data is first inserted.
 */
import type { Db } from "../platform/db/database.ts";
import { classSurveyStep } from "./living-class-survey.ts";
import { nationalSurveysDemoStep } from "./living-national-surveys.ts";
import { livingPlanStep } from "./living-plan.ts";

export interface LivingDemoContext {
  db: Db;
  /** The moment the demo is made; steps date everything relative to it. */
  now: Date;
  /** The demo seed (`app_meta` `demo.seed`). */
  seed: number;
}

export interface LivingDemoStep {
  /** Short English name, for the start-up log. */
  name: string;
  run(ctx: LivingDemoContext): Promise<void>;
}

/** Features register their steps here, in the order they must run. */
export const livingDemoSteps: LivingDemoStep[] = [
  // First: the published plan gives the later steps (and every page) a year wheel.
  livingPlanStep,
  nationalSurveysDemoStep,
  classSurveyStep,
];

export async function makeDemoLive(
  ctx: LivingDemoContext,
  steps: readonly LivingDemoStep[] = livingDemoSteps,
): Promise<string[]> {
  const done: string[] = [];
  for (const step of steps) {
    await step.run(ctx);
    done.push(step.name);
  }
  return done;
}
