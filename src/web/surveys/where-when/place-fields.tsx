// "Where and when" on the report form (ADR 0117): two optional choices from fixed lists, so
// the school can count places without reading what anyone wrote.
import { Fieldset, Select } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { PLACES, TIMES_OF_DAY } from "../../../core/surveys/where-when/where-when.ts";

export interface PlaceChoice {
  placeKind: string;
  timeOfDay: string;
}

export function useCheckinsT() {
  const { t } = useTranslation("checkins");
  return (key: string, params?: Record<string, unknown>): string =>
    t(key as never, params as never) as unknown as string;
}

/** The request fields: only what was chosen. */
export function placeBody(choice: PlaceChoice) {
  return {
    placeKind: choice.placeKind || null,
    timeOfDay: choice.timeOfDay || null,
  };
}

export function PlaceFields({
  value,
  onChange,
}: {
  value: PlaceChoice;
  onChange: (next: PlaceChoice) => void;
}) {
  const t = useCheckinsT();
  return (
    <Fieldset>
      <Fieldset.Legend>{t("report.placeLegend")}</Fieldset.Legend>
      <Fieldset.Description>{t("report.placeHelp")}</Fieldset.Description>
      <div className="cases-inline">
        <label className="cases-select" htmlFor="report-placeKind">
          {t("report.place")}
          <Select
            id="report-placeKind"
            value={value.placeKind}
            onChange={(e) => onChange({ ...value, placeKind: e.target.value })}
          >
            <Select.Option value="">{t("report.notGiven")}</Select.Option>
            {PLACES.map((p) => (
              <Select.Option key={p} value={p}>
                {t(`place.${p}`)}
              </Select.Option>
            ))}
          </Select>
        </label>
        <label className="cases-select" htmlFor="report-timeOfDay">
          {t("report.timeOfDay")}
          <Select
            id="report-timeOfDay"
            value={value.timeOfDay}
            onChange={(e) => onChange({ ...value, timeOfDay: e.target.value })}
          >
            <Select.Option value="">{t("report.notGiven")}</Select.Option>
            {TIMES_OF_DAY.map((p) => (
              <Select.Option key={p} value={p}>
                {t(`timeOfDay.${p}`)}
              </Select.Option>
            ))}
          </Select>
        </label>
      </div>
    </Fieldset>
  );
}

/** "Klasserommet · I friminuttet" for the case page; null when neither was given. */
export function PlaceSummary({ details }: { details: Record<string, unknown> }) {
  const t = useCheckinsT();
  const place = typeof details.placeKind === "string" ? details.placeKind : null;
  const time = typeof details.timeOfDay === "string" ? details.timeOfDay : null;
  if (!place && !time) return null;
  return (
    <>
      <dt>{t("report.placeLegend").replace(/\s*\(.*\)$/, "")}</dt>
      <dd>
        {[place ? t(`place.${place}`) : null, time ? t(`timeOfDay.${time}`) : null]
          .filter(Boolean)
          .join(" · ")}
      </dd>
    </>
  );
}
