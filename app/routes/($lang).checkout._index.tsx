import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AddressFields } from "#app/components/address-fields.tsx";
import { FlashSlotLineNote } from "#app/components/flash-sale.tsx";
import { DealSplitNote } from "#app/components/deal-price.tsx";
import { Field } from "#app/components/field.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { Price } from "#app/components/price.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { DeliveryTotals, StoreShipping } from "#app/components/delivery.tsx";
import { getCartView } from "#app/models/cart.server.ts";
import { CartVouchersPanel } from "#app/components/cart-vouchers.tsx";
import { cartVouchers, deliveryLinesAfterVouchers } from "#app/models/vouchers/cart.server.ts";
import { readVoucherChoice } from "#app/utils/voucher-cookie.server.ts";
import { priceDelivery } from "#app/models/shipping/delivery.server.ts";
import { destinationCode } from "#app/models/shipping/zones.ts";
import { readDeliveryPrefs, writeDeliveryPrefs } from "#app/utils/delivery-cookie.server.ts";
import { formatFen } from "#app/utils/money.ts";
import { cancelUnpaidOrder, placeOrder } from "#app/models/checkout.server.ts";
import { closePaymentPage, paymentMode, startPayment } from "#app/models/payments.server.ts";
import { emailSchema } from "#app/utils/checkout-form.ts";
import {
  addressFormState,
  addressValues,
  echoValues,
  parseAddress,
  parseCustoms,
  type FieldErrors,
} from "#app/utils/address-form.server.ts";
import { getAddress, listAddresses, saveAddress } from "#app/models/addresses.server.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { publicOrigin } from "#app/utils/origin.server.ts";
import { CHECKOUT_LIMIT, hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";
import { formText } from "#app/utils/form-values.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale, user } = context;
  const cart = getCartView(context.cartOwner, locale);
  if (!cart.canCheckout) throw redirect(localizePath("/cart", locale));
  // A signed-in shopper's saved addresses: the one chosen (?address=id), else the default, fills the form.
  const saved = user ? listAddresses(user.id, locale) : [];
  const chosenId = Number(new URL(request.url).searchParams.get("address"));
  const chosen = (user && chosenId ? getAddress(user.id, chosenId, locale) : null) ?? saved.find((a) => a.isDefault);
  // Shipping and tax are shown for the cart's destination (chosen in the cart, decision 025).
  const prefs = await readDeliveryPrefs(request, locale);
  const vouchers = cartVouchers(user?.id ?? null, cart, await readVoucherChoice(request), locale);
  const delivery = priceDelivery({
    destination: prefs.destination,
    lines: deliveryLinesAfterVouchers(cart, vouchers),
    choices: prefs.choices,
    payer: user ? { userId: user.id, email: user.email } : null,
  });
  const values: Record<string, string> = chosen
    ? { ...addressValues(chosen), addressId: String(chosen.id) }
    : { country: prefs.destination };
  return {
    cart,
    delivery,
    vouchers,
    mode: paymentMode(),
    reservationMinutes: loadEnv().CHECKOUT_RESERVATION_MINUTES,
    signedIn: user !== null,
    saved: saved.map((a) => ({ id: a.id, isDefault: a.isDefault, name: a.name, lines: a.lines })),
    address: addressFormState({ ...values, email: user?.email ?? "" }, {}, locale),
  };
}

type Reply = {
  address: ReturnType<typeof addressFormState>;
  formErrors: string[];
  unavailable: string[];
  priced?: ReturnType<typeof getCartView>;
  taxLimit?: { limit: string; remainingFen: number };
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale, clientIp: ip, cartOwner: owner, user } = context;
  const form = await request.formData();
  // Never the ID number: it is not shown again after a refusal (the shopper types it again).
  const values = echoValues(form);
  const reply = (errors: FieldErrors, formErrors: string[] = [], extra: Partial<Reply> = {}): Reply => ({
    address: addressFormState(values, errors, locale),
    formErrors,
    unavailable: [],
    ...extra,
  });
  // Without JavaScript: a new destination, province or city was chosen; show its next choices.
  if (formText(form, "intent") === "update") return data(reply({}));

  const email = emailSchema.safeParse(formText(form, "email"));
  const address = parseAddress(form);
  const customs = values.country === "CN" ? parseCustoms(form) : null;
  const errors: FieldErrors = {
    ...(email.success ? {} : { email: "checkout.errorEmail" as const }),
    ...(address.ok ? {} : address.errors),
    ...(customs && !customs.ok ? customs.errors : {}),
  };
  const wait = await hitRateLimit("checkout", ip, CHECKOUT_LIMIT);
  if (wait) return data(reply(errors, ["checkout.tooMany"]), { status: 429, headers: { "Retry-After": String(wait) } });
  if (!email.success || !address.ok || (customs && !customs.ok)) return data(reply(errors), { status: 400 });
  const mode = paymentMode();
  if (mode === "unavailable") return data(reply({}, ["checkout.unavailable"]), { status: 503 });

  if (!owner) throw redirect(localizePath("/cart", locale));
  // The page showed shipping and tax for the cart's destination (and sent the total it showed): an
  // address in another country that changes the total is priced again and shown before anything is
  // placed. The address's country is remembered for the cart either way.
  const prefs = await readDeliveryPrefs(request, locale);
  const voucherChoice = await readVoucherChoice(request);
  const destination = destinationCode(address.value.country);
  if (destination === null) return data(reply({ country: "shipping.errorCountry" }), { status: 400 });
  const headers = new Headers();
  if (destination !== prefs.destination) {
    prefs.destination = destination;
    headers.append("Set-Cookie", await writeDeliveryPrefs(prefs));
    const shown = formText(form, "shownTotal");
    const cartNow = getCartView(owner, locale);
    const now = priceDelivery({
      destination,
      lines: deliveryLinesAfterVouchers(cartNow, cartVouchers(user?.id ?? null, cartNow, voucherChoice, locale)),
      choices: prefs.choices,
      payer: { userId: user?.id ?? null, email: email.data },
    });
    if (shown !== "" && shown !== String(now.totalCents))
      return data(reply({}, ["shipping.destinationChanged"]), { status: 409, headers });
  }
  // A guest is known by their address only now: if earlier orders with it used up a deal's limit
  // per shopper, the total is not what the cart showed. Say so and let them accept the new total.
  if (!user) {
    const shown = getCartView(owner, locale);
    const priced = getCartView(owner, locale, { guestEmail: email.data });
    if (priced.totalCents !== shown.totalCents && formText(form, "acceptTotal") !== String(priced.totalCents))
      return data(reply({}, ["checkout.limitUsed"], { priced }), { status: 409 });
  }
  const shipping = { ...address.value, email: email.data, customs: customs?.ok ? customs.value : null };
  const placed = placeOrder({
    owner,
    userId: user?.id ?? null,
    shipping,
    locale,
    provider: mode,
    shippingChoices: prefs.choices,
    voucherChoice,
  });
  if (!placed.ok) {
    if (placed.error === "empty") throw redirect(localizePath("/cart", locale));
    if (placed.error === "destination")
      return data(reply({ country: "shipping.errorCountry" }), { status: 400, headers });
    if (placed.error === "taxLimit")
      return data(
        reply({}, [`tax.${placed.limit}`], { taxLimit: { limit: placed.limit, remainingFen: placed.remainingFen } }),
        { status: 409, headers },
      );
    const cart = getCartView(owner, locale);
    const names = cart.lines.filter((l) => placed.productIds.includes(l.productId)).map((l) => l.title);
    const refusal = placed.error === "notShipped" ? "shipping.notShippedCheckout" : "checkout.soldOut";
    return data(reply({}, [refusal], { unavailable: names }), { status: 409, headers });
  }
  // "Save this address": the address only, never the customs details (decision 026).
  if (user && formText(form, "saveAddress") === "on") saveAddress(user.id, null, address.value);
  const origin = publicOrigin(request);
  // The orders this one replaced must not be paid on a page still open at Stripe.
  for (const id of placed.superseded) await closePaymentPage(id);
  try {
    const started = await startPayment(placed.orderId, origin);
    if (started.ok) return redirect(started.redirectTo, { headers });
    throw new Error(`a new order could not be paid: ${started.error}`);
  } catch (error) {
    // The payment provider could not be reached: release the units (the cart was never emptied), say so plainly.
    logger.error({ orderId: placed.orderId }, `checkout: could not start payment: ${errorMessage(error)}`);
    cancelUnpaidOrder(placed.orderId, { kind: "system" }, "payment-start-failed");
    return data(reply({}, ["checkout.providerDown"]), { status: 502 });
  }
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("checkout.title"));

export default function Checkout() {
  const {
    cart: loaded,
    delivery,
    vouchers,
    mode,
    reservationMinutes,
    address: loadedAddress,
    saved,
    signedIn,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Reply | undefined;
  // After a refusal that priced the cart for the guest's address, the summary shows those prices.
  const priced = result?.priced ?? null;
  const cart = priced ?? loaded;
  const address = result?.address ?? loadedAddress;
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") !== "update";
  const formErrors = result?.formErrors ?? [];
  const emailError = address.errors.email;
  return (
    <>
      <PageHeading title={t("checkout.title")} />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <Form
          method="post"
          id="checkout"
          noValidate
          className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
        >
          {/*
            Enter in a text field presses the form's first submit button. Without JavaScript the
            address form has an "update" button before "pay"; this invisible copy of "pay" comes first.
          */}
          <button type="submit" name="intent" value="pay" tabIndex={-1} aria-hidden="true" className="sr-only" />
          {formErrors.length ? (
            <Notice tone="error" data-testid="checkout-error">
              {formErrors.map((e) => (
                <p key={e}>
                  {e.startsWith("tax.")
                    ? t(e as MessageKey, {
                        amount: formatFen(
                          e === "tax.annualLimit"
                            ? (result?.taxLimit?.remainingFen ?? 0)
                            : delivery.tax.kind === "refused"
                              ? delivery.tax.dutiableFen
                              : 500_000,
                          locale,
                        ),
                      })
                    : t(e as MessageKey)}
                </p>
              ))}
              {result?.unavailable.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {result.unavailable.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              ) : null}
              {result?.unavailable.length ? (
                <Link to={href("/cart")} className="mt-1 inline-block underline">
                  {t("checkout.backToCart")}
                </Link>
              ) : null}
            </Notice>
          ) : null}
          <h2 className="font-semibold text-clay-900">{t("checkout.shipping")}</h2>
          {saved.length > 0 ? (
            <nav aria-label={t("address.saved")} className="space-y-2" data-testid="saved-addresses">
              <h3 className="text-sm font-medium text-stone-800">{t("address.saved")}</h3>
              <ul className="grid gap-2 sm:grid-cols-2">
                {saved.map((a) => {
                  const current = address.values.addressId === String(a.id);
                  return (
                    <li
                      key={a.id}
                      className={`rounded border p-2 text-sm ${current ? "border-clay-700 bg-clay-50" : "border-stone-200"}`}
                    >
                      <p className="font-medium">
                        {a.name}
                        {a.isDefault ? (
                          <span className="ml-2 rounded bg-stone-100 px-1 text-xs">{t("address.book.default")}</span>
                        ) : null}
                      </p>
                      <p className="text-stone-700">{a.lines.join(", ")}</p>
                      {current ? null : (
                        <Link
                          to={`${href("/checkout")}?address=${a.id}`}
                          className="text-clay-700 underline"
                          preventScrollReset
                        >
                          {t("address.useSaved")}
                        </Link>
                      )}
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}
          <Field
            key={`email-${address.values.email ?? ""}`}
            name="email"
            type="email"
            label={t("auth.email")}
            autoComplete="email"
            defaultValue={address.values.email ?? ""}
            error={emailError ? t(emailError as MessageKey) : undefined}
          />
          <AddressFields state={address} withCustoms />
          {signedIn ? (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="saveAddress"
                defaultChecked={address.values.saveAddress === "on"}
                key={`save-${address.values.saveAddress ?? ""}`}
              />
              {t("address.saveAddress")}
            </label>
          ) : null}
          {mode === "demo" ? (
            <Notice tone="info" announce={false} data-testid="demo-notice">
              {t("checkout.demoNotice")}
            </Notice>
          ) : mode === "unavailable" ? (
            <Notice tone="error">{t("checkout.unavailable")}</Notice>
          ) : null}
          {priced ? <input type="hidden" name="acceptTotal" value={priced.totalCents} /> : null}
          <input type="hidden" name="shownTotal" value={delivery.totalCents} />
          <p className="text-xs text-stone-600">{t("checkout.reservationNote", { minutes: reservationMinutes })}</p>
          <Button pending={pending} disabled={mode === "unavailable"} name="intent" value="pay">
            {pending ? t("checkout.placing") : t("checkout.pay")}
          </Button>
        </Form>
        <aside className="h-fit rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="order-summary">
          <h2 id="order-summary" className="mb-3 font-semibold text-clay-900">
            {t("cart.summary")}
          </h2>
          <ul className="space-y-2 text-sm">
            {cart.lines.map((line) => (
              <li key={line.productId} className="flex justify-between gap-3">
                <span>
                  {line.title} × {line.quantity}
                  {line.deal && line.dealUnits > 0 ? (
                    <span className="block text-xs text-red-800">{line.deal.festival.name}</span>
                  ) : null}
                  <DealSplitNote line={line} />
                  <FlashSlotLineNote line={line} />
                </span>
                <Price cents={line.lineCents} currency="USD" />
              </li>
            ))}
          </ul>
          {cart.stores.map((store) => (
            <div key={store.id} className="mt-3 rounded border border-stone-200">
              <p className="px-4 pt-2 text-sm font-semibold">{t("cart.soldBy", { store: store.name })}</p>
              <StoreShipping store={store} delivery={delivery} back="checkout" chooser={false} />
            </div>
          ))}
          <Link to={href("/cart")} className="mt-2 inline-block text-sm text-clay-700 underline">
            {t("shipping.changeInCart")}
          </Link>
          <div className="mt-3 border-t border-stone-200 pt-3">
            <CartVouchersPanel vouchers={vouchers} stores={cart.stores} back="checkout" />
          </div>
          <div className="mt-3 border-t border-stone-200 pt-3">
            <DeliveryTotals
              delivery={
                priced
                  ? {
                      ...delivery,
                      goodsCents: priced.totalCents,
                      totalCents: priced.totalCents + delivery.shippingCents + delivery.taxCents,
                    }
                  : delivery
              }
              stores={cart.stores}
              discountCents={priced ? 0 : (vouchers?.discountCents ?? 0)}
              totalTestId="checkout-total"
            />
          </div>
        </aside>
      </div>
    </>
  );
}
