import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input, Select } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { getCountryCoverage } from "#app/models/admin/dashboard.server.ts";
import { listStoresForReview, reviewStore, type StoreDecision } from "#app/models/admin/store-reviews.server.ts";
import { STORE_FILTERS } from "#app/utils/admin-constants.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { formatDate } from "#app/utils/datetime.ts";
import { formId } from "#app/utils/intent.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const user = requireOrganizer({ request, context });
  const url = new URL(request.url);
  const status = parseEnum(url.searchParams.get("status"), STORE_FILTERS, "pending");
  const get = (name: string) => (url.searchParams.get(name) ?? "").trim().slice(0, 100);
  const search = { q: get("q"), country: get("country").toUpperCase(), from: get("from"), to: get("to") };
  return {
    status,
    search,
    countries: getCountryCoverage(user, locale)
      .map((c) => ({ code: c.key, name: c.name }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    ...listStoresForReview(user, locale, { status, page: parsePage(url.searchParams.get("page")), ...search }),
  };
}

/** The review decisions, each the `intent` of its button; all three share one form shape. */
const INTENT = { approve: "approve", reject: "reject", suspend: "suspend" } as const satisfies Record<
  StoreDecision,
  StoreDecision
>;

const storeId = formId("admin.errorBadRequest");
const reviewActionSchema = z.object({
  intent: z.enum([INTENT.approve, INTENT.reject, INTENT.suspend], { error: "admin.errorBadRequest" }),
  storeId,
  reason: z.string().optional().default(""),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const submission = parseWithZod(await request.formData(), { schema: reviewActionSchema });
  if (submission.status !== "success") {
    const refusedStoreId = storeId.safeParse(submission.payload.storeId).data ?? null;
    return data({ ok: false, storeId: refusedStoreId, message: "admin.errorBadRequest" }, { status: 400 });
  }
  const { intent: decision, ...input } = submission.value;
  const result = reviewStore(user, { ...input, decision });
  if (!result.ok) {
    const message =
      result.error === "reasonRequired"
        ? "admin.errorReasonRequired"
        : result.error === "notAllowed"
          ? "admin.errorNotAllowed"
          : "admin.errorNotFound";
    return data({ ok: false, storeId: input.storeId, message }, { status: result.error === "notFound" ? 404 : 400 });
  }
  return { ok: true, storeId: input.storeId, message: `admin.done.${decision}` };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.storesTitle"));

export default function StoreApplications() {
  const { status, search, countries, items, pagination, counts } = useLoaderData<typeof loader>();
  const searchQuery = new URLSearchParams(Object.entries(search).filter(([, v]) => v !== "")).toString();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <PageHeading title={t("admin.storesTitle")} />
      <nav aria-label={t("admin.storesTitle")} className="mb-4 flex flex-wrap gap-2">
        {STORE_FILTERS.map((s) => (
          <Link
            key={s}
            to={href(`/admin/stores?status=${s}${searchQuery ? `&${searchQuery}` : ""}`)}
            aria-current={s === status ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm ${s === status ? "bg-clay-700 text-white" : "bg-clay-100 text-clay-900 hover:underline"}`}
          >
            {t(`admin.status.${s}` as MessageKey)} ({counts[s]})
          </Link>
        ))}
      </nav>
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3" data-testid="store-search">
        <input type="hidden" name="status" value={status} />
        <div>
          <label htmlFor="stores-q" className="block text-sm font-medium text-stone-800">
            {t("org.storeSearch")}
          </label>
          <Input
            compact
            id="stores-q"
            type="search"
            name="q"
            defaultValue={search.q}
            maxLength={100}
            className="w-56"
          />
        </div>
        <div>
          <label htmlFor="stores-country" className="block text-sm font-medium text-stone-800">
            {t("org.colCountry")}
          </label>
          <Select compact id="stores-country" name="country" defaultValue={search.country}>
            <option value="">{t("sell.all")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="stores-from" className="block text-sm font-medium text-stone-800">
            {t("org.appliedFrom")}
          </label>
          <Input compact id="stores-from" type="date" name="from" defaultValue={search.from} />
        </div>
        <div>
          <label htmlFor="stores-to" className="block text-sm font-medium text-stone-800">
            {t("org.appliedTo")}
          </label>
          <Input compact id="stores-to" type="date" name="to" defaultValue={search.to} />
        </div>
        <Button size="sm">{t("admin.apply")}</Button>
        {searchQuery ? (
          <Link to={href(`/admin/stores?status=${status}`)} className="text-sm underline">
            {t("org.clearFilters")}
          </Link>
        ) : null}
      </Form>
      {result ? (
        <Notice tone={result.ok ? "success" : "error"} className="mb-4" data-testid="review-result">
          {t(result.message as MessageKey)}
        </Notice>
      ) : null}
      {items.length === 0 ? (
        <EmptyState title={t("admin.noStores")} />
      ) : (
        <ul className="space-y-4" data-testid="review-list">
          {items.map((store) => (
            <li
              key={store.id}
              className="rounded-lg border border-stone-200 bg-white p-4"
              data-testid={`review-${store.slug}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold text-clay-900">
                  {store.open ? (
                    <Link to={href(`/stores/${store.slug}`)} className="underline">
                      {store.name}
                    </Link>
                  ) : (
                    store.name
                  )}
                </h2>
                <p className="text-xs text-stone-600">
                  {store.ownerEmail} · {store.city}, {store.country} · {t("common.products", { count: store.products })}{" "}
                  · {formatDate(store.createdAt, locale)}
                </p>
              </div>
              {store.tagline ? <p className="mt-1 text-sm text-stone-700">{store.tagline}</p> : null}
              {store.reviewNote ? (
                <p className="mt-1 text-sm text-stone-700">{t("admin.reviewNote", { note: store.reviewNote })}</p>
              ) : null}
              <div className="mt-3 flex flex-wrap items-end gap-3">
                {store.decisions.includes(INTENT.approve) ? (
                  <Form method="post">
                    <input type="hidden" name="storeId" value={store.id} />
                    <button
                      type="submit"
                      name="intent"
                      value={INTENT.approve}
                      disabled={busy}
                      className="rounded bg-green-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-green-800"
                    >
                      {t("admin.approve")}
                    </button>
                  </Form>
                ) : null}
                {store.decisions.includes(INTENT.reject) || store.decisions.includes(INTENT.suspend) ? (
                  <Form method="post" className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="storeId" value={store.id} />
                    <div>
                      <label htmlFor={`reason-${store.id}`} className="block text-xs font-medium text-stone-700">
                        {t("admin.reason")}
                      </label>
                      <Input
                        compact
                        id={`reason-${store.id}`}
                        name="reason"
                        required
                        maxLength={1000}
                        className="w-72"
                      />
                    </div>
                    <Button
                      variant="danger"
                      size="sm"
                      name="intent"
                      value={store.decisions.includes(INTENT.reject) ? INTENT.reject : INTENT.suspend}
                      disabled={busy}
                    >
                      {store.decisions.includes(INTENT.reject) ? t("admin.reject") : t("admin.suspend")}
                    </Button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination pagination={pagination} />
    </>
  );
}
