// Upload of Elevundersøkelsen results: choose the file (and, if the file names the school
// differently, the unit), follow the progress, then read the counts or every unreadable row
// with line, column and reason (nothing imported).
import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Table,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAnnounce } from "../../app/announcer.tsx";
import { api, isApiError } from "../../app/api.ts";
import { useSession } from "../../app/session.tsx";
import { formatDateTime } from "../../ui/format.ts";
import { Page } from "../../ui/page.tsx";
import { NATIONAL_RESULTS_PATH } from "./results-page.tsx";
import "./national.css";
import { ScrollRegion } from "./scroll.tsx";

type Status = "validating" | "importing" | "done" | "failed";
const COUNT_KEYS = ["rows", "imported", "unchanged", "hidden", "otherUnits", "skipped"] as const;
type Counts = Record<(typeof COUNT_KEYS)[number], number>;

interface Run {
  id: string;
  status: Status;
  processed: number;
  total: number;
  counts: Counts | null;
  errors: { line: number | null; column: string | null; code: string; message: string }[];
}

interface HistoryItem {
  id: string;
  status: Status;
  counts: Partial<Counts>;
  errorCount: number;
  createdAt: string;
}

type Phase =
  | { kind: "idle" }
  | { kind: "uploading" }
  | { kind: "running"; importId: string; run: Run | null }
  | { kind: "finished"; run: Run };

const POLL_MS = 400;

export function NationalUploadPage() {
  const { t } = useTranslation("surveysNational");
  const { t: tc } = useTranslation("common");
  const { activeSchool } = useSession();
  const announce = useAnnounce();
  const [file, setFile] = useState<File | null>(null);
  const [unit, setUnit] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [history, setHistory] = useState<HistoryItem[] | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileId = useId();
  const progressId = useId();
  const schoolId = activeSchool?.id;
  const base = schoolId ? `/api/schools/${schoolId}/national-surveys/imports` : null;

  useEffect(() => {
    if (!base || historyVersion < 0) return;
    let live = true;
    api
      .get<{ imports: HistoryItem[] }>(base)
      .then((res) => live && setHistory(res.imports))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [base, historyVersion]);

  const runningId = phase.kind === "running" ? phase.importId : null;
  useEffect(() => {
    if (!runningId || !base) return;
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const run = await api.get<Run>(`${base}/${runningId}`);
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
  }, [runningId, base, tc]);

  const finishedRun = phase.kind === "finished" ? phase.run : null;
  useEffect(() => {
    if (!finishedRun) return;
    announce(finishedRun.status === "failed" ? t("upload.failed") : t("upload.done"));
    resultRef.current?.focus();
  }, [finishedRun, announce, t]);

  if (!activeSchool || !base) return <Page title={t("upload.title")} />;
  const busy = phase.kind === "uploading" || phase.kind === "running";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    if (!file) {
      setFileError(t("upload.noFile"));
      fileInput.current?.focus();
      return;
    }
    setFileError(null);
    const form = new FormData();
    if (unit.trim()) form.append("unit", unit.trim());
    form.append("file", file, file.name);
    setPhase({ kind: "uploading" });
    try {
      const res = await api.upload<{ importId: string }>(base, form);
      setPhase({ kind: "running", importId: res.importId, run: null });
    } catch (err) {
      setUploadError(isApiError(err) ? err.message : tc("errors.unknown"));
      setPhase({ kind: "idle" });
    }
  };
  const reset = () => {
    setPhase({ kind: "idle" });
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
    fileInput.current?.focus();
  };

  const running = phase.kind === "running" ? phase.run : null;
  const importing = running?.status === "importing" && running.total > 0;
  const progressText =
    phase.kind === "uploading"
      ? t("upload.uploading")
      : importing
        ? t("upload.importing", { processed: running.processed, total: running.total })
        : t("upload.validating");

  return (
    <Page
      title={t("upload.title")}
      lead={<Paragraph>{t("upload.lead", { school: activeSchool.name })}</Paragraph>}
      actions={<Link to={NATIONAL_RESULTS_PATH}>{t("upload.back")}</Link>}
    >
      <form className="national-form" onSubmit={submit} noValidate aria-busy={busy}>
        <Field>
          <Label htmlFor={fileId}>{t("upload.file")}</Label>
          <Field.Description>{t("upload.fileHelp")}</Field.Description>
          <Input
            id={fileId}
            ref={fileInput}
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json"
            aria-invalid={fileError ? true : undefined}
            disabled={busy}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setFileError(null);
            }}
          />
          {fileError ? <ValidationMessage>{fileError}</ValidationMessage> : null}
        </Field>
        <Textfield
          label={t("upload.unit")}
          description={t("upload.unitHelp", { school: activeSchool.name })}
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value)}
          disabled={busy}
        />
        <Paragraph data-size="sm">{t("upload.allOrNothing")}</Paragraph>
        <div>
          <Button type="submit" disabled={busy}>
            {t("upload.submit")}
          </Button>
        </div>
      </form>
      {uploadError ? (
        <Alert data-color="danger" className="national-block">
          {uploadError}
        </Alert>
      ) : null}
      {busy ? (
        <div className="national-block national-progress">
          <Label htmlFor={progressId}>{t("upload.progressLabel")}</Label>
          {importing ? (
            <progress
              id={progressId}
              max={running.total}
              value={running.processed}
              aria-valuetext={progressText}
            />
          ) : (
            <progress id={progressId} aria-valuetext={progressText} />
          )}
          <Paragraph data-size="sm" aria-hidden="true">
            {progressText}
          </Paragraph>
        </div>
      ) : null}
      {finishedRun ? (
        <div ref={resultRef} tabIndex={-1} className="national-block national-result">
          <Report run={finishedRun} />
          <Button variant="secondary" onClick={reset}>
            {t("upload.again")}
          </Button>
        </div>
      ) : null}
      <History items={history} />
    </Page>
  );
}

function Report({ run }: { run: Run }) {
  const { t } = useTranslation("surveysNational");
  if (run.status === "failed") {
    return (
      <>
        <Alert data-color="danger">
          <Heading level={2} data-size="xs">
            {t("upload.failed")}
          </Heading>
          <Paragraph>{t("upload.failedHelp")}</Paragraph>
        </Alert>
        <section
          className="table-scroll"
          aria-label={t("upload.errorsCaption", { count: run.errors.length })}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable
          tabIndex={0}
        >
          <Table zebra border data-size="sm">
            <caption>{t("upload.errorsCaption", { count: run.errors.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("upload.line")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("upload.column")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("upload.reason")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {run.errors.map((e) => (
                <Table.Row key={`${e.line}-${e.column}-${e.code}`}>
                  <Table.Cell>{e.line ?? t("upload.wholeFile")}</Table.Cell>
                  <Table.Cell>{e.column ?? ""}</Table.Cell>
                  <Table.Cell>{e.message}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      </>
    );
  }
  return (
    <>
      <Alert data-color="success">
        <Heading level={2} data-size="xs">
          {t("upload.done")}
        </Heading>
        <Paragraph>
          <Link to={NATIONAL_RESULTS_PATH}>{t("upload.back")}</Link>
        </Paragraph>
      </Alert>
      <ScrollRegion label={t("upload.countsCaption")}>
        <Table zebra border data-size="sm">
          <caption>{t("upload.countsCaption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("upload.countsCaption")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("upload.count")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {COUNT_KEYS.map((k) => (
              <Table.Row key={k}>
                <Table.HeaderCell scope="row">{t(`upload.counts.${k}`)}</Table.HeaderCell>
                <Table.Cell>{run.counts?.[k] ?? 0}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </>
  );
}

function History({ items }: { items: HistoryItem[] | null }) {
  const { t } = useTranslation("surveysNational");
  const headingId = useId();
  if (!items) return null;
  return (
    <section className="national-block" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t("upload.historyTitle")}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t("upload.historyEmpty")}</Paragraph>
      ) : (
        <ScrollRegion label={t("upload.historyCaption")}>
          <Table zebra border data-size="sm">
            <caption className="national-sr-only">{t("upload.historyCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("upload.when")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("upload.status")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("upload.counts.rows")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("upload.counts.imported")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((h) => (
                <Table.Row key={h.id}>
                  <Table.Cell>{formatDateTime(h.createdAt)}</Table.Cell>
                  <Table.Cell>{t(`upload.statuses.${h.status}`)}</Table.Cell>
                  <Table.Cell>{h.counts.rows ?? 0}</Table.Cell>
                  <Table.Cell>{h.counts.imported ?? 0}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}
