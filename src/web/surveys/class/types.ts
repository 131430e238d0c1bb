// The shapes the class-survey API returns (src/server/surveys/class), for the pages.
import type { PoolState, ReleasedResult } from "../../../core/surveys/class/suppression.ts";
import type { LocalText, SurveyDefinition } from "../../../core/surveys/class/types.ts";

export type { LocalText, ReleasedResult, SurveyDefinition };

export interface SurveySummary {
  id: string;
  title: string;
  groupId: string;
  groupName: string;
  grade: string | null;
  templateId: string;
  opensAt: string;
  closesAt: string;
  open: boolean;
  answers: number;
  maxAnswers: number;
  minimum: number;
  canManage: boolean;
}

export interface GroupChoice {
  id: string;
  name: string;
  kind: "class" | "teachingGroup";
  pupils: number;
}

export interface SurveyList {
  surveys: SurveySummary[];
  groups: GroupChoice[];
  canSeeTrinn: boolean;
}

export interface SurveyResults {
  survey: SurveySummary;
  definition: SurveyDefinition;
  state: "open" | "tooFew" | "shown";
  result: ReleasedResult | null;
  freeText: boolean;
  codeExpiresAt: string | null;
}

export interface TrinnSummary {
  key: string;
  grade: string;
  term: string;
  groups: string[];
  respondents: number;
  minimum: number;
  state: PoolState;
  sealsAt: string;
  result: ReleasedResult | null;
}

export interface SurveyForm {
  id: string;
  title: string;
  groupName: string;
  closesAt: string;
  definition: SurveyDefinition;
  answered: boolean;
}

export interface Answered {
  helpNow: ("bullied" | "unsafe")[];
}

export interface IssuedCode {
  code: string;
  expiresAt: string;
}
