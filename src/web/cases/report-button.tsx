// "Meld fra" in the header, on every page: reporting must never be more than one tap away.
// Pupils and guardians see "Si ifra". Shown to anyone who may report at the active school.
import { Link } from "react-router";
import { useSession } from "../app/session.tsx";
import { REPORTERS } from "./routes.tsx";
import { useCasesT } from "./shared.tsx";

export function ReportButton() {
  const tc = useCasesT();
  const { activeSchool, hasAnyRole, hasRole } = useSession();
  if (!activeSchool || !hasAnyRole(REPORTERS)) return null;
  const family = (hasRole("pupil") || hasRole("guardian")) && !hasAnyRole(REPORTERS.slice(0, -2));
  return (
    <Link
      to="/cases/new"
      className="ds-button cases-report-button"
      data-variant="primary"
      data-size="sm"
    >
      {family ? tc("report.pupilTitle") : tc("report.title")}
    </Link>
  );
}
