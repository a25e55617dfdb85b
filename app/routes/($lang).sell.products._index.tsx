import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { Button, buttonClass } from "#app/components/ui/button.tsx";
import { Input, Select } from "#app/components/ui/input.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import { translate, type MessageKey } from "#app/i18n/translate.ts";
import {
  OWNER_SORTS,
  OWNER_STATUS_FILTERS,
  listOwnProducts,
  setOwnProductOnHand,
  setOwnProductStatus,
} from "#app/models/owner/listings.server.ts";
import { requireOwner } from "#app/models/access.server.ts";
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

const INTENT = { stock: "stock", publish: "publish", draft: "draft", archive: "archive" } as const;

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
  const { store } = requireOwner({ request, context });
  const submission = parseWithZod(await request.formData(), { schema: listingActionSchema });
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
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="listings">
            <thead className="bg-clay-50 text-xs text-stone-700 uppercase">
              <tr>
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
            <tbody>
              {listing.items.map((item) => (
                <Row key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination pagination={listing.pagination} />
    </>
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
    <tr className="border-t border-stone-100" data-testid={`row-${item.sku}`}>
      <td className="px-3 py-2 font-mono text-xs">{item.sku}</td>
      <td className="px-3 py-2">
        <Link to={href(`/sell/products/${item.id}`)} className="text-clay-700 underline">
          {item.title}
        </Link>
      </td>
      <td className="px-3 py-2">{t(`status.${item.status as "draft" | "active" | "archived"}`)}</td>
      <td className="px-3 py-2">{formatMoney(item.priceCents, item.currency, locale)}</td>
      <td className="px-3 py-2">
        <stockFetcher.Form method="post" className="flex items-center gap-1">
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
      <td className="px-3 py-2 tabular-nums" data-testid="reserved">
        {item.reserved}
      </td>
      <td className="px-3 py-2 tabular-nums" data-testid="available">
        {item.available}
      </td>
      <td className="px-3 py-2">
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
