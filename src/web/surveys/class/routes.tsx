// The class-survey pages (issue #9). The server decides access on every request; these
// declarations keep the menu to who can use them: staff who run surveys, and pupils.
import type { Role } from "../../../core/access/roles.ts";
import type { FeatureRoute } from "../../app/feature-route.ts";
import { CodeAnswerPage } from "./code-page.tsx";
import { AnswerSurveyPage, MySurveysPage } from "./pupil-pages.tsx";
import { ClassSurveysPage } from "./staff-page.tsx";
import { ClassSurveyPage } from "./survey-page.tsx";
import { TrinnPage } from "./trinn-page.tsx";
import "./surveys.css";

const SURVEY_STAFF: readonly Role[] = [
  "principal",
  "deputy",
  "departmentHead",
  "counsellor",
  "contactTeacher",
  "subjectTeacher",
];
const SURVEY_LEADERS: readonly Role[] = ["principal", "deputy", "departmentHead", "counsellor"];

export const classSurveyRoutes: FeatureRoute[] = [
  {
    path: "/surveys/class",
    element: <ClassSurveysPage />,
    nav: {
      labelKey: "surveysClass:nav.staff",
      roles: SURVEY_STAFF,
      descriptionKey: "surveysClass:nav.staffHelp",
    },
  },
  { path: "/surveys/class/trinn", element: <TrinnPage />, roles: SURVEY_LEADERS },
  { path: "/surveys/class/:surveyId", element: <ClassSurveyPage />, roles: SURVEY_STAFF },
  {
    path: "/undersokelser",
    element: <MySurveysPage />,
    nav: {
      labelKey: "surveysClass:nav.pupil",
      roles: ["pupil"],
      descriptionKey: "surveysClass:nav.pupilHelp",
    },
  },
  { path: "/undersokelser/:surveyId", element: <AnswerSurveyPage />, roles: ["pupil"] },
];

/** Answering with a class code: open to anyone, outside login. */
export const publicClassSurveyRoutes = [{ path: "/svar", element: <CodeAnswerPage /> }];
