// "Mine meldinger" for the pupil and the guardians: each case about the pupil in plain words,
// the plan in force (family version: no other pupils, no notes), the next evaluation, whom to
// contact, and the right to go to Statsforvalteren. The server decides what is shown.
import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../core/access/roles.ts";
import type { IsoDate } from "../../core/calendar/iso-date.ts";
import { useApiData } from "../ui/api-data.ts";
import { type Complaint, ComplaintRight } from "./complaint-right.tsx";
import { showDate } from "./shared.tsx";

interface FamilyCase {
  caseId: string;
  pupil: { id: string; name: string };
  as: "pupil" | "guardian";
  schoolName: string;
  stage: string;
  learnedOn: IsoDate;
  plan: {
    revision: number;
    evaluateOn: IsoDate;
    measures: {
      description: string;
      startsOn: IsoDate;
      endsOn: IsoDate | null;
      schedule: string | null;
      responsible: { name: string; role: Role | null };
      keepApart: boolean;
    }[];
  } | null;
  planDueOn: IsoDate | null;
  nextEvaluationOn: IsoDate | null;
  contacts: { name: string; role: "principal" | "caseLead" }[];
  closedOn: IsoDate | null;
  closureGround: string | null;
  complaint: Complaint;
}

function useFamilyT() {
  const { t } = useTranslation("family");
  return (key: string, params?: Record<string, unknown>): string =>
    t(key as never, params as never) as unknown as string;
}

export function FamilyCases() {
  const tf = useFamilyT();
  const { t: tr } = useTranslation("roles");
  const data = useApiData<{ items: FamilyCase[] }>("/api/me/cases");
  if (data.state !== "ready") return null;
  const items = data.data.items;
  return (
    <section aria-labelledby="family-cases" className="cases-section">
      <Heading level={2} data-size="xs" id="family-cases">
        {tf("mine.casesTitle")}
      </Heading>
      <Paragraph data-size="sm">{tf("mine.casesIntro")}</Paragraph>
      {items.length === 0 ? <Paragraph>{tf("mine.noCases")}</Paragraph> : null}
      {items.map((c) => {
        const headingId = `family-case-${c.caseId}-${c.pupil.id}`;
        return (
          <article
            key={`${c.caseId}-${c.pupil.id}`}
            className="cases-family-case"
            aria-labelledby={headingId}
          >
            <Heading level={3} data-size="2xs" id={headingId}>
              {tf("mine.caseAbout", { name: c.pupil.name })}
            </Heading>
            <Paragraph data-size="sm">
              {c.schoolName} · {tf("mine.startedOn", { date: showDate(c.learnedOn) })}
              {c.closedOn ? ` · ${tf("mine.closedOn", { date: showDate(c.closedOn) })}` : ""}
            </Paragraph>
            <Paragraph>
              <Tag data-color={c.stage === "closed" ? "neutral" : "info"}>
                {tf(`stage.${c.stage}`)}
              </Tag>
            </Paragraph>
            {c.closureGround ? (
              <Paragraph>
                <strong>{tf("mine.closing")}:</strong> {tf(`ground.${c.closureGround}`)}
              </Paragraph>
            ) : null}
            <Heading level={4} data-size="2xs">
              {tf("plan.title")}
            </Heading>
            {c.plan ? (
              <ul className="cases-family-measures">
                {c.plan.measures.map((m) => (
                  <li key={`${m.description}-${m.startsOn}`}>
                    {m.description}
                    <br />
                    <small>
                      {m.endsOn
                        ? tf("plan.fromTo", { from: showDate(m.startsOn), to: showDate(m.endsOn) })
                        : tf("plan.from", { date: showDate(m.startsOn) })}
                      {m.schedule ? ` · ${m.schedule}` : ""} · {tf("plan.responsible")}:{" "}
                      {m.responsible.name}
                      {m.responsible.role ? ` (${tr(`name.${m.responsible.role}` as never)})` : ""}
                    </small>
                    {m.keepApart ? (
                      <>
                        <br />
                        <small>{tf("plan.keepApart")}</small>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <Paragraph data-size="sm">
                {tf("plan.none")}{" "}
                {c.planDueOn ? tf("plan.dueBy", { date: showDate(c.planDueOn) }) : ""}
              </Paragraph>
            )}
            {c.nextEvaluationOn ? (
              <Paragraph data-size="sm">
                {tf("plan.nextEvaluation", { date: showDate(c.nextEvaluationOn) })}
              </Paragraph>
            ) : null}
            {c.contacts.length > 0 ? (
              <Paragraph data-size="sm">
                <strong>{tf("mine.contact")}:</strong>{" "}
                {c.contacts.map((p) => `${p.name} (${tf(`role.${p.role}`)})`).join(", ")}
              </Paragraph>
            ) : null}
            <ComplaintRight complaint={c.complaint} level={4} />
          </article>
        );
      })}
    </section>
  );
}
