import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { FestivalForm } from "#app/components/festival-form.tsx";
import { FestivalTime } from "#app/components/festival-time.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { Price } from "#app/components/price.tsx";
import { ProductPicker } from "#app/components/product-picker.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import {
  addDeal,
  bulkAddDeals,
  moveDeal,
  removeDeal,
  updateDeal,
  type DealTermsInput,
} from "#app/models/admin/festival-deals.server.ts";
import { addSession, removeSession, setFestivalStores } from "#app/models/admin/festival-showcase.server.ts";
import { getFestivalForEdit, setFestivalPublished, updateFestival } from "#app/models/admin/festivals.server.ts";
import { parseSearchParams, searchCatalog } from "#app/models/search.server.ts";
import { festivalInputSchema, sessionInputSchema } from "#app/utils/festival-form.ts";
import { dollarsToCents, formInt, formText } from "#app/utils/form-values.ts";
import { notFound, requireLocale } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

function festivalId(params: { id?: string }): number {
  const id = params.id ?? "";
  if (!/^\d{1,9}$/.test(id)) notFound();
  return Number(id);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireOrganizer(request, locale);
  const edit = getFestivalForEdit(user, festivalId(params), locale);
  if (!edit) notFound();
  const url = new URL(request.url);
  const { params: search } = parseSearchParams(new URLSearchParams({ q: url.searchParams.get("q") ?? "" }));
  const picker = search.q ? await searchCatalog(search, locale, { record: false }) : null;
  return {
    ...edit,
    created: url.searchParams.get("created") === "1",
    picker: { query: search.q, hits: picker?.hits ?? [], total: picker?.totalHits ?? 0 },
  };
}

/** The deal terms a form sends: `mode` percent with `percent`, or price with `price` in dollars. */
function termsFrom(form: FormData): DealTermsInput | null {
  if (formText(form, "mode") === "price") {
    const priceCents = dollarsToCents(formText(form, "price"));
    return priceCents === null ? null : { mode: "price", priceCents };
  }
  const percent = formInt(form, "percent");
  return percent === null ? null : { mode: "percent", percent };
}

function capFrom(form: FormData): number | null | "invalid" {
  const raw = formText(form, "dealStock").trim();
  if (raw === "") return null;
  return /^\d{1,7}$/.test(raw) ? Number(raw) : "invalid";
}

const DEAL_ERRORS: Record<string, MessageKey> = {
  notFound: "admin.errorNotFound",
  duplicate: "admin.errorDuplicateDeal",
  priceNotBelow: "admin.errorPriceNotBelow",
  priceNotPositive: "admin.errorPriceNotPositive",
  percentRange: "admin.errorPercentRange",
  nothingToAdd: "admin.errorNothingToAdd",
  capRange: "admin.errorCapRange",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireOrganizer(request, locale);
  const id = festivalId(params);
  const form = await request.formData();
  const intent = formText(form, "intent");
  const fail = (message: MessageKey, extra: Record<string, unknown> = {}) =>
    data({ ok: false as const, intent, message, ...extra }, { status: 400 });
  const done = (message: MessageKey, extra: Record<string, unknown> = {}) => ({
    ok: true as const,
    intent,
    message,
    ...extra,
  });

  switch (intent) {
    case "details": {
      const submission = parseWithZod(form, { schema: festivalInputSchema });
      if (submission.status !== "success")
        return data(
          { ok: false as const, intent, message: "admin.errorForm" as MessageKey, result: submission.reply() },
          { status: 400 },
        );
      const result = updateFestival(user, id, submission.value);
      if (!result.ok) {
        if (result.error === "notFound") notFound();
        return data(
          {
            ok: false as const,
            intent,
            message: "admin.errorForm" as MessageKey,
            result: submission.reply({ fieldErrors: { slug: ["admin.errorSlugTaken"] } }),
          },
          { status: 400 },
        );
      }
      return done("admin.saved");
    }
    case "publish":
    case "unpublish":
      if (!setFestivalPublished(user, id, intent === "publish").ok) notFound();
      return done(intent === "publish" ? "admin.published" : "admin.unpublished");
    case "add-deal":
    case "update-deal": {
      const terms = termsFrom(form);
      const cap = capFrom(form);
      if (!terms) return fail("admin.errorDealTerms");
      if (cap === "invalid") return fail("admin.errorCapRange");
      const productId = formInt(form, "productId");
      const dealId = formInt(form, "dealId");
      const result =
        intent === "add-deal"
          ? productId === null
            ? null
            : addDeal(user, id, productId, terms, cap)
          : dealId === null
            ? null
            : updateDeal(user, id, dealId, terms, cap);
      if (!result) return fail("admin.errorBadRequest");
      return result.ok
        ? done(intent === "add-deal" ? "admin.dealAdded" : "admin.saved")
        : fail(DEAL_ERRORS[result.error]!, { productId, dealId });
    }
    case "bulk-add": {
      const percent = formInt(form, "percent");
      const scope = formText(form, "scope");
      const slug = formText(form, "slug").trim();
      if (percent === null || !/^[a-z0-9-]{1,100}$/.test(slug) || (scope !== "store" && scope !== "category"))
        return fail("admin.errorBadRequest");
      const result = bulkAddDeals(user, id, scope === "store" ? { store: slug } : { category: slug }, percent);
      return result.ok ? done("admin.bulkAdded", { added: result.added }) : fail(DEAL_ERRORS[result.error]!);
    }
    case "remove-deal":
    case "move-deal": {
      const dealId = formInt(form, "dealId");
      if (dealId === null) return fail("admin.errorBadRequest");
      const direction = formText(form, "direction") === "down" ? "down" : "up";
      const result = intent === "remove-deal" ? removeDeal(user, id, dealId) : moveDeal(user, id, dealId, direction);
      return result.ok
        ? done(intent === "remove-deal" ? "admin.dealRemoved" : "admin.saved")
        : fail(DEAL_ERRORS[result.error]!);
    }
    case "set-stores": {
      const slugs = formText(form, "stores")
        .split(/[\s,，]+/)
        .filter(Boolean);
      if (slugs.some((s) => !/^[a-z0-9-]{1,100}$/.test(s)) || slugs.length > 24) return fail("admin.errorStore");
      const result = setFestivalStores(user, id, slugs);
      if (!result.ok)
        return result.unknown ? fail("admin.errorUnknownStores", { unknown: result.unknown.join(", ") }) : notFound();
      return done("admin.saved");
    }
    case "add-session": {
      const submission = parseWithZod(form, { schema: sessionInputSchema });
      if (submission.status !== "success") return fail("admin.errorSession");
      const result = addSession(user, id, submission.value);
      if (!result.ok)
        return fail(
          result.error === "storeNotFound"
            ? "admin.errorStore"
            : result.error === "productsNotOfStore"
              ? "admin.errorProductsNotOfStore"
              : "admin.errorNotFound",
        );
      return done("admin.sessionAdded");
    }
    case "remove-session": {
      const sessionId = formInt(form, "sessionId");
      if (sessionId === null || !removeSession(user, id, sessionId).ok) return fail("admin.errorNotFound");
      return done("admin.saved");
    }
    default:
      return fail("admin.errorBadRequest");
  }
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) =>
  pageMeta(location, (t) => `${data?.festival.name ?? ""} · ${t("admin.festivalsTitle")}`);

export default function EditFestival() {
  const { festival, deals, featuredStores, sessions, picker, created } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const busy = useNavigation().state === "submitting";
  const inFestival = new Set(deals.map((d) => d.productId));
  const message = result
    ? t(result.message, {
        count: "added" in result ? Number(result.added) : 0,
        stores: "unknown" in result ? String(result.unknown) : "",
      })
    : created
      ? t("admin.created")
      : null;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageHeading
          title={festival.name}
          subtitle={t(
            festival.status === "live"
              ? "festivals.statusLive"
              : festival.status === "upcoming"
                ? "festivals.statusUpcoming"
                : "festivals.statusEnded",
          )}
        />
        <div className="flex flex-wrap gap-2">
          <Link
            to={href(`/festivals/${festival.slug}`)}
            className="text-clay-800 rounded border border-clay-700 px-3 py-2 text-sm font-semibold"
            data-testid="preview-link"
          >
            {festival.published ? t("festivals.view") : t("admin.preview")}
          </Link>
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value={festival.published ? "unpublish" : "publish"}
              disabled={busy}
              className="rounded bg-clay-700 px-3 py-2 text-sm font-semibold text-white hover:bg-clay-900"
            >
              {festival.published ? t("admin.unpublish") : t("admin.publish")}
            </button>
          </Form>
        </div>
      </div>
      <p className="text-sm text-stone-700">
        {festival.published ? t("admin.isPublished") : t("admin.isDraft")} · <FestivalTime iso={festival.startsAt} /> →{" "}
        <FestivalTime iso={festival.endsAt} />
      </p>
      {message ? (
        <p
          role={result && !result.ok ? "alert" : "status"}
          className={`rounded border p-3 text-sm ${result && !result.ok ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}
          data-testid="admin-message"
        >
          {message}
        </p>
      ) : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-3 text-lg font-bold text-clay-900">
          {t("admin.details")}
        </h2>
        <FestivalForm
          mode="edit"
          defaultValue={festival.form}
          lastResult={result && "result" in result ? (result.result as never) : undefined}
        />
      </section>

      <section aria-labelledby="deals-heading" className="space-y-4">
        <h2 id="deals-heading" className="text-lg font-bold text-clay-900">
          {t("festivals.dealsTitle")} ({deals.length})
        </h2>
        {deals.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="deal-table">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2">
                    {t("admin.product")}
                  </th>
                  <th scope="col">{t("deal.regularPrice")}</th>
                  <th scope="col">{t("deal.festivalPrice")}</th>
                  <th scope="col">{t("admin.terms")}</th>
                  <th scope="col">{t("admin.order")}</th>
                </tr>
              </thead>
              <tbody>
                {deals.map((d, i) => (
                  <tr key={d.id} className="border-b border-stone-200 align-top" data-deal-product={d.productId}>
                    <th scope="row" className="py-2 pr-2 font-normal">
                      <Link to={href(`/products/${d.productSlug}`)} className="font-medium underline">
                        {d.title}
                      </Link>
                      <span className="block text-xs text-stone-600">
                        {d.storeName}
                        {d.visible ? "" : ` · ${t("admin.notVisible")}`}
                        {d.dealStock !== null
                          ? ` · ${t("admin.capSold", { sold: d.soldCount, cap: d.dealStock })}`
                          : ""}
                      </span>
                    </th>
                    <td className="py-2">
                      <Price cents={d.regularCents} currency="USD" />
                    </td>
                    <td className="py-2">
                      <Price cents={d.dealPriceCents} currency="USD" />{" "}
                      <span className="text-xs text-red-800">{t("deal.off", { percent: d.percentOff })}</span>
                    </td>
                    <td className="py-2">
                      <Form method="post" className="flex flex-wrap items-center gap-1" preventScrollReset>
                        <input type="hidden" name="dealId" value={d.id} />
                        <DealTermsFields
                          idPrefix={`deal-${d.id}`}
                          mode={d.mode}
                          percent={d.percent}
                          priceCents={d.mode === "price" ? d.dealPriceCents : null}
                          dealStock={d.dealStock}
                        />
                        <button
                          type="submit"
                          name="intent"
                          value="update-deal"
                          className="rounded border border-stone-400 px-2 py-1 text-xs"
                        >
                          {t("admin.save")}
                        </button>
                      </Form>
                    </td>
                    <td className="py-2">
                      <Form method="post" className="flex gap-1" preventScrollReset>
                        <input type="hidden" name="dealId" value={d.id} />
                        <input type="hidden" name="intent" value="move-deal" />
                        <button
                          type="submit"
                          name="direction"
                          value="up"
                          disabled={i === 0}
                          aria-label={t("admin.moveUp", { title: d.title })}
                          className="rounded border border-stone-300 px-2 py-1 disabled:opacity-40"
                        >
                          ↑
                        </button>
                        <button
                          type="submit"
                          name="direction"
                          value="down"
                          disabled={i === deals.length - 1}
                          aria-label={t("admin.moveDown", { title: d.title })}
                          className="rounded border border-stone-300 px-2 py-1 disabled:opacity-40"
                        >
                          ↓
                        </button>
                      </Form>
                      <Form method="post" preventScrollReset className="mt-1">
                        <input type="hidden" name="dealId" value={d.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="remove-deal"
                          aria-label={t("admin.removeNamed", { title: d.title })}
                          className="rounded border border-red-700 px-2 py-1 text-xs text-red-800"
                        >
                          {t("admin.remove")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-stone-600">{t("admin.noDeals")}</p>
        )}

        <ProductPicker
          query={picker.query}
          hits={picker.hits}
          total={picker.total}
          action={(hit) =>
            inFestival.has(hit.id) ? (
              <span className="text-xs text-stone-600">{t("admin.alreadyInFestival")}</span>
            ) : (
              <Form method="post" className="flex flex-wrap items-center gap-1" preventScrollReset>
                <input type="hidden" name="productId" value={hit.id} />
                <DealTermsFields
                  idPrefix={`add-${hit.id}`}
                  mode="percent"
                  percent={20}
                  priceCents={null}
                  dealStock={null}
                />
                <button
                  type="submit"
                  name="intent"
                  value="add-deal"
                  aria-label={t("admin.addNamed", { title: hit.title })}
                  className="rounded bg-clay-700 px-3 py-1 text-xs font-semibold text-white hover:bg-clay-900"
                >
                  {t("admin.add")}
                </button>
              </Form>
            )
          }
        />

        <Form
          method="post"
          className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-4"
          preventScrollReset
        >
          <h3 className="w-full font-semibold text-clay-900">{t("admin.bulkTitle")}</h3>
          <div>
            <label htmlFor="bulk-scope" className="block text-xs font-medium text-stone-700">
              {t("admin.bulkScope")}
            </label>
            <select id="bulk-scope" name="scope" className="rounded border border-stone-300 px-2 py-1 text-sm">
              <option value="store">{t("admin.bulkStore")}</option>
              <option value="category">{t("admin.bulkCategory")}</option>
            </select>
          </div>
          <div>
            <label htmlFor="bulk-slug" className="block text-xs font-medium text-stone-700">
              {t("admin.slug")}
            </label>
            <input
              id="bulk-slug"
              name="slug"
              required
              className="w-56 rounded border border-stone-300 px-2 py-1 text-sm"
              placeholder="tamale-shea-collective"
            />
          </div>
          <div>
            <label htmlFor="bulk-percent" className="block text-xs font-medium text-stone-700">
              {t("admin.percentOff")}
            </label>
            <input
              id="bulk-percent"
              name="percent"
              type="number"
              min={1}
              max={90}
              defaultValue={15}
              required
              className="w-20 rounded border border-stone-300 px-2 py-1 text-sm"
            />
          </div>
          <button
            type="submit"
            name="intent"
            value="bulk-add"
            className="rounded bg-clay-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-clay-900"
          >
            {t("admin.bulkAdd")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="stores-heading">
        <h2 id="stores-heading" className="mb-3 text-lg font-bold text-clay-900">
          {t("festivals.featuredStores")}
        </h2>
        <Form method="post" className="flex flex-wrap items-end gap-2" preventScrollReset>
          <div className="w-full max-w-2xl">
            <label htmlFor="festival-stores" className="block text-sm font-medium text-stone-800">
              {t("admin.storeSlugs")}
            </label>
            <textarea
              id="festival-stores"
              name="stores"
              rows={2}
              defaultValue={featuredStores.join(", ")}
              key={featuredStores.join(",")}
              className="mt-1 w-full rounded border border-stone-300 px-3 py-2 text-sm"
            />
          </div>
          <button
            type="submit"
            name="intent"
            value="set-stores"
            className="rounded bg-clay-700 px-3 py-2 text-sm font-semibold text-white hover:bg-clay-900"
          >
            {t("admin.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-bold text-clay-900">
          {t("festivals.schedule")}
        </h2>
        {sessions.length > 0 ? (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <span>
                  <FestivalTime iso={s.startsAt} /> · <span className="font-medium">{s.title}</span> · {s.storeSlug}
                </span>
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="remove-session"
                    className="rounded border border-red-700 px-2 py-1 text-xs text-red-800"
                  >
                    {t("admin.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-600">{t("festivals.noSessions")}</p>
        )}
        <Form
          method="post"
          className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 md:grid-cols-3"
          preventScrollReset
        >
          <h3 className="font-semibold text-clay-900 md:col-span-3">{t("admin.addSession")}</h3>
          {(
            [
              ["storeSlug", t("admin.storeSlug"), "text"],
              ["startsAt", `${t("admin.startsAt")} (${t("festivals.beijingTime")})`, "datetime-local"],
              ["endsAt", `${t("admin.endsAt")} (${t("festivals.beijingTime")})`, "datetime-local"],
              ["titleEn", t("admin.sessionTitleEn"), "text"],
              ["titleZh", t("admin.sessionTitleZh"), "text"],
              ["titleFr", t("admin.sessionTitleFr"), "text"],
              ["productIds", t("admin.sessionProducts"), "text"],
            ] as const
          ).map(([name, label, type]) => (
            <div key={name}>
              <label htmlFor={`session-${name}`} className="block text-sm font-medium text-stone-800">
                {label}
              </label>
              <input
                id={`session-${name}`}
                name={name}
                type={type}
                required={name !== "productIds"}
                className="mt-1 w-full rounded border border-stone-300 px-2 py-1 text-sm"
              />
            </div>
          ))}
          <div className="md:col-span-3">
            <button
              type="submit"
              name="intent"
              value="add-session"
              className="rounded bg-clay-700 px-3 py-2 text-sm font-semibold text-white hover:bg-clay-900"
            >
              {t("admin.addSession")}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

/** Percentage off or a fixed festival price (US dollars), and an optional deal stock cap. */
function DealTermsFields({
  idPrefix,
  mode,
  percent,
  priceCents,
  dealStock,
}: {
  idPrefix: string;
  mode: "percent" | "price";
  percent: number | null;
  priceCents: number | null;
  dealStock: number | null;
}) {
  const t = useT();
  return (
    <>
      <label htmlFor={`${idPrefix}-mode`} className="sr-only">
        {t("admin.terms")}
      </label>
      <select
        id={`${idPrefix}-mode`}
        name="mode"
        defaultValue={mode}
        className="rounded border border-stone-300 px-1 py-1 text-xs"
      >
        <option value="percent">{t("admin.percentOff")}</option>
        <option value="price">{t("admin.fixedPrice")}</option>
      </select>
      <label htmlFor={`${idPrefix}-percent`} className="sr-only">
        {t("admin.percentOff")}
      </label>
      <input
        id={`${idPrefix}-percent`}
        name="percent"
        type="number"
        min={1}
        max={90}
        defaultValue={percent ?? ""}
        className="w-14 rounded border border-stone-300 px-1 py-1 text-xs"
        placeholder="%"
      />
      <label htmlFor={`${idPrefix}-price`} className="sr-only">
        {t("admin.fixedPrice")}
      </label>
      <input
        id={`${idPrefix}-price`}
        name="price"
        inputMode="decimal"
        defaultValue={priceCents !== null ? (priceCents / 100).toFixed(2) : ""}
        className="w-20 rounded border border-stone-300 px-1 py-1 text-xs"
        placeholder="$"
      />
      <label htmlFor={`${idPrefix}-cap`} className="sr-only">
        {t("admin.dealStock")}
      </label>
      <input
        id={`${idPrefix}-cap`}
        name="dealStock"
        inputMode="numeric"
        defaultValue={dealStock ?? ""}
        className="w-16 rounded border border-stone-300 px-1 py-1 text-xs"
        placeholder={t("admin.capPlaceholder")}
      />
    </>
  );
}
