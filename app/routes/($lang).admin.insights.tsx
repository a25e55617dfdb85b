import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input, Select } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { LOCALE_INFO, LOCALES } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { getSearchInsights, type QueryStat } from "#app/models/admin/search-insights.server.ts";
import {
  addQueryAsSynonym,
  suggestSynonymTarget,
  deleteSynonymGroup,
  listSynonyms,
  saveSynonymGroup,
  type SynonymResult,
} from "#app/models/admin/synonyms.server.ts";
import { formId } from "#app/utils/intent.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseEnum } from "#app/utils/params.ts";

const PERIODS = ["1", "7", "30", "90"] as const;
const LOCALE_FILTERS = ["all", ...LOCALES] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const url = new URL(request.url);
  const days = parseEnum(url.searchParams.get("days"), PERIODS, "30");
  const queryLocale = parseEnum(url.searchParams.get("locale"), LOCALE_FILTERS, "all");
  const insights = getSearchInsights(user, { locale: queryLocale, days: Number(days) });
  const found = insights.top.filter((q) => q.lastHits > 0).map((q) => q.query);
  return {
    days,
    queryLocale,
    insights,
    found,
    suggestions: Object.fromEntries(insights.zero.map((z) => [z.query, suggestSynonymTarget(z.query, found)])),
    synonyms: listSynonyms(user),
  };
}

const INTENT = { add: "add", update: "update", delete: "delete", addQuery: "add-query" } as const;

const id = formId("admin.errorBadRequest");
const words = z.string().optional().default("");
const synonymActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal(INTENT.add), words }),
    z.object({ intent: z.literal(INTENT.update), id, words }),
    z.object({ intent: z.literal(INTENT.delete), id }),
    z.object({ intent: z.literal(INTENT.addQuery), query: z.string().max(200), target: words }),
  ],
  { error: "admin.errorBadRequest" },
);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const submission = parseWithZod(await request.formData(), { schema: synonymActionSchema });
  if (submission.status !== "success") {
    const refusedId = id.safeParse(submission.payload.id).data ?? null;
    return data({ ok: false, id: refusedId, message: "admin.errorBadRequest" }, { status: 400 });
  }
  const input = submission.value;
  let result: SynonymResult;
  switch (input.intent) {
    case INTENT.add:
      result = saveSynonymGroup(user, { text: input.words });
      break;
    case INTENT.update:
      result = saveSynonymGroup(user, { id: input.id, text: input.words });
      break;
    case INTENT.delete:
      result = deleteSynonymGroup(user, input.id);
      break;
    case INTENT.addQuery:
      result = addQueryAsSynonym(user, input.query, input.target);
      break;
  }
  const groupId = "id" in input ? input.id : null;
  if (!result.ok)
    return data(
      {
        ok: false,
        id: groupId,
        message: result.error === "tooFew" ? "admin.errorSynonymsTooFew" : "admin.errorNotFound",
      },
      { status: 400 },
    );
  return { ok: true, id: groupId, message: "admin.synonymsSaved" };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.insightsTitle"));

export default function SearchInsights() {
  const { days, queryLocale, insights, synonyms, found, suggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-8">
      <PageHeading title={t("admin.insightsTitle")} subtitle={t("admin.insightsIntro")} />
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="insights-locale" className="block text-sm font-medium text-stone-800">
            {t("nav.language")}
          </label>
          <Select compact id="insights-locale" name="locale" defaultValue={queryLocale}>
            {LOCALE_FILTERS.map((l) => (
              <option key={l} value={l}>
                {l === "all" ? t("sell.all") : LOCALE_INFO[l].label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="insights-days" className="block text-sm font-medium text-stone-800">
            {t("admin.period")}
          </label>
          <Select compact id="insights-days" name="days" defaultValue={days}>
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {t("admin.lastDays", { count: Number(d) })}
              </option>
            ))}
          </Select>
        </div>
        <Button size="sm">{t("admin.apply")}</Button>
        <p className="text-sm text-stone-700">{t("admin.searchesCount", { count: insights.total })}</p>
      </Form>
      <div className="grid gap-8 lg:grid-cols-2">
        <QueryTable title={t("admin.topQueries")} rows={insights.top} testId="top-queries" showHits />
        <QueryTable
          title={t("admin.zeroQueries")}
          rows={insights.zero}
          testId="zero-queries"
          synonym={{ suggestions, found, intent: INTENT.addQuery }}
        />
      </div>

      <section aria-labelledby="synonyms-heading" className="space-y-3">
        <h2 id="synonyms-heading" className="text-lg font-bold text-clay-900">
          {t("admin.synonymsTitle")}
        </h2>
        <p className="text-sm text-stone-700">{t("admin.synonymsIntro")}</p>
        {result ? (
          <Notice tone={result.ok ? "success" : "error"} data-testid="synonyms-message">
            {t(result.message as MessageKey)}
          </Notice>
        ) : null}
        <Form
          method="post"
          className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-3"
          preventScrollReset
        >
          <div className="w-full max-w-xl">
            <label htmlFor="synonyms-new" className="block text-sm font-medium text-stone-800">
              {t("admin.synonymsNew")}
            </label>
            <Input
              compact
              id="synonyms-new"
              name="words"
              required
              placeholder="moringa, 辣木, moringa oleifera"
              className="mt-1 w-full"
            />
          </div>
          <Button size="sm" name="intent" value={INTENT.add}>
            {t("admin.add")}
          </Button>
        </Form>
        <ul
          className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
          data-testid="synonym-groups"
        >
          {synonyms.map((group) => (
            <li key={group.id} className="p-2">
              <Form method="post" className="flex flex-wrap items-center gap-2" preventScrollReset>
                <input type="hidden" name="id" value={group.id} />
                <label htmlFor={`synonyms-${group.id}`} className="sr-only">
                  {t("admin.synonymsGroup", { id: group.id })}
                </label>
                <Input
                  compact
                  id={`synonyms-${group.id}`}
                  name="words"
                  defaultValue={group.words.join(", ")}
                  key={group.words.join(",")}
                  className="min-w-0 flex-1"
                />
                <Button variant="secondary" size="xs" name="intent" value={INTENT.update}>
                  {t("admin.save")}
                </Button>
                <Button variant="danger" size="xs" name="intent" value={INTENT.delete}>
                  {t("admin.remove")}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function QueryTable({
  title,
  rows,
  testId,
  showHits = false,
  synonym,
}: {
  title: string;
  rows: QueryStat[];
  testId: string;
  showHits?: boolean;
  /** Zero-result rows get an "add as synonym" form, prefilled with the closest query that found something. */
  synonym?: { suggestions: Record<string, string>; found: string[]; intent: string };
}) {
  const t = useT();
  return (
    <section>
      <h2 className="mb-2 text-lg font-bold text-clay-900">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-stone-600">{t("admin.noQueries")}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid={testId}>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-1">
                {t("admin.query")}
              </th>
              <th scope="col">{t("admin.searches")}</th>
              {showHits ? <th scope="col">{t("admin.hits")}</th> : null}
              {synonym ? <th scope="col">{t("org.addAsSynonym")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.query} className="border-b border-stone-200">
                <td className="py-1">{r.query}</td>
                <td>{r.searches}</td>
                {showHits ? <td>{r.lastHits}</td> : null}
                {synonym ? (
                  <td className="py-1">
                    <Form method="post" className="flex flex-wrap items-center gap-1" preventScrollReset>
                      <input type="hidden" name="query" value={r.query} />
                      <label htmlFor={`syn-${r.query}`} className="sr-only">
                        {t("org.synonymOf", { query: r.query })}
                      </label>
                      <Input
                        compact
                        id={`syn-${r.query}`}
                        name="target"
                        required
                        list="found-queries"
                        defaultValue={synonym.suggestions[r.query] ?? ""}
                        placeholder={t("org.synonymPlaceholder")}
                        className="w-32"
                      />
                      <Button
                        size="xs"
                        variant="secondary"
                        name="intent"
                        value={synonym.intent}
                        aria-label={t("org.addAsSynonymNamed", { query: r.query })}
                      >
                        {t("org.addAsSynonymShort")}
                      </Button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {synonym ? (
        <datalist id="found-queries">
          {synonym.found.map((q) => (
            <option key={q} value={q} />
          ))}
        </datalist>
      ) : null}
    </section>
  );
}
