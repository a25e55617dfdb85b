import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { requireOwner } from "#app/models/access.server.ts";
import {
  confirmImportJob,
  createImportJob,
  getImportJob,
  type ImportJobView,
  type ImportShow,
} from "#app/models/owner/import-export.server.ts";
import type { CsvError } from "#app/utils/csv.ts";
import { IMPORT_PAGE_SIZE, MAX_CSV_BYTES, MAX_CSV_MB, MAX_CSV_ROWS } from "#app/utils/csv-limits.ts";
import { receiveCsvUpload } from "#app/utils/csv-upload.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { IMPORT_LIMIT, hitRateLimit } from "#app/utils/rate-limit.server.ts";

const SHOWS: ImportShow[] = ["errors", "changed", "new", "skipped"];

/** The upload form, or one of the store's import jobs (`?job=`) with a page of its diff. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { store } = requireOwner({ request, context });
  const url = new URL(request.url);
  const jobId = url.searchParams.get("job");
  if (!jobId) return { view: null };
  const requested = url.searchParams.get("show") as ImportShow | null;
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1;
  const first = getImportJob(store, jobId, { show: "errors", page: 1 });
  if (!first) notFound();
  // Without a choice: what needs the owner's eye first (problems), then changes, then new listings.
  const { job } = first;
  const show: ImportShow =
    requested && SHOWS.includes(requested)
      ? requested
      : job.status === "imported" && (job.skippedCount ?? 0) > 0
        ? "skipped"
        : job.errorCount > 0
          ? "errors"
          : job.changedCount > 0
            ? "changed"
            : "new";
  return { view: getImportJob(store, jobId, { show, page })! };
}

type Failure = { step: "error"; error: { key: MessageKey; detail: string } };
const failure = (key: MessageKey, detail = "", status = 400, headers?: HeadersInit) =>
  data<Failure>({ step: "error", error: { key, detail } }, { status, headers });
const fileFailure = (error: CsvError) => failure(`import.${error.code}` as MessageKey, error.detail);

/**
 * Upload (multipart): the file streams to disk, is read as a stream into a job, and the owner is
 * sent to the job's diff. Confirm (`intent=confirm`, `job`): only the job's id travels.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { store, user } = requireOwner({ request, context });
  // Each upload or import reads up to 50,000 rows: a per-owner allowance, counted before the body is read.
  const wait = await hitRateLimit("import", String(user.id), IMPORT_LIMIT);
  if (wait) return failure("import.tooOften", String(Math.ceil(wait / 60)), 429, { "Retry-After": String(wait) });
  const here = localizePath("/sell/import", context.locale);
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const upload = await receiveCsvUpload(request);
    if (!upload.ok) return failure(upload.error === "tooLarge" ? "import.tooLarge" : "import.noFile");
    const result = await createImportJob(store, user.id, upload.file);
    if (!result.ok) return fileFailure(result.error);
    return redirect(`${here}?job=${result.jobId}`);
  }
  const form = await request.formData();
  if (form.get("intent") !== "confirm") return failure("import.noFile");
  const jobId = String(form.get("job") ?? "");
  const result = confirmImportJob(store, jobId);
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return failure(`import.${result.error}` as const, "", result.error === "expired" ? 410 : 409);
  }
  return redirect(`${here}?job=${jobId}`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("import.title"));

export default function Import() {
  const t = useT();
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state === "submitting";
  const href = useHref();
  return (
    <div className="max-w-4xl">
      <PageHeading title={t("import.title")} subtitle={t("import.intro")} />
      {result?.step === "error" ? (
        <Notice tone="error" data-testid="import-error" className="mb-6">
          {t(result.error.key, { detail: result.error.detail, minutes: result.error.detail, mb: MAX_CSV_MB })}
        </Notice>
      ) : null}
      {view ? (
        <JobView view={view} pending={pending} />
      ) : (
        <>
          <p className="mb-6">
            <a href="/sell/export.csv" download className="font-medium text-clay-700 underline">
              {t("import.export")}
            </a>
          </p>
          <details className="mb-6 rounded border border-stone-200 bg-white p-3 text-sm">
            <summary className="cursor-pointer font-medium">{t("import.columns")}</summary>
            <p className="mt-2 text-stone-700">{t("import.columnsHelp")}</p>
          </details>
          <Form
            method="post"
            action={href("/sell/import")}
            encType="multipart/form-data"
            className="mb-6 flex flex-wrap items-end gap-3"
          >
            <div>
              <label htmlFor="csv" className="block text-sm font-medium">
                {t("import.file")}
              </label>
              <input
                id="csv"
                name="csv"
                type="file"
                required
                accept=".csv,text/csv"
                aria-describedby="csv-hint"
                className="mt-1 max-w-full text-sm"
                onChange={(event) => {
                  // Refused here, in the owner's language, before megabytes travel only to be refused.
                  const input = event.currentTarget;
                  const size = input.files?.[0]?.size ?? 0;
                  input.setCustomValidity(size > MAX_CSV_BYTES ? t("import.tooLarge", { mb: MAX_CSV_MB }) : "");
                  input.reportValidity();
                }}
              />
              <p id="csv-hint" className="mt-1 text-xs text-stone-700">
                {t("import.limits", { mb: MAX_CSV_MB, rows: MAX_CSV_ROWS })}
              </p>
            </div>
            <Button pending={pending} className="text-sm">
              {pending ? t("import.checking") : t("import.preview")}
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}

function JobView({ view, pending }: { view: ImportJobView; pending: boolean }) {
  const t = useT();
  const href = useHref();
  const { job } = view;
  const base = `${href("/sell/import")}?job=${job.id}`;
  const toImport = job.newCount + job.changedCount;
  const tabs: { show: ImportShow; label: string; count: number }[] = [
    ...(job.status === "imported" && (job.skippedCount ?? 0) > 0
      ? [{ show: "skipped" as const, label: t("import.tabSkipped"), count: job.skippedCount ?? 0 }]
      : []),
    { show: "errors", label: t("import.tabErrors"), count: job.errorCount },
    { show: "changed", label: t("import.tabChanged"), count: job.changedCount },
    { show: "new", label: t("import.tabNew"), count: job.newCount },
  ];
  return (
    <section data-testid="import-job" data-status={job.status}>
      <p className="mb-3 text-sm text-stone-700">
        {t("import.fileSummary", { name: job.fileName, count: job.rowCount })}
      </p>
      {job.status === "imported" ? (
        <Notice tone="success" className="mb-4" data-testid="import-done">
          {t("import.done", {
            created: job.createdCount ?? 0,
            updated: job.updatedCount ?? 0,
            unchanged: job.unchangedCount,
            skipped: job.skippedCount ?? 0,
          })}
        </Notice>
      ) : null}
      {job.status === "expired" ? (
        <Notice tone="warning" className="mb-4" data-testid="import-expired">
          {t("import.expired")}
        </Notice>
      ) : null}
      <h2 className="mb-2 text-lg font-semibold">{t("import.diffTitle")}</h2>
      <ul className="mb-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="import-counts">
        <Count label={t("import.countNew")} value={job.newCount} testId="count-new" />
        <Count label={t("import.countChanged")} value={job.changedCount} testId="count-changed" />
        <Count label={t("import.countUnchanged")} value={job.unchangedCount} testId="count-unchanged" />
        <Count label={t("import.countErrors")} value={job.errorCount} testId="count-errors" tone="error" />
      </ul>
      {job.status === "ready" ? (
        toImport > 0 ? (
          <Form method="post" action={base} className="mb-6 rounded border border-forest-700/30 bg-white p-3">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="job" value={job.id} />
            <p className="mb-2 text-sm">
              {job.errorCount > 0 ? t("import.errorsSkipped", { count: job.errorCount }) + " " : ""}
              {t("import.confirmHint")}
            </p>
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-forest-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
              data-testid="import-confirm"
            >
              {pending ? t("import.importing") : t("import.confirm", { count: toImport })}
            </button>
          </Form>
        ) : (
          <Notice tone="info" announce={false} className="mb-6">
            {t("import.nothingToImport")}
          </Notice>
        )
      ) : null}
      <nav aria-label={t("import.diffTitle")} className="mb-3 flex flex-wrap gap-2 text-sm">
        {tabs.map((tab) => (
          <Link
            key={tab.show}
            to={`${base}&show=${tab.show}`}
            aria-current={view.show === tab.show ? "page" : undefined}
            className={
              view.show === tab.show
                ? "rounded border border-clay-700 bg-clay-700 px-3 py-1.5 font-semibold text-white"
                : "rounded border border-stone-300 bg-white px-3 py-1.5 text-stone-900 hover:bg-stone-100"
            }
          >
            {tab.label} ({tab.count})
          </Link>
        ))}
      </nav>
      {view.show === "skipped" ? <p className="mb-2 text-sm">{t("import.skippedNote")}</p> : null}
      {view.total > IMPORT_PAGE_SIZE ? (
        <p className="mb-2 text-sm text-stone-700">
          {t("import.shown", {
            from: (view.page - 1) * IMPORT_PAGE_SIZE + 1,
            to: Math.min(view.page * IMPORT_PAGE_SIZE, view.total),
            total: view.total,
          })}
        </p>
      ) : null}
      {view.rows.length === 0 ? (
        <p className="text-sm text-stone-700">{t("import.noneHere")}</p>
      ) : (
        <ol className="space-y-2" data-testid={`import-rows-${view.show}`}>
          {view.rows.map((row) => (
            <li
              key={row.line}
              className="rounded border border-stone-200 bg-white p-3 text-sm"
              data-testid="import-row"
              data-line={row.line}
            >
              <p className="mb-1 flex flex-wrap gap-x-3 font-medium">
                <span>{t("import.lineN", { line: row.line })}</span>
                {row.sku ? <span className="font-mono text-xs break-all">{row.sku}</span> : null}
              </p>
              {row.errors.length > 0 ? (
                <ul className="list-disc ps-5 text-red-800">
                  {row.errors.map((e, i) => (
                    <li key={i}>
                      <span className="font-mono text-xs">{e.column}</span>:{" "}
                      {t(e.key, { min: 1, max: 100000, ...e.vars })}
                    </li>
                  ))}
                </ul>
              ) : null}
              {view.show === "changed" ? (
                <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[10rem_1fr]">
                  {row.changes.map((c) => (
                    <div key={c.column} className="contents">
                      <dt className="font-mono text-xs text-stone-700 sm:pt-0.5">{c.column}</dt>
                      <dd className="break-words">
                        <del className="text-stone-700">
                          <span className="sr-only">{t("import.was")} </span>
                          {shorten(c.old) || t("import.emptyValue")}
                        </del>
                        <span aria-hidden="true"> → </span>
                        <ins className="font-medium text-forest-700 no-underline">
                          <span className="sr-only">{t("import.now")} </span>
                          {shorten(c.new) || t("import.emptyValue")}
                        </ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {view.show === "new" && row.values ? (
                <p className="break-words">
                  {row.values.titleEn}
                  {row.values.titleZh ? ` · ${row.values.titleZh}` : ""} · US${(row.values.price / 100).toFixed(2)} ·{" "}
                  {t("import.stockN", { count: row.values.stock })} · {row.values.status}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <Pagination
        pagination={{
          page: view.page,
          pageCount: view.pages,
          total: view.total,
          offset: 0,
          pageSize: IMPORT_PAGE_SIZE,
        }}
      />
      <p className="mt-6">
        <Link to={href("/sell/import")} className="font-medium text-clay-700 underline">
          {t("import.another")}
        </Link>
      </p>
    </section>
  );
}

function Count({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: "error" }) {
  return (
    <li className="rounded border border-stone-200 bg-white p-2" data-testid={testId}>
      <span className={`block text-xl font-semibold ${tone === "error" && value > 0 ? "text-red-800" : ""}`}>
        {value.toLocaleString("en")}
      </span>
      <span className="text-stone-700">{label}</span>
    </li>
  );
}

/** Long descriptions are cut for the diff; the full text is in the file. */
const shorten = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
