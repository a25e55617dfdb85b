import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { FestivalVouchers } from "#app/components/admin/festival-vouchers.tsx";
import { festivalVouchersData } from "#app/models/vouchers/issue-actions.server.ts";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { FestivalForm } from "#app/components/festival-form.tsx";
import { FestivalTime } from "#app/components/festival-time.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { Price } from "#app/components/price.tsx";
import { ProductPicker } from "#app/components/product-picker.tsx";
import { SortableList } from "#app/components/admin/sortable-list.tsx";
import { Combobox, useHydrated } from "#app/components/admin/combobox.tsx";
import { pickerOptions } from "#app/models/admin/picker.server.ts";
import { Button, buttonClass } from "#app/components/ui/button.tsx";
import { Input, Select } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { getFestivalForEdit } from "#app/models/admin/festivals.server.ts";
import { parseSearchParams, searchCatalog } from "#app/models/search.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import {
  addFestivalDeal,
  addShowcaseSession,
  bulkAddFestivalDeals,
  moveFestivalDeal,
  refused,
  removeFestivalDeal,
  reorderDeals,
  removeShowcaseSession,
  saveDetails,
  setFeaturedStores,
  setPublished,
  updateFestivalDeal,
} from "./actions.server.ts";
import { DealTermsFields } from "./deal-terms-fields.tsx";
import { INTENT, festivalEditorSchema } from "./intents.ts";
import { FlashSaleEditor } from "#app/components/flash-sale-editor.tsx";
import { flashSlotsForEdit } from "#app/models/admin/flash-slots.server.ts";
import { flashSlotAction } from "./flash-slots.server.ts";

function festivalId(params: { id?: string }): number {
  const id = params.id ?? "";
  if (!/^\d{1,9}$/.test(id)) notFound();
  return Number(id);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const user = requireOrganizer({ request, context });
  const edit = getFestivalForEdit(user, festivalId(params), locale);
  if (!edit) notFound();
  const url = new URL(request.url);
  const { params: search } = parseSearchParams(new URLSearchParams({ q: url.searchParams.get("q") ?? "" }));
  const picker = search.q ? await searchCatalog(search, locale, { record: false }) : null;
  const storeQuery = (url.searchParams.get("storeQ") ?? "").trim().slice(0, 100);
  return {
    ...edit,
    flashSlots: flashSlotsForEdit(user, edit.festival.id, locale),
    storePicker: {
      query: storeQuery,
      options: storeQuery ? await pickerOptions(user, "store", storeQuery, locale) : [],
    },
    created: url.searchParams.get("created") === "1",
    picker: { query: search.q, hits: picker?.hits ?? [], total: picker?.totalHits ?? 0 },
    ...festivalVouchersData(edit.festival, locale),
  };
}

/** Every form on the page posts here with an `intent`; each intent has one schema and one function. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const editor = { user, festivalId: festivalId(params) };
  const slots = await flashSlotAction(request.clone(), editor);
  if (slots) return slots;
  const submission = parseWithZod(await request.formData(), { schema: festivalEditorSchema });
  if (submission.status !== "success") return refused(submission);
  const input = submission.value;
  switch (input.intent) {
    case INTENT.details:
      return saveDetails(editor, input, submission);
    case INTENT.publish:
    case INTENT.unpublish:
      return setPublished(editor, input);
    case INTENT.addDeal:
      return addFestivalDeal(editor, input);
    case INTENT.updateDeal:
      return updateFestivalDeal(editor, input);
    case INTENT.bulkAdd:
      return bulkAddFestivalDeals(editor, input);
    case INTENT.removeDeal:
      return removeFestivalDeal(editor, input);
    case INTENT.moveDeal:
      return moveFestivalDeal(editor, input);
    case INTENT.reorderDeals:
    case INTENT.moveDealTo:
      return reorderDeals(editor, input);
    case INTENT.setStores:
      return setFeaturedStores(editor, input);
    case INTENT.addSession:
      return addShowcaseSession(editor, input);
    case INTENT.removeSession:
      return removeShowcaseSession(editor, input);
  }
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) =>
  pageMeta(location, (t) => `${data?.festival.name ?? ""} · ${t("admin.festivalsTitle")}`);

export default function EditFestival() {
  const { festival, deals, featuredStores, sessions, picker, storePicker, created } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  const withStore = (slug: string) => [...featuredStores.filter((s) => s !== slug), slug].join(" ");
  const withoutStore = (slug: string) => featuredStores.filter((s) => s !== slug).join(" ");
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
            className={buttonClass({ variant: "outline", size: "sm" })}
            data-testid="preview-link"
          >
            {festival.published ? t("festivals.view") : t("admin.preview")}
          </Link>
          <Form method="post">
            <Button
              size="sm"
              name="intent"
              value={festival.published ? INTENT.unpublish : INTENT.publish}
              disabled={busy}
            >
              {festival.published ? t("admin.unpublish") : t("admin.publish")}
            </Button>
          </Form>
        </div>
      </div>
      <p className="text-sm text-stone-700">
        {festival.published ? t("admin.isPublished") : t("admin.isDraft")} · <FestivalTime iso={festival.startsAt} /> →{" "}
        <FestivalTime iso={festival.endsAt} />
      </p>
      {message ? (
        <Notice tone={result && !result.ok ? "error" : "success"} data-testid="admin-message">
          {message}
        </Notice>
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
                          ? ` · ${t("admin.capSold", { sold: d.soldCount, reserved: d.reservedCount, cap: d.dealStock })}`
                          : ""}
                        {d.perShopperLimit !== null ? ` · ${t("admin.limitShown", { limit: d.perShopperLimit })}` : ""}
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
                          perShopperLimit={d.perShopperLimit}
                        />
                        <Button variant="secondary" size="xs" name="intent" value={INTENT.updateDeal}>
                          {t("admin.save")}
                        </Button>
                      </Form>
                    </td>
                    <td className="py-2">
                      <span className="mr-1 text-stone-700">{i + 1}</span>
                      <Form method="post" preventScrollReset className="mt-1">
                        <input type="hidden" name="dealId" value={d.id} />
                        <Button
                          variant="danger"
                          size="xs"
                          name="intent"
                          value={INTENT.removeDeal}
                          aria-label={t("admin.removeNamed", { title: d.title })}
                        >
                          {t("admin.remove")}
                        </Button>
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

        {deals.length > 1 ? (
          <section aria-labelledby="deal-order-heading" className="space-y-2">
            <h3 id="deal-order-heading" className="font-semibold text-clay-900">
              {t("org.dealOrderTitle")}
            </h3>
            <SortableList
              testId="deal-order"
              reorderIntent={INTENT.reorderDeals}
              moveIntent={INTENT.moveDealTo}
              idField="dealId"
              items={deals.map((d) => ({
                id: d.id,
                label: d.title,
                content: (
                  <>
                    <span className="font-medium">{d.title}</span>{" "}
                    <span className="text-stone-600">· {d.storeName}</span>
                  </>
                ),
              }))}
            />
          </section>
        ) : null}

        {hydrated ? (
          <Form
            method="post"
            className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-4"
            preventScrollReset
            data-testid="deal-combobox-form"
          >
            <h3 className="w-full font-semibold text-clay-900">{t("org.addDealTitle")}</h3>
            <Combobox kind="product" name="productId" label={t("org.pickProduct")} required testId="deal-combobox" />
            <DealTermsFields
              idPrefix="combo-add"
              mode="percent"
              percent={20}
              priceCents={null}
              dealStock={null}
              perShopperLimit={null}
            />
            <Button size="sm" name="intent" value={INTENT.addDeal}>
              {t("admin.add")}
            </Button>
          </Form>
        ) : null}

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
                  perShopperLimit={null}
                />
                <Button
                  size="xs"
                  name="intent"
                  value={INTENT.addDeal}
                  aria-label={t("admin.addNamed", { title: hit.title })}
                >
                  {t("admin.add")}
                </Button>
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
            <Select compact id="bulk-scope" name="scope">
              <option value="store">{t("admin.bulkStore")}</option>
              <option value="category">{t("admin.bulkCategory")}</option>
            </Select>
          </div>
          <div>
            <label htmlFor="bulk-slug" className="block text-xs font-medium text-stone-700">
              {t("admin.slug")}
            </label>
            <Input compact id="bulk-slug" name="slug" required className="w-56" placeholder="tamale-shea-collective" />
          </div>
          <div>
            <label htmlFor="bulk-percent" className="block text-xs font-medium text-stone-700">
              {t("admin.percentOff")}
            </label>
            <Input
              compact
              id="bulk-percent"
              name="percent"
              type="number"
              min={1}
              max={90}
              defaultValue={15}
              required
              className="w-20"
            />
          </div>
          <Button size="sm" name="intent" value={INTENT.bulkAdd}>
            {t("admin.bulkAdd")}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="stores-heading">
        <h2 id="stores-heading" className="mb-3 text-lg font-bold text-clay-900">
          {t("festivals.featuredStores")}
        </h2>
        {featuredStores.length > 0 ? (
          <ul className="mb-3 flex flex-wrap gap-2" data-testid="festival-stores">
            {featuredStores.map((slug) => (
              <li key={slug} className="flex items-center gap-1 rounded-full bg-clay-50 py-1 pr-1 pl-3 text-sm">
                {slug}
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="stores" value={withoutStore(slug)} />
                  <Button
                    variant="ghost"
                    size="xs"
                    name="intent"
                    value={INTENT.setStores}
                    aria-label={t("admin.removeNamed", { title: slug })}
                  >
                    ✕
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-3 text-sm text-stone-600">{t("org.noFestivalStores")}</p>
        )}
        {hydrated ? (
          <Form method="post" className="mb-3 flex flex-wrap items-end gap-2" preventScrollReset>
            <Combobox
              kind="store"
              name="stores"
              format={(o) => withStore(o.slug)}
              label={t("org.pickStore")}
              required
              testId="store-combobox"
            />
            <Button size="sm" name="intent" value={INTENT.setStores}>
              {t("admin.add")}
            </Button>
          </Form>
        ) : null}
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <Form method="get" role="search" className="flex flex-wrap items-end gap-2" preventScrollReset>
            {picker.query ? <input type="hidden" name="q" value={picker.query} /> : null}
            <div>
              <label htmlFor="store-q" className="block text-xs font-medium text-stone-700">
                {t("org.searchStores")}
              </label>
              <Input
                compact
                id="store-q"
                type="search"
                name="storeQ"
                defaultValue={storePicker.query}
                maxLength={100}
              />
            </div>
            <Button size="sm" variant="secondary">
              {t("search.submit")}
            </Button>
          </Form>
          {storePicker.query ? (
            storePicker.options.length > 0 ? (
              <ul className="mt-2 divide-y divide-stone-200" data-testid="store-picker-results">
                {storePicker.options.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      <span className="font-medium">{o.label}</span>{" "}
                      <span className="text-stone-600">· {o.detail}</span>
                    </span>
                    {featuredStores.includes(o.slug) ? (
                      <span className="text-xs text-stone-600">{t("org.alreadyListed")}</span>
                    ) : (
                      <Form method="post" preventScrollReset>
                        <input type="hidden" name="stores" value={withStore(o.slug)} />
                        <Button
                          size="xs"
                          name="intent"
                          value={INTENT.setStores}
                          aria-label={t("admin.addNamed", { title: o.label })}
                        >
                          {t("admin.add")}
                        </Button>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-stone-600">{t("search.none", { query: storePicker.query })}</p>
            )
          ) : null}
        </div>
      </section>

      <FlashSaleEditor />
      <FestivalVouchers />

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
                  <Button variant="danger" size="xs" name="intent" value={INTENT.removeSession}>
                    {t("admin.remove")}
                  </Button>
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
          ).map(([name, label, type]) =>
            name === "storeSlug" && hydrated ? (
              <Combobox
                key={name}
                kind="store"
                name="storeSlug"
                value="slug"
                label={label}
                required
                testId="session-store"
              />
            ) : (
              <div key={name}>
                <label htmlFor={`session-${name}`} className="block text-sm font-medium text-stone-800">
                  {label}
                </label>
                <Input
                  compact
                  id={`session-${name}`}
                  name={name}
                  type={type}
                  required={name !== "productIds"}
                  className="mt-1 w-full"
                />
              </div>
            ),
          )}
          <div className="md:col-span-3">
            <Button size="sm" name="intent" value={INTENT.addSession}>
              {t("admin.addSession")}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
