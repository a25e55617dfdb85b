import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DealSplitNote } from "#app/components/deal-price.tsx";
import { Field } from "#app/components/field.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { Price } from "#app/components/price.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import { formatFen } from "#app/utils/money.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { deliveryLines, getCartView } from "#app/models/cart.server.ts";
import { DeliveryTotals, StoreShipping } from "#app/components/delivery.tsx";
import { priceDelivery } from "#app/models/shipping/delivery.server.ts";
import { destinationCode } from "#app/models/shipping/zones.ts";
import { readDeliveryPrefs, writeDeliveryPrefs } from "#app/utils/delivery-cookie.server.ts";
import { cancelUnpaidOrder, placeOrder } from "#app/models/checkout.server.ts";
import { closePaymentPage, paymentMode, startPayment } from "#app/models/payments.server.ts";
import { shippingSchema } from "#app/utils/checkout-form.ts";
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
  const prefs = await readDeliveryPrefs(request, locale);
  const delivery = priceDelivery({
    destination: prefs.destination,
    lines: deliveryLines(cart),
    choices: prefs.choices,
    payer: user ? { userId: user.id, email: user.email } : null,
  });
  return {
    cart,
    delivery,
    destination: prefs.destination,
    email: user?.email ?? "",
    mode: paymentMode(),
    reservationMinutes: loadEnv().CHECKOUT_RESERVATION_MINUTES,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale, clientIp: ip, cartOwner: owner, user } = context;
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: shippingSchema });
  const wait = await hitRateLimit("checkout", ip, CHECKOUT_LIMIT);
  if (wait)
    return data(
      { result: submission.reply({ formErrors: ["checkout.tooMany"] }), unavailable: [] as string[] },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  if (submission.status !== "success")
    return data({ result: submission.reply(), unavailable: [] as string[] }, { status: 400 });
  const mode = paymentMode();
  if (mode === "unavailable")
    return data(
      { result: submission.reply({ formErrors: ["checkout.unavailable"] }), unavailable: [] as string[] },
      { status: 503 },
    );

  if (!owner) throw redirect(localizePath("/cart", locale));
  // Shipping and tax were shown for the cart's destination: an address in another country is
  // priced again and shown before anything is placed (the destination is remembered for the cart).
  const prefs = await readDeliveryPrefs(request, locale);
  const destination = destinationCode(submission.value.country);
  if (destination === null)
    return data(
      {
        result: submission.reply({ fieldErrors: { country: ["shipping.errorCountry"] } }),
        unavailable: [] as string[],
      },
      { status: 400 },
    );
  // The page showed shipping and tax for the cart's destination (and sent the total it showed): an
  // address in another country that changes the total is priced again and shown before anything is
  // placed. The address's country is remembered for the cart either way.
  const headers = new Headers();
  if (destination !== prefs.destination) {
    prefs.destination = destination;
    headers.append("Set-Cookie", await writeDeliveryPrefs(prefs));
    const shown = formText(form, "shownTotal");
    const now = priceDelivery({
      destination,
      lines: deliveryLines(getCartView(owner, locale)),
      choices: prefs.choices,
      payer: { userId: user?.id ?? null, email: submission.value.email },
    });
    if (shown !== "" && shown !== String(now.totalCents))
      return data(
        { result: submission.reply({ formErrors: ["shipping.destinationChanged"] }), unavailable: [] as string[] },
        { status: 409, headers },
      );
  }
  // A guest is known by their address only now: if earlier orders with it used up a deal's limit
  // per shopper, the total is not what the cart showed. Say so and let them accept the new total.
  if (!user) {
    const shown = getCartView(owner, locale);
    const priced = getCartView(owner, locale, { guestEmail: submission.value.email });
    if (priced.totalCents !== shown.totalCents && formText(form, "acceptTotal") !== String(priced.totalCents))
      return data(
        {
          result: submission.reply({ formErrors: ["checkout.limitUsed"] }),
          unavailable: [] as string[],
          priced,
        },
        { status: 409 },
      );
  }
  const placed = placeOrder({
    owner,
    userId: user?.id ?? null,
    shipping: submission.value,
    locale,
    provider: mode,
    shippingChoices: prefs.choices,
  });
  if (!placed.ok) {
    if (placed.error === "empty") throw redirect(localizePath("/cart", locale));
    if (placed.error === "destination")
      return data(
        {
          result: submission.reply({ fieldErrors: { country: ["shipping.errorCountry"] } }),
          unavailable: [] as string[],
        },
        { status: 400 },
      );
    if (placed.error === "taxLimit")
      return data(
        {
          result: submission.reply({ formErrors: [`tax.${placed.limit}`] }),
          unavailable: [] as string[],
          taxLimit: { limit: placed.limit, remainingFen: placed.remainingFen },
        },
        { status: 409 },
      );
    const cart = getCartView(owner, locale);
    const names = cart.lines.filter((l) => placed.productIds.includes(l.productId)).map((l) => l.title);
    return data(
      {
        result: submission.reply({
          formErrors: [placed.error === "notShipped" ? "shipping.notShippedCheckout" : "checkout.soldOut"],
        }),
        unavailable: names,
      },
      { status: 409 },
    );
  }
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
    return data(
      { result: submission.reply({ formErrors: ["checkout.providerDown"] }), unavailable: [] as string[] },
      { status: 502 },
    );
  }
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("checkout.title"));

export default function Checkout() {
  const { cart: loaded, delivery, destination, email, mode, reservationMinutes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // After a refusal that priced the cart for the guest's address, the summary shows those prices.
  const priced = (result as { priced?: typeof loaded } | undefined)?.priced ?? null;
  const cart = priced ?? loaded;
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  const pending = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "checkout",
    lastResult: result?.result,
    defaultValue: { email, country: destination },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: shippingSchema }),
  });
  const error = (field: FieldMetadata<unknown>) => (field.errors?.[0] ? t(field.errors[0] as MessageKey) : undefined);
  const input = (
    field: FieldMetadata<string | undefined>,
    label: string,
    extra: { type?: "text" | "email" | "tel"; autoComplete?: string; required?: boolean } = {},
  ) => (
    <Field
      label={label}
      errorId={field.errorId}
      error={error(field)}
      autoComplete={extra.autoComplete}
      {...getInputProps(field, { type: extra.type ?? "text" })}
      key={field.key}
    />
  );
  return (
    <>
      <PageHeading title={t("checkout.title")} />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <Form
          method="post"
          {...getFormProps(form)}
          className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
        >
          {form.errors?.length ? (
            <Notice tone="error" data-testid="checkout-error">
              {form.errors.map((e) => (
                <p key={e}>
                  {e.startsWith("tax.")
                    ? t(e as MessageKey, {
                        amount: formatFen(
                          e === "tax.annualLimit"
                            ? ((result as { taxLimit?: { remainingFen: number } }).taxLimit?.remainingFen ?? 0)
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
          <div className="grid gap-4 sm:grid-cols-2">
            {input(fields.email, t("auth.email"), { type: "email", autoComplete: "email" })}
            {input(fields.name, t("checkout.name"), { autoComplete: "name" })}
            {input(fields.phone, t("checkout.phone"), { type: "tel", autoComplete: "tel" })}
            {input(fields.address, t("checkout.address"), { autoComplete: "street-address" })}
            {input(fields.city, t("checkout.city"), { autoComplete: "address-level2" })}
            {input(fields.postcode, t("checkout.postcode"), { autoComplete: "postal-code" })}
            {input(fields.country, t("checkout.country"), { autoComplete: "country-name" })}
          </div>
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
          <Button pending={pending} disabled={mode === "unavailable"}>
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
              totalTestId="checkout-total"
            />
          </div>
        </aside>
      </div>
    </>
  );
}
