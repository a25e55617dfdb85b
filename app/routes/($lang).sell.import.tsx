import {
  MaxPartSizeExceededError,
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey, Vars } from "#app/i18n/translate.ts";
import { importListings, validateImport } from "#app/models/owner/import-export.server.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { CsvError, MAX_CSV_BYTES, csvRecords, decodeUtf8, parseCsv } from "#app/utils/csv.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { IMPORT_LIMIT, hitRateLimit } from "#app/utils/rate-limit.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireOwner({ request, context });
  return null;
}

type Failure = { step: "error"; error: { key: MessageKey; detail: string } };
const failure = (error: CsvError | "noFile") =>
  data<Failure>(
    {
      step: "error",
      error:
        error === "noFile"
          ? { key: "import.noFile", detail: "" }
          : { key: `import.${error.code}` as MessageKey, detail: error.detail },
    },
    { status: 400 },
  );

/** Two steps: a multipart upload is checked and previewed; the confirmed text is imported in one transaction. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { store, user } = requireOwner({ request, context });
  // Each preview or import parses up to 5,000 rows: a per-owner allowance, counted before the body is read.
  const wait = await hitRateLimit("import", String(user.id), IMPORT_LIMIT);
  if (wait)
    return data<Failure>(
      { step: "error", error: { key: "import.tooOften", detail: String(Math.ceil(wait / 60)) } },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  let text: string;
  let confirm = false;
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES, filter: ({ name }) => name === "csv" }),
      );
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return failure(new CsvError("tooLarge"));
      throw error;
    }
    const file = form.get("csv");
    if (!file || typeof file === "string" || file.size === 0) return failure("noFile");
    try {
      text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      if (error instanceof CsvError) return failure(error);
      throw error;
    }
  } else {
    const form = await request.formData();
    text = String(form.get("csv") ?? "");
    confirm = form.get("intent") === "import";
    if (text.length > MAX_CSV_BYTES) return failure(new CsvError("tooLarge"));
  }
  let records;
  try {
    records = csvRecords(parseCsv(text));
  } catch (error) {
    if (error instanceof CsvError) return failure(error);
    throw error;
  }
  if (confirm) {
    const { problems, ...counts } = importListings(store, records);
    return { step: "done" as const, counts, problems: problems.slice(0, 200) };
  }
  const rows = validateImport(store, records);
  const invalid = rows.filter((r) => !r.input);
  return {
    step: "preview" as const,
    csv: text,
    valid: rows.length - invalid.length,
    invalid: invalid.slice(0, 200).map((r) => ({ line: r.line, sku: r.sku, errors: r.errors })),
    invalidCount: invalid.length,
  };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("import.title"));

export default function Import() {
  const t = useT();
  const result = useActionData<typeof action>();
  const pending = useNavigation().state === "submitting";
  return (
    <div className="max-w-4xl">
      <PageHeading title={t("import.title")} subtitle={t("import.intro")} />
      <p className="mb-6">
        <a href="/sell/export.csv" download className="font-medium text-clay-700 underline">
          {t("import.export")}
        </a>
      </p>
      <details className="mb-6 rounded border border-stone-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t("import.columns")}</summary>
        <p className="mt-2 text-stone-700">{t("import.columnsHelp")}</p>
      </details>
      <Form method="post" encType="multipart/form-data" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="csv" className="block text-sm font-medium">
            {t("import.file")}
          </label>
          <input id="csv" name="csv" type="file" accept=".csv,text/csv" className="mt-1 text-sm" />
        </div>
        <Button pending={pending} className="text-sm">
          {pending ? t("auth.pending") : t("import.preview")}
        </Button>
      </Form>
      {result?.step === "error" ? (
        <Notice tone="error" data-testid="import-error">
          {t(result.error.key, { detail: result.error.detail, minutes: result.error.detail })}
        </Notice>
      ) : null}
      {result?.step === "done" ? (
        <Notice tone="success" data-testid="import-done">
          {t("import.done", result.counts)}
        </Notice>
      ) : null}
      {result?.step === "done" && result.problems.length > 0 ? <ProblemRows rows={result.problems} /> : null}
      {result?.step === "preview" ? (
        <section data-testid="import-preview">
          <p className="mb-1 font-medium">{t("import.ready", { count: result.valid })}</p>
          {result.invalidCount > 0 ? (
            <p className="mb-3 text-sm text-red-800">{t("import.withErrors", { count: result.invalidCount })}</p>
          ) : null}
          {result.invalid.length > 0 ? <ProblemRows rows={result.invalid} /> : null}
          {result.valid > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="import" />
              <textarea name="csv" defaultValue={result.csv} hidden readOnly />
              <button
                type="submit"
                disabled={pending}
                className="rounded bg-forest-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
              >
                {t("import.submit")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** Rows refused (at the preview) or skipped (at the import), each with its problems in the owner's language. */
function ProblemRows({
  rows,
}: {
  rows: { line: number; sku: string; errors: { column: string; key: MessageKey; vars?: Vars }[] }[];
}) {
  const t = useT();
  return (
    <table
      className="mb-4 w-full rounded border border-stone-200 bg-white text-left text-sm"
      data-testid="import-problems"
    >
      <thead className="bg-clay-50 text-xs uppercase">
        <tr>
          <th scope="col" className="px-3 py-2">
            {t("import.line")}
          </th>
          <th scope="col" className="px-3 py-2">
            SKU
          </th>
          <th scope="col" className="px-3 py-2">
            {t("import.problems")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.line} className="border-t border-stone-100">
            <td className="px-3 py-2">{row.line}</td>
            <td className="px-3 py-2 font-mono text-xs">{row.sku}</td>
            <td className="px-3 py-2">
              {row.errors.map((e) => `${e.column}: ${t(e.key, { min: 1, max: 100000, ...e.vars })}`).join(" · ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
