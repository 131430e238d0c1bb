// Every page path of the web app. The server answers these with the app's index page and every
// other path outside /api and the static files with 404, so a monitor probing `/metrics` or a
// mistyped link sees a real "not found" instead of the app with 200. A test compares this list
// with the web's route table, so a page added there without a line here fails the suite.
export const PAGE_PATHS = [
  "/",
  "/login",
  "/plan/:schoolId",
  "/konto",
  "/audit",
  "/demo/mail",
  "/cases",
  "/cases/new",
  "/cases/mine",
  "/cases/:caseId",
  "/cases/:caseId/plan",
  "/owner/compliance",
  "/owner/cases",
  "/owner/settings",
  "/plans",
  "/plans/evaluation",
  "/plans/meetings",
  "/plans/routine",
  "/plans/duties",
  "/plans/follow-up",
  "/plans/:planId",
  "/plans/:planId/year-wheel",
  "/plans/:planId/activities/:activityId",
  "/plans/:planId/parts/:partId/new",
  "/plan-progress",
  "/pupil-council",
  "/tasks",
  "/svar",
  "/surveys/class",
  "/surveys/class/trinn",
  "/surveys/class/:surveyId",
  "/undersokelser",
  "/undersokelser/:surveyId",
  "/where-when",
  "/undersokelser/elevundersokelsen",
  "/undersokelser/elevundersokelsen/import",
  "/groups",
  "/groups/classrooms",
  "/groups/classrooms/:classroomId",
  "/groups/rotations/:rotationId",
  "/groups/rotations/:rotationId/rounds/:index",
  "/admin/groups",
  "/admin/import",
  "/admin/people",
  "/admin/people/new",
  "/admin/people/:personId",
  "/admin/school-year",
  "/admin/school-year/:yearId",
  "/admin/schools",
] as const;

const patterns = PAGE_PATHS.map((p) => p.split("/").filter(Boolean));

/** True when `pathname` (no query string) is one of the app's pages. */
export function isPagePath(pathname: string): boolean {
  const segments = pathname.split("/").filter(Boolean);
  return patterns.some(
    (pattern) =>
      pattern.length === segments.length &&
      pattern.every((part, i) => part.startsWith(":") || part === segments[i]),
  );
}
