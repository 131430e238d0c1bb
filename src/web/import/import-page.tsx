// Import of pupils, staff, guardians, classes and groups: choose a format, upload, follow the
// progress (polling every 500 ms), then read either the summary or a row-by-row report of
// every problem (file, line, column, reason), with nothing imported.
import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
  Radio,
  Spinner,
  Table,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAnnounce } from "../app/announcer.tsx";
import { api, isApiError } from "../app/api.ts";
import { useSession } from "../app/session.tsx";
import { formatDateTime } from "../ui/format.ts";
import { Page } from "../ui/page.tsx";
import "./import.css";

type Format = "csv" | "oneroster";
type Status = "validating" | "importing" | "done" | "failed";

interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const KINDS = ["people", "groups", "roles", "memberships", "guardianships"] as const;

interface RunProblem {
  file: string;
  line: number | null;
  column: string | null;
  code: string;
  severity: "error" | "warning";
  message: string;
}

interface ImportRun {
  id: string;
  format: Format;
  status: Status;
  totalRows: number;
  processedRows: number;
  errorCount: number;
  warningCount: number;
  problems: RunProblem[];
  summary: Partial<Record<(typeof KINDS)[number], KindCounts>> & { dryRun?: boolean };
  createdAt: string;
  finishedAt: string | null;
}

type HistoryItem = Omit<ImportRun, "problems">;

type Phase =
  | { kind: "idle" }
  | { kind: "uploading" }
  | { kind: "running"; importId: string; run: ImportRun | null }
  | { kind: "finished"; run: ImportRun };

const POLL_MS = 500;

export function ImportPage() {
  const { t } = useTranslation("import");
  const { t: tc } = useTranslation("common");
  const { activeSchool } = useSession();
  const announce = useAnnounce();
  const [format, setFormat] = useState<Format>("csv");
  const [dryRun, setDryRun] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [historyVersion, setHistoryVersion] = useState(0);
  const [history, setHistory] = useState<HistoryItem[] | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileId = useId();
  const progressId = useId();
  const schoolId = activeSchool?.id;

  useEffect(() => {
    if (!schoolId || historyVersion < 0) return;
    let live = true;
    api
      .get<{ imports: HistoryItem[] }>(`/api/schools/${schoolId}/imports`)
      .then((res) => live && setHistory(res.imports))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [schoolId, historyVersion]);

  // Polls the run until it ends; the next poll starts when the previous answer is in.
  const runningId = phase.kind === "running" ? phase.importId : null;
  useEffect(() => {
    if (!runningId || !schoolId) return;
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const run = await api.get<ImportRun>(`/api/schools/${schoolId}/imports/${runningId}`);
        if (!live) return;
        if (run.status === "done" || run.status === "failed") {
          setPhase({ kind: "finished", run });
          setHistoryVersion((v) => v + 1);
          return;
        }
        setPhase({ kind: "running", importId: runningId, run });
      } catch (err) {
        if (!live) return;
        setUploadError(isApiError(err) ? err.message : tc("errors.unknown"));
        setPhase({ kind: "idle" });
        return;
      }
      timer = window.setTimeout(poll, POLL_MS);
    };
    timer = window.setTimeout(poll, POLL_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [runningId, schoolId, tc]);

  // The outcome is announced and focused, so nobody has to hunt for it.
  const finishedRun = phase.kind === "finished" ? phase.run : null;
  useEffect(() => {
    if (!finishedRun) return;
    const text =
      finishedRun.status === "failed"
        ? t("result.failed")
        : finishedRun.summary.dryRun
          ? t("result.doneDryRun")
          : t("result.done");
    announce(text);
    resultRef.current?.focus();
  }, [finishedRun, announce, t]);

  if (!activeSchool) {
    return (
      <Page title={t("title")}>
        <Paragraph>{t("noSchool")}</Paragraph>
      </Page>
    );
  }

  const busy = phase.kind === "uploading" || phase.kind === "running";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    if (files.length === 0) {
      setFileError(t("form.noFile"));
      fileInput.current?.focus();
      return;
    }
    setFileError(null);
    const form = new FormData();
    form.append("format", format);
    if (dryRun) form.append("dryRun", "true");
    const chosen = format === "csv" ? files.slice(0, 1) : files;
    for (const f of chosen) form.append("files", f, f.name);
    setPhase({ kind: "uploading" });
    try {
      const res = await api.upload<{ importId: string }>(
        `/api/schools/${activeSchool.id}/imports`,
        form,
      );
      setPhase({ kind: "running", importId: res.importId, run: null });
    } catch (err) {
      setUploadError(isApiError(err) ? err.message : tc("errors.unknown"));
      setPhase({ kind: "idle" });
    }
  };

  const reset = () => {
    setPhase({ kind: "idle" });
    setFiles([]);
    if (fileInput.current) fileInput.current.value = "";
    fileInput.current?.focus();
  };

  return (
    <Page
      title={t("title")}
      lead={<Paragraph>{t("lead", { school: activeSchool.name })}</Paragraph>}
    >
      <form className="import-form" onSubmit={submit} noValidate aria-busy={busy}>
        <Fieldset>
          <Fieldset.Legend>{t("form.format")}</Fieldset.Legend>
          <Radio
            name="format"
            value="csv"
            label={t("form.formatCsv")}
            description={t("form.formatCsvHelp")}
            checked={format === "csv"}
            onChange={() => setFormat("csv")}
            disabled={busy}
          />
          <Radio
            name="format"
            value="oneroster"
            label={t("form.formatOneRoster")}
            description={t("form.formatOneRosterHelp")}
            checked={format === "oneroster"}
            onChange={() => setFormat("oneroster")}
            disabled={busy}
          />
        </Fieldset>

        <Field>
          <Label htmlFor={fileId}>{format === "csv" ? t("form.files") : t("form.filesMany")}</Label>
          <Field.Description>{t("form.filesHelp")}</Field.Description>
          <Input
            id={fileId}
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            multiple={format === "oneroster"}
            aria-invalid={fileError ? true : undefined}
            disabled={busy}
            onChange={(e) => {
              setFiles(Array.from(e.currentTarget.files ?? []));
              setFileError(null);
            }}
          />
          {fileError ? <ValidationMessage>{fileError}</ValidationMessage> : null}
        </Field>

        <Checkbox
          label={t("form.dryRun")}
          checked={dryRun}
          onChange={(e) => setDryRun(e.currentTarget.checked)}
          disabled={busy}
        />
        <Paragraph data-size="sm">{t("form.allOrNothing")}</Paragraph>
        <div>
          <Button type="submit" disabled={busy}>
            {dryRun ? t("form.submitDryRun") : t("form.submit")}
          </Button>
        </div>
      </form>

      {uploadError ? (
        <Alert data-color="danger" className="import-block">
          {uploadError}
        </Alert>
      ) : null}

      {busy ? <ProgressView phase={phase} progressId={progressId} /> : null}

      {finishedRun ? (
        <div ref={resultRef} tabIndex={-1} className="import-block import-result">
          <RunReport run={finishedRun} />
          <Button variant="secondary" onClick={reset}>
            {t("result.again")}
          </Button>
        </div>
      ) : null}

      <HistoryTable items={history} schoolName={activeSchool.name} />
    </Page>
  );
}

function ProgressView({ phase, progressId }: { phase: Phase; progressId: string }) {
  const { t } = useTranslation("import");
  const run = phase.kind === "running" ? phase.run : null;
  const importing = run?.status === "importing" && run.totalRows > 0;
  const text =
    phase.kind === "uploading"
      ? t("progress.uploading")
      : importing
        ? t("progress.importing", { processed: run.processedRows, total: run.totalRows })
        : t("progress.validating");
  return (
    <div className="import-block import-progress">
      <Label htmlFor={progressId}>{t("progress.label")}</Label>
      {/* Without a value the bar is indeterminate: uploading and checking have no count. */}
      {importing ? (
        <progress
          id={progressId}
          max={run.totalRows}
          value={run.processedRows}
          aria-valuetext={text}
        />
      ) : (
        <progress id={progressId} aria-valuetext={text} />
      )}
      <Paragraph data-size="sm" aria-hidden="true">
        {text}
      </Paragraph>
    </div>
  );
}

function RunReport({ run }: { run: ImportRun }) {
  const { t } = useTranslation("import");
  const errors = run.problems.filter((p) => p.severity === "error");
  const warnings = run.problems.filter((p) => p.severity === "warning");
  const dry = run.summary.dryRun === true;
  return (
    <>
      {run.status === "failed" ? (
        <Alert data-color="danger">
          <Heading level={2} data-size="xs">
            {t("result.failed")}
          </Heading>
          <Paragraph>{t("result.failedHelp")}</Paragraph>
        </Alert>
      ) : (
        <Alert data-color="success">
          <Heading level={2} data-size="xs">
            {dry ? t("result.doneDryRun") : t("result.done")}
          </Heading>
          <Paragraph>{t("result.rows", { count: run.totalRows })}</Paragraph>
        </Alert>
      )}
      {run.status === "done" ? <SummaryTable run={run} /> : null}
      {errors.length > 0 ? (
        <ProblemTable
          problems={errors}
          caption={t("result.problemsCaption", { count: errors.length })}
        />
      ) : null}
      {warnings.length > 0 ? (
        <ProblemTable
          problems={warnings}
          caption={t("result.warningsCaption", { count: warnings.length })}
        />
      ) : null}
    </>
  );
}

function SummaryTable({ run }: { run: ImportRun }) {
  const { t } = useTranslation("import");
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll import-table" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border data-size="sm">
        <caption id={captionId}>
          {run.summary.dryRun ? t("result.summaryCaptionDryRun") : t("result.summaryCaption")}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("result.kind")}</Table.HeaderCell>
            <Table.HeaderCell className="import-num">{t("result.created")}</Table.HeaderCell>
            <Table.HeaderCell className="import-num">{t("result.updated")}</Table.HeaderCell>
            <Table.HeaderCell className="import-num">{t("result.unchanged")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {KINDS.map((kind) => {
            const c = run.summary[kind] ?? { created: 0, updated: 0, unchanged: 0 };
            return (
              <Table.Row key={kind}>
                <Table.HeaderCell scope="row">{t(`result.kinds.${kind}`)}</Table.HeaderCell>
                <Table.Cell className="import-num">{c.created}</Table.Cell>
                <Table.Cell className="import-num">{c.updated}</Table.Cell>
                <Table.Cell className="import-num">{c.unchanged}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </section>
  );
}

function ProblemTable({ problems, caption }: { problems: RunProblem[]; caption: string }) {
  const { t } = useTranslation("import");
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
    <section className="table-scroll import-table" aria-labelledby={captionId} tabIndex={0}>
      <Table zebra border data-size="sm">
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("result.file")}</Table.HeaderCell>
            <Table.HeaderCell className="import-num">{t("result.line")}</Table.HeaderCell>
            <Table.HeaderCell>{t("result.column")}</Table.HeaderCell>
            <Table.HeaderCell>{t("result.reason")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several problems
            <Table.Row key={`${p.file}-${p.line}-${p.column}-${p.code}-${i}`}>
              <Table.Cell>{p.file || t("result.wholeFile")}</Table.Cell>
              <Table.Cell className="import-num">{p.line ?? "–"}</Table.Cell>
              <Table.Cell>{p.column ? <code>{p.column}</code> : "–"}</Table.Cell>
              <Table.Cell>{p.message}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

function HistoryTable({ items, schoolName }: { items: HistoryItem[] | null; schoolName: string }) {
  const { t } = useTranslation("import");
  const { t: tc } = useTranslation("common");
  const captionId = useId();
  const headingId = useId();
  return (
    <section className="import-history" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t("history.title")}
      </Heading>
      {items === null ? (
        <Spinner aria-label={tc("loading")} data-size="sm" />
      ) : items.length === 0 ? (
        <Paragraph>{t("history.empty")}</Paragraph>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <Table zebra border data-size="sm">
            <caption id={captionId} className="ds-sr-only">
              {t("history.caption", { school: schoolName })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("history.when")}</Table.HeaderCell>
                <Table.HeaderCell>{t("history.format")}</Table.HeaderCell>
                <Table.HeaderCell>{t("history.status")}</Table.HeaderCell>
                <Table.HeaderCell className="import-num">{t("history.rows")}</Table.HeaderCell>
                <Table.HeaderCell className="import-num">{t("history.errors")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                  </Table.Cell>
                  <Table.Cell>{t(`formats.${r.format}`)}</Table.Cell>
                  <Table.Cell>
                    {t(`history.statuses.${r.status}`)}
                    {r.summary.dryRun ? ` ${t("history.dryRun")}` : ""}
                  </Table.Cell>
                  <Table.Cell className="import-num">{r.totalRows}</Table.Cell>
                  <Table.Cell className="import-num">{r.errorCount}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      )}
    </section>
  );
}
