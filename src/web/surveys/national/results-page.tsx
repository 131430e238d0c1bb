// The school's Elevundersøkelsen results: the trend of every index over the years for one
// trinn, and one index with the trinn side by side against the county and national figures.
// Every chart is also a table; hidden values read "skjult (for få svar)", never 0.
import { Alert, Field, Label, Paragraph, Select, Spinner } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { authorize } from "../../../core/access/policy.ts";
import { useSession } from "../../app/session.tsx";
import { followUpSearch } from "../../plans/follow-up.tsx";
import { useApiData } from "../../ui/api-data.ts";
import { Page } from "../../ui/page.tsx";
import { useCan } from "../../ui/use-can.ts";
import { CompareChart, TrendChart } from "./charts.tsx";
import {
  continuousYears,
  LEVEL_ORDER,
  type NationalResult,
  type NationalResults,
  trinnLabel,
} from "./format.ts";
import "./national.css";

export const NATIONAL_RESULTS_PATH = "/undersokelser/elevundersokelsen";
export const NATIONAL_IMPORT_PATH = "/undersokelser/elevundersokelsen/import";

export function NationalResultsPage() {
  const { t } = useTranslation("surveysNational");
  const session = useSession();
  const school = session.activeSchool;
  const load = useApiData<NationalResults>(
    school ? `/api/schools/${school.id}/national-surveys/results` : null,
  );
  const canImport =
    school && session.user
      ? authorize(
          { personId: session.user.person.id, grants: session.user.grants },
          "surveyNational.import",
          { type: "school", schoolId: school.id, ownerId: school.ownerId },
        ).allow
      : false;
  const importLink = canImport ? (
    <Link to={NATIONAL_IMPORT_PATH}>{t("results.importLink")}</Link>
  ) : null;
  return (
    <Page
      title={t("results.title")}
      lead={school ? <Paragraph>{t("results.lead", { school: school.name })}</Paragraph> : null}
      actions={importLink}
    >
      {load.state === "loading" ? <Spinner aria-label={t("results.title")} /> : null}
      {load.state === "error" ? <Alert data-color="danger">{load.message}</Alert> : null}
      {load.state === "ready" ? <Results data={load.data} /> : null}
    </Page>
  );
}

function Results({ data }: { data: NationalResults }) {
  const { t } = useTranslation("surveysNational");
  const [gender, setGender] = useState<NationalResult["gender"]>("all");
  const [trinn, setTrinn] = useState<string>(data.trinn[0] ?? "all");
  const [index, setIndex] = useState<string>(
    data.indices.includes("Trivsel") ? "Trivsel" : (data.indices[0] ?? ""),
  );
  const [year, setYear] = useState<string>(data.years.at(-1) ?? "");
  if (data.results.length === 0) {
    return (
      <Alert data-color="info">
        <Paragraph>{t("results.empty")}</Paragraph>
        <Paragraph data-size="sm">{t("results.emptyImport")}</Paragraph>
      </Alert>
    );
  }
  const genderText = t(`results.genders.${gender}`);
  const trinnText = trinnLabel(t, trinn);
  const trendValues = data.results.filter(
    (r) => r.level === "school" && r.gender === gender && r.trinn === trinn,
  );
  const compareValues = data.results.filter(
    (r) => r.indexName === index && r.schoolYear === year && r.gender === gender,
  );
  const levels = LEVEL_ORDER.filter((l) => compareValues.some((v) => v.level === l));
  const own = compareValues.find((v) => v.level === "school" && v.trinn === trinn);
  const schoolScore = own && !own.hidden && own.score !== null ? own.score.toFixed(1) : null;
  const select = (
    id: string,
    label: string,
    value: string,
    options: { value: string; label: string }[],
    onChange: (v: string) => void,
  ) => (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
  return (
    <>
      <Paragraph data-size="sm">{t("results.hiddenNote")}</Paragraph>
      <fieldset className="national-filters">
        <legend className="national-sr-only">{t("results.filters")}</legend>
        {select(
          "national-gender",
          t("results.gender"),
          gender,
          (["all", "female", "male"] as const).map((g) => ({
            value: g,
            label: t(`results.genders.${g}`),
          })),
          (v) => setGender(v as NationalResult["gender"]),
        )}
        {select(
          "national-trinn",
          t("results.trinn"),
          trinn,
          data.trinn.map((tr) => ({ value: tr, label: trinnLabel(t, tr) })),
          setTrinn,
        )}
        {select(
          "national-index",
          t("results.index"),
          index,
          data.indices.map((i) => ({ value: i, label: i })),
          setIndex,
        )}
        {select(
          "national-year",
          t("results.year"),
          year,
          data.years.map((y) => ({ value: y, label: y })),
          setYear,
        )}
      </fieldset>
      <TrendChart
        years={continuousYears(data.years)}
        indices={data.indices}
        values={trendValues}
        title={`${t("results.trendTitle")}: ${trinnText}, ${genderText}`}
        desc={t("results.trendDesc", { gender: genderText, trinn: trinnText })}
        caption={t("results.trendCaption", { gender: genderText, trinn: trinnText })}
      />
      <CompareChart
        trinn={data.trinn}
        levels={levels.length > 0 ? levels : ["school"]}
        values={compareValues}
        title={`${t("results.compareTitle")}: ${index}, ${year}`}
        desc={t("results.compareDesc", { index, year, gender: genderText })}
        caption={t("results.compareCaption", { index, year, gender: genderText })}
      />
      <FollowUpLink
        label={`${t("results.title")} ${year}: ${index}, ${trinnText}, ${genderText}${
          schoolScore ? ` (${schoolScore})` : ""
        }`}
      />
    </>
  );
}

/** Leadership turns what a result shows into an activity of the action plan (issue #9). */
function FollowUpLink({ label }: { label: string }) {
  const { t } = useTranslation("plans");
  const can = useCan();
  if (!can("plan.manage")) return null;
  const search = followUpSearch({
    source: "nationalSurvey",
    label: label.slice(0, 200),
    path: NATIONAL_RESULTS_PATH,
  });
  return (
    <Paragraph>
      <Link to={`/plans/follow-up?${search}`}>{t("followUp.button")}</Link>
    </Paragraph>
  );
}
