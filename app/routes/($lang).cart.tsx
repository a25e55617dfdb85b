import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { FlashSlotLineNote } from "#app/components/flash-sale.tsx";
import { DealSplitNote, FestivalBadge } from "#app/components/deal-price.tsx";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { MoneyText, Price, useMoneyText } from "#app/components/price.tsx";
import { Button, buttonClass } from "#app/components/ui/button.tsx";
import { Input } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { changeCart, getCartView, type CartChange, type CartLine } from "#app/models/cart.server.ts";
import { CartVouchersPanel } from "#app/components/cart-vouchers.tsx";
import { cartVouchers, deliveryLinesAfterVouchers } from "#app/models/vouchers/cart.server.ts";
import { readVoucherChoice } from "#app/utils/voucher-cookie.server.ts";
import { DeliveryTotals, DestinationForm, StoreShipping } from "#app/components/delivery.tsx";
import { LOCALE_INFO, localizePath, type Locale } from "#app/i18n/locales.ts";
import { countryName } from "#app/utils/address-form.server.ts";
import { priceDelivery } from "#app/models/shipping/delivery.server.ts";
import { readDeliveryPrefs } from "#app/utils/delivery-cookie.server.ts";
import { countries as COUNTRY_LIST } from "countries-list";
import { unpaidOrdersFromCart } from "#app/models/orders.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { MAX_LINE_QUANTITY } from "#app/utils/cart-limits.ts";
import { CART_INTENT, cartActionSchema, submittedProductId } from "#app/utils/cart-form.ts";
import { refusalMessage } from "#app/utils/intent.ts";
import { imageSources } from "#app/utils/images.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const cart = getCartView(context.cartOwner, context.locale);
  const prefs = await readDeliveryPrefs(request, context.locale);
  const vouchers = cartVouchers(context.user?.id ?? null, cart, await readVoucherChoice(request), context.locale);
  const delivery = priceDelivery({
    destination: prefs.destination,
    lines: deliveryLinesAfterVouchers(cart, vouchers),
    choices: prefs.choices,
    payer: context.user ? { userId: context.user.id, email: context.user.email } : null,
  });
  return {
    cart: { ...cart, canCheckout: cart.canCheckout && delivery.ok },
    delivery,
    // Named on the server: the browser's country names (its own ICU data) differ from Node's, and
    // names computed during hydration would not match the page.
    countries: Object.keys(COUNTRY_LIST)
      .filter((c) => c !== "AQ")
      .map((code) => ({ code, name: countryName(code, context.locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, LOCALE_INFO[context.locale].intl)),
    destinationName: delivery.destination ? countryName(delivery.destination, context.locale) : "",
    unpaid: unpaidOrdersFromCart(context.cartOwner),
    vouchers,
  };
}

/**
 * What a form posted without JavaScript comes back to: the cart page, told by `?notice=` what
 * happened (Post/Redirect/Get). Fetchers get the same outcome as data instead.
 */
const NOTICES = {
  added: "cart.added",
  limited: "cart.limited",
  updated: "cart.updated",
  removed: "cart.removed",
  notFound: "cart.errorUnavailable",
  soldOut: "cart.errorSoldOut",
  cartFull: "cart.errorFull",
  badQuantity: "cart.errorQuantity",
} as const satisfies Record<string, MessageKey>;
type NoticeCode = keyof typeof NOTICES;
const isNoticeCode = (code: string | null): code is NoticeCode => code !== null && Object.hasOwn(NOTICES, code);
const FAILURES: readonly NoticeCode[] = ["notFound", "soldOut", "cartFull", "badQuantity"];

/** One action for the cart, switched on `intent`: add, update (set a quantity; 0 removes) or remove. */
export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: cartActionSchema });
  if (submission.status !== "success") {
    const message = refusalMessage(submission.status === "error" ? submission.error : null, "cart.errorQuantity");
    const productId = submittedProductId(submission.payload.productId);
    if (context.document) return backToCart(context.locale, "badQuantity");
    return data({ ok: false as const, productId, message }, { status: 400 });
  }
  const input = submission.value;
  const { owner, setCookie } = await context.ensureCartOwner();
  const change = (quantity: number, mode: "add" | "set") => changeCart(owner, input.productId, quantity, mode);
  let result: CartChange;
  switch (input.intent) {
    case CART_INTENT.add:
      result = change(input.quantity, "add");
      break;
    case CART_INTENT.update:
      result = change(input.quantity, "set");
      break;
    case CART_INTENT.remove:
      result = change(0, "set");
      break;
  }
  const headers = setCookie ? { "Set-Cookie": setCookie } : undefined;
  const productId = input.productId;
  const code: NoticeCode = !result.ok
    ? result.error
    : result.limited
      ? "limited"
      : input.intent === CART_INTENT.add
        ? "added"
        : result.quantity === 0
          ? "removed"
          : "updated";
  if (context.document) return backToCart(context.locale, code, headers);
  if (!result.ok) return data({ ok: false as const, productId, message: NOTICES[code] }, { status: 400, headers });
  return data({ ok: true as const, productId, message: NOTICES[code], quantity: result.quantity }, { headers });
}

/** 303: the browser GETs the cart page, so a reload shows it again instead of posting again. */
function backToCart(locale: Locale, code: NoticeCode, headers?: HeadersInit) {
  return redirect(localizePath(`/cart?notice=${code}`, locale), { status: 303, headers });
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("cart.title"));

export default function Cart() {
  const { cart, unpaid, delivery, countries, destinationName, vouchers } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice");
  const moneyText = useMoneyText();
  return (
    <>
      <PageHeading title={t("cart.title")} />
      {isNoticeCode(notice) ? (
        <Notice tone={FAILURES.includes(notice) ? "error" : "success"} className="mb-4" data-testid="cart-notice">
          <p>{t(NOTICES[notice])}</p>
        </Notice>
      ) : null}
      {unpaid.map((order) => (
        <Notice tone="warning" announce={false} className="mb-4" key={order.id} data-testid="unpaid-order-notice">
          <p>
            {t("cart.unpaidOrder", {
              id: order.id,
              total: moneyText(order.totalCents, order.currency),
              time: formatDateTime(order.reservedUntil, locale, CHINA_TIME_ZONE),
            })}
          </p>
          <Link to={href(order.path)} className="mt-1 inline-block font-semibold underline">
            {t("cart.unpaidOrderLink")}
          </Link>
        </Notice>
      ))}
      {cart.lines.length === 0 ? (
        <EmptyState title={t("cart.empty")}>
          <Link to={href("/festivals")} className="mt-3 inline-block text-clay-700 underline">
            {t("cart.browseFestivals")}
          </Link>
        </EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="space-y-6" data-testid="cart-lines">
            {cart.stores.map((store) => (
              <section
                key={store.slug}
                aria-labelledby={`cart-store-${store.slug}`}
                className="rounded-lg border border-stone-200 bg-white"
              >
                <h2
                  id={`cart-store-${store.slug}`}
                  className="border-b border-stone-200 px-4 py-2 font-semibold text-clay-900"
                >
                  {t("cart.soldBy", { store: store.name })}
                </h2>
                <ul className="divide-y divide-stone-200">
                  {store.lines.map((line) => (
                    <CartLineRow
                      key={line.productId}
                      line={line}
                      notShipped={
                        delivery.blockedProductIds.includes(line.productId)
                          ? t("shipping.notShipped", {
                              store: store.name,
                              country: destinationName,
                            })
                          : null
                      }
                    />
                  ))}
                </ul>
                <StoreShipping store={store} delivery={delivery} back="cart" />
              </section>
            ))}
          </div>
          <aside className="h-fit rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="mb-3 font-semibold text-clay-900">
              {t("cart.summary")}
            </h2>
            <p className="flex items-baseline justify-between text-sm">
              <span>{t("cart.items", { count: cart.count })}</span>
              <span data-testid="cart-total">
                <Price cents={cart.totalCents} currency={cart.currency} />
              </span>
            </p>
            <div className="mt-3 space-y-3 border-t border-stone-200 pt-3">
              <DestinationForm destination={delivery.destination ?? ""} countries={countries} back="cart" />
              <CartVouchersPanel vouchers={vouchers} stores={cart.stores} back="cart" />
              <DeliveryTotals delivery={delivery} stores={cart.stores} discountCents={vouchers?.discountCents ?? 0} />
            </div>
            <p className="mt-2 text-xs text-stone-600">{t("cart.pricesNote")}</p>
            {cart.canCheckout ? (
              <Link to={href("/checkout")} className={buttonClass({ block: true, className: "mt-4" })}>
                {t("cart.checkout")}
              </Link>
            ) : (
              <p role="alert" className="mt-4 text-sm text-red-800">
                {t("cart.fixProblems")}
              </p>
            )}
          </aside>
        </div>
      )}
    </>
  );
}

function CartLineRow({ line, notShipped }: { line: CartLine; notShipped: string | null }) {
  const t = useT();
  const href = useHref();
  const fetcher = useFetcher<typeof action>();
  const busy = fetcher.state !== "idle";
  const problem = line.problem ? t(`cart.problem.${line.problem}` as MessageKey, { stock: line.stock }) : null;
  return (
    <li className={`flex gap-4 p-4 ${busy ? "opacity-60" : ""}`} data-testid={`cart-line-${line.productId}`}>
      <img
        {...imageSources(line.imageUrl)}
        sizes="80px"
        alt=""
        width={80}
        height={80}
        className="h-20 w-20 shrink-0 rounded bg-clay-50 object-cover"
      />
      <div className="flex-1 space-y-1">
        {line.deal && line.dealUnits > 0 ? <FestivalBadge festival={line.deal.festival} /> : null}
        <Link to={href(`/products/${line.slug}`)} className="block font-medium hover:underline">
          {line.title}
        </Link>
        <p className="text-xs text-stone-600">{line.countryName}</p>
        <p className="text-sm">
          <MoneyText cents={line.unitCents} currency="USD" />
          {line.deal && line.dealUnits > 0 ? (
            <>
              {" "}
              <s className="text-stone-600">
                <MoneyText cents={line.regularCents} currency="USD" />
              </s>{" "}
              <span className="text-xs font-bold text-red-800">{t("deal.off", { percent: line.deal.percentOff })}</span>
            </>
          ) : null}
        </p>
        <DealSplitNote line={line} />
        <FlashSlotLineNote line={line} />
        {notShipped ? (
          <p role="alert" className="text-sm font-medium text-red-800" data-testid="line-not-shipped">
            {notShipped}
          </p>
        ) : null}
        {problem ? (
          <p role="alert" className="text-sm font-medium text-red-800" data-testid="line-problem">
            {problem}
          </p>
        ) : null}
        {fetcher.data && !fetcher.data.ok ? (
          <p role="alert" className="text-sm text-red-800">
            {t(fetcher.data.message)}
          </p>
        ) : null}
        <div className="flex flex-wrap items-end gap-2">
          <fetcher.Form method="post" action={href("/cart")} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="productId" value={line.productId} />
            <div>
              <label htmlFor={`qty-${line.productId}`} className="block text-xs text-stone-700">
                {t("cart.quantity")}
              </label>
              <Input
                compact
                id={`qty-${line.productId}`}
                name="quantity"
                type="number"
                min={0}
                max={Math.min(MAX_LINE_QUANTITY, Math.max(line.stock, 1))}
                defaultValue={line.quantity}
                key={line.quantity}
                className="w-20 max-md:min-h-11"
              />
            </div>
            <Button
              variant="secondary"
              size="sm"
              name="intent"
              value={CART_INTENT.update}
              disabled={busy}
              className="max-md:min-h-11"
            >
              {t("cart.update")}
            </Button>
          </fetcher.Form>
          <fetcher.Form method="post" action={href("/cart")}>
            <input type="hidden" name="productId" value={line.productId} />
            <Button
              variant="danger"
              size="sm"
              name="intent"
              value={CART_INTENT.remove}
              disabled={busy}
              className="max-md:min-h-11"
              aria-label={t("cart.removeNamed", { title: line.title })}
            >
              {t("cart.remove")}
            </Button>
          </fetcher.Form>
        </div>
      </div>
      <p className="shrink-0 font-semibold" data-testid="line-total">
        {line.problem ? "—" : <MoneyText cents={line.lineCents} currency="USD" stacked />}
      </p>
    </li>
  );
}
