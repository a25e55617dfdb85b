import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { Button, buttonClass } from "#app/components/ui/button.tsx";
import { Input, Select } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { Locale } from "#app/i18n/locales.ts";
import { translate, type MessageKey, type Vars } from "#app/i18n/translate.ts";
import {
  OWNER_SORTS,
  OWNER_STATUS_FILTERS,
  bulkEditOwnProducts,
  type BulkChanges,
  listOwnProducts,
  setOwnProductOnHand,
  setOwnProductStatus,
} from "#app/models/owner/listings.server.ts";
import { requireOwner, type Actor, type OwnStore } from "#app/models/access.server.ts";
import { dollarsToCents, formText } from "#app/utils/form-values.ts";
import { MAX_PRICE_DOLLARS } from "#app/utils/product-form.ts";
import { notFound } from "#app/utils/http.server.ts";
import { formId, refusalMessage } from "#app/utils/intent.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { belowReservedVars } from "#app/utils/inventory.ts";
import { formatMoney } from "#app/utils/money.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const { store } = requireOwner({ request, context });
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const status = parseEnum(url.searchParams.get("status"), OWNER_STATUS_FILTERS, "all");
  const sort = parseEnum(url.searchParams.get("sort"), OWNER_SORTS, "updated");
  const listing = listOwnProducts(store, { q, status, sort, page: parsePage(url.searchParams.get("page")), locale });
  return { listing, q, status, sort };
}

const INTENT = { stock: "stock", publish: "publish", draft: "draft", archive: "archive", bulk: "bulk" } as const;

const id = formId("form.invalid");
const listingActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal(INTENT.stock),
      id,
      stock: z
        .string({ error: "form.stock" })
        .trim()
        .regex(/^\d{1,6}$/, { error: "form.stock" })
        .transform(Number),
    }),
    z.object({ intent: z.literal(INTENT.publish), id }),
    z.object({ intent: z.literal(INTENT.draft), id }),
    z.object({ intent: z.literal(INTENT.archive), id }),
  ],
  { error: "form.invalid" },
);

type ListingReply = { ok: boolean; id: number; error: MessageKey | null; message: string | null };

/**
 * One action, switched on `intent`: inline edits of the units on hand and status changes from the
 * table. A count below the units reserved is refused (409) with a message naming the orders.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { store, user } = requireOwner({ request, context });
  const form = await request.formData();
  if (form.get("intent") === INTENT.bulk) return bulkAction(form, store, user, context.locale);
  const submission = parseWithZod(form, { schema: listingActionSchema });
  if (submission.status !== "success") {
    // An id that is not one cannot name a listing of this store: "not found", like another store's.
    const listingId = id.safeParse(submission.payload.id);
    if (!listingId.success) notFound();
    const error = refusalMessage(submission.status === "error" ? submission.error : null, "form.invalid");
    return data<ListingReply>({ ok: false, id: listingId.data, error, message: null }, { status: 400 });
  }
  const input = submission.value;
  let changed: boolean;
  switch (input.intent) {
    case INTENT.stock: {
      const result = setOwnProductOnHand(store, input.id, input.stock);
      if (!result.ok && result.error === "belowReserved") {
        const message = translate(context.locale, "inventory.belowReserved", belowReservedVars(result));
        return data<ListingReply>(
          { ok: false, id: input.id, error: "inventory.belowReserved", message },
          { status: 409 },
        );
      }
      if (!result.ok && result.error === "badQuantity")
        return data<ListingReply>({ ok: false, id: input.id, error: "form.stock", message: null }, { status: 400 });
      changed = result.ok;
      break;
    }
    case INTENT.publish:
      changed = setOwnProductStatus(store, input.id, "active");
      break;
    case INTENT.draft:
      changed = setOwnProductStatus(store, input.id, "draft");
      break;
    case INTENT.archive:
      changed = setOwnProductStatus(store, input.id, "archived");
      break;
  }
  if (!changed) notFound();
  return { ok: true, id: input.id, error: null, message: null } satisfies ListingReply;
}

type BulkReply = { bulk: true; ok: boolean; message: string };

/**
 * The bulk edit: the ticked listings (`ids`) get the price, the count on hand and/or the status
 * given; a field left blank is left as it is. All or nothing (see bulkEditOwnProducts).
 */
function bulkAction(form: FormData, store: OwnStore, actor: Actor, locale: Locale) {
  const reply = (status: number, key: MessageKey, vars?: Vars) =>
    data<BulkReply>({ bulk: true, ok: status === 200, message: translate(locale, key, vars) }, { status });
  const ids = form.getAll("ids").map((v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : NaN));
  if (ids.length === 0) return reply(400, "bulk.noneSelected");
  if (ids.some(Number.isNaN)) return reply(400, "form.invalid");
  const priceText = formText(form, "price").trim();
  const stockText = formText(form, "stock").trim();
  const statusText = formText(form, "status");
  const priceCents = priceText === "" ? undefined : dollarsToCents(priceText);
  if (priceCents === null || (priceCents !== undefined && (priceCents <= 0 || priceCents > MAX_PRICE_DOLLARS * 100)))
    return reply(400, "form.price");
  if (stockText !== "" && !/^\d{1,6}$/.test(stockText)) return reply(400, "form.stock");
  const status =
    statusText === ""
      ? undefined
      : (OWNER_STATUS_FILTERS as readonly string[]).includes(statusText) && statusText !== "all"
        ? (statusText as BulkChanges["status"])
        : null;
  if (status === null) return reply(400, "form.invalid");
  const changes = { priceCents, onHand: stockText === "" ? undefined : Number(stockText), status };
  if (Object.values(changes).every((v) => v === undefined)) return reply(400, "bulk.nothingToChange");
  const result = bulkEditOwnProducts(store, actor, ids, changes, locale);
  if (result.ok) return reply(200, "bulk.done", { count: result.count });
  if (result.error === "notFound") notFound();
  if (result.error === "belowReserved")
    return reply(409, "bulk.belowReserved", { title: result.title, ...belowReservedVars(result) });
  return reply(400, "form.invalid");
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("sell.navListings"));

export default function Listings() {
  const { listing, q, status, sort } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <>
      <PageHeading title={t("sell.navListings")} subtitle={t("common.products", { count: listing.pagination.total })} />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            {t("sell.searchOwn")}
          </label>
          <Input compact id="q" name="q" type="search" defaultValue={q} className="mt-1" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            {t("sell.filterStatus")}
          </label>
          <Select compact id="status" name="status" defaultValue={status} className="mt-1">
            <option value="all">{t("sell.all")}</option>
            <option value="active">{t("status.active")}</option>
            <option value="draft">{t("status.draft")}</option>
            <option value="archived">{t("status.archived")}</option>
          </Select>
        </div>
        <div>
          <label htmlFor="sort" className="block text-sm font-medium">
            {t("sell.sort")}
          </label>
          <Select compact id="sort" name="sort" defaultValue={sort} className="mt-1">
            <option value="updated">{t("sell.sortUpdated")}</option>
            <option value="title">{t("sell.sortTitle")}</option>
            <option value="price">{t("sell.sortPrice")}</option>
            <option value="stock">{t("sell.sortStock")}</option>
          </Select>
        </div>
        <Button size="sm">{t("sell.apply")}</Button>
        <Link
          to={href("/sell/products/new")}
          className={buttonClass({ variant: "outline", size: "sm", className: "ml-auto" })}
        >
          {t("sell.newProduct")}
        </Link>
      </Form>
      {listing.items.length === 0 ? (
        <EmptyState title={t("sell.noListings")} />
      ) : (
        <>
          <BulkEditForm />
          {/* A table on wide screens; on a phone each row is a card (labels beside the values). */}
          <div className="rounded-lg border border-stone-200 bg-white md:overflow-x-auto">
            <table className="block w-full text-left text-sm md:table" data-testid="listings">
              <thead className="hidden bg-clay-50 text-xs text-stone-700 uppercase md:table-header-group">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t("bulk.title")}</span>
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("sell.colSku")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("sell.colTitle")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("sell.colStatus")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("sell.colPrice")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("sell.colStock")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("sell.colReserved")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("sell.colAvailable")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("sell.colActions")}
                  </th>
                </tr>
              </thead>
              <tbody className="block divide-y divide-stone-200 md:table-row-group md:divide-stone-100">
                {listing.items.map((item) => (
                  <Row key={item.id} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pagination pagination={listing.pagination} />
    </>
  );
}

const BULK_FORM = "bulk-edit";

/** A table cell that, on a phone (no table header there), names its column before the value. */
function Cell({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <td className="col-start-2 text-stone-800 md:px-3 md:py-2">
      <span className="mr-1 text-xs text-stone-600 md:hidden">{label}:</span>
      <span className="tabular-nums" data-testid={testId}>
        {children}
      </span>
    </td>
  );
}

/**
 * One form for the ticked rows (their checkboxes join it through the `form` attribute, so it works
 * without JavaScript): the fields filled in are set on every ticked listing, blank ones are left.
 */
function BulkEditForm() {
  const t = useT();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const reply = result && "bulk" in result ? result : null;
  return (
    <Form
      method="post"
      id={BULK_FORM}
      className="mb-4 rounded-lg border border-stone-200 bg-white p-3"
      data-testid="bulk-edit"
      aria-labelledby="bulk-title"
    >
      <input type="hidden" name="intent" value={INTENT.bulk} />
      <h2 id="bulk-title" className="text-sm font-semibold text-clay-900">
        {t("bulk.title")}
      </h2>
      <p className="mb-2 text-xs text-stone-600">{t("bulk.hint")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="bulk-price" className="block text-xs font-medium text-stone-700">
            {t("bulk.price")}
          </label>
          <Input
            compact
            id="bulk-price"
            name="price"
            inputMode="decimal"
            pattern="\d{1,6}(\.\d{1,2})?"
            placeholder="12.50"
            className="w-28"
          />
        </div>
        <div>
          <label htmlFor="bulk-stock" className="block text-xs font-medium text-stone-700">
            {t("bulk.stock")}
          </label>
          <Input compact id="bulk-stock" name="stock" inputMode="numeric" pattern="\d{1,6}" className="w-28" />
        </div>
        <div>
          <label htmlFor="bulk-status" className="block text-xs font-medium text-stone-700">
            {t("bulk.status")}
          </label>
          <Select compact id="bulk-status" name="status" defaultValue="" className="w-32">
            <option value="">{t("bulk.unchanged")}</option>
            <option value="active">{t("status.active")}</option>
            <option value="draft">{t("status.draft")}</option>
            <option value="archived">{t("status.archived")}</option>
          </Select>
        </div>
        <Button size="sm" pending={busy}>
          {t("bulk.apply")}
        </Button>
      </div>
      {reply ? (
        <Notice tone={reply.ok ? "success" : "error"} className="mt-3" data-testid="bulk-result">
          {reply.message}
        </Notice>
      ) : null}
    </Form>
  );
}

function Row({
  item,
}: {
  item: {
    id: number;
    sku: string;
    title: string;
    status: string;
    priceCents: number;
    currency: string;
    onHand: number;
    reserved: number;
    available: number;
  };
}) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const stockFetcher = useFetcher<typeof action>();
  const statusFetcher = useFetcher<typeof action>();
  const stockError =
    stockFetcher.data && !stockFetcher.data.ok
      ? (stockFetcher.data.message ?? (stockFetcher.data.error ? t(stockFetcher.data.error) : null))
      : null;
  return (
    <tr className="grid grid-cols-[auto_1fr] gap-x-3 p-3 md:table-row md:p-0" data-testid={`row-${item.sku}`}>
      <td className="row-span-2 pt-0.5 md:px-3 md:py-2">
        <input
          type="checkbox"
          name="ids"
          value={item.id}
          form={BULK_FORM}
          aria-label={t("bulk.select", { title: item.title })}
          className="h-5 w-5 md:h-4 md:w-4"
        />
      </td>
      <td className="font-mono text-xs text-stone-600 md:px-3 md:py-2 md:text-stone-900">{item.sku}</td>
      <td className="font-medium md:px-3 md:py-2 md:font-normal">
        <Link to={href(`/sell/products/${item.id}`)} className="text-clay-700 underline">
          {item.title}
        </Link>
      </td>
      <Cell label={t("sell.colStatus")}>{t(`status.${item.status as "draft" | "active" | "archived"}`)}</Cell>
      <Cell label={t("sell.colPrice")}>{formatMoney(item.priceCents, item.currency, locale)}</Cell>
      <td className="col-start-2 mt-2 md:mt-0 md:px-3 md:py-2">
        <stockFetcher.Form method="post" className="flex flex-wrap items-center gap-1">
          <span aria-hidden className="mr-1 text-xs text-stone-600 md:hidden">
            {t("sell.colStock")}:
          </span>
          <input type="hidden" name="intent" value={INTENT.stock} />
          <input type="hidden" name="id" value={item.id} />
          <label htmlFor={`stock-${item.id}`} className="sr-only">
            {t("sell.stockFor", { title: item.title })}
          </label>
          <Input
            compact
            id={`stock-${item.id}`}
            name="stock"
            inputMode="numeric"
            defaultValue={item.onHand}
            aria-invalid={stockError ? true : undefined}
            className="w-20"
          />
          <Button variant="secondary" size="xs" pending={stockFetcher.state !== "idle"}>
            {stockFetcher.state !== "idle" ? t("sell.pending") : t("sell.saveStock")}
          </Button>
          {stockError ? (
            <span role="alert" className="max-w-xs text-xs text-red-700">
              {stockError}
            </span>
          ) : stockFetcher.data?.ok ? (
            <span role="status" className="text-xs text-emerald-700">
              {t("sell.saved")}
            </span>
          ) : null}
        </stockFetcher.Form>
      </td>
      <Cell label={t("sell.colReserved")} testId="reserved">
        {item.reserved}
      </Cell>
      <Cell label={t("sell.colAvailable")} testId="available">
        {item.available}
      </Cell>
      <td className="col-start-2 mt-2 md:mt-0 md:px-3 md:py-2">
        <statusFetcher.Form method="post" className="flex gap-1">
          <input type="hidden" name="id" value={item.id} />
          {item.status !== "active" ? (
            <button name="intent" value={INTENT.publish} className="rounded bg-forest-700 px-2 py-1 text-xs text-white">
              {t("sell.publish")}
            </button>
          ) : null}
          {item.status !== "archived" ? (
            <Button variant="secondary" size="xs" name="intent" value={INTENT.archive}>
              {t("sell.archive")}
            </Button>
          ) : null}
        </statusFetcher.Form>
      </td>
    </tr>
  );
}
