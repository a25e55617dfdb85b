import { plainTextSelectors, render } from "@react-email/render";
import type { ReactElement } from "react";
import { LOCALE_INFO, localizePath, type Locale } from "#app/i18n/locales.ts";
import { createTranslator, type Translate } from "#app/i18n/translate.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { formatMoney } from "#app/utils/money.ts";
import { ButtonLink, EmailLayout, Heading, Lines, muted, text } from "./layout.tsx";
import { dateTimeFormat } from "#app/utils/intl.ts";

/**
 * Every email the app sends (decision 021): its data (a snapshot taken when the event happened, so
 * the email tells what was true then), its subject and body in the recipient's language. Links are
 * paths here; the layout makes them absolute on the canonical origin.
 */
export interface EmailLine {
  title: string;
  quantity: number;
  unitCents: number;
}

/** One store's parcel: how it is sent, what it cost (0: free) and when it should arrive (Beijing days). */
export interface EmailShipping {
  method: "postal" | "express";
  costCents: number;
  arriveFrom: string;
  arriveBy: string;
}

export interface EmailPayloads {
  order_confirmation: {
    orderId: number;
    currency: string;
    /** `shipping`: the store's parcel (absent in mail queued before decision 025). */
    stores: { storeName: string; lines: EmailLine[]; shipping?: EmailShipping | null }[];
    /** The goods alone (absent in older mail). */
    goodsCents?: number;
    /** The estimated import tax charged with an order to mainland China; null: none. */
    taxCents?: number | null;
    /** What was charged in all: goods + shipping + tax. */
    totalCents: number;
    /** The order page; for a guest it carries the order's access token. */
    orderPath: string;
  };
  store_new_order: {
    orderId: number;
    storeName: string;
    currency: string;
    lines: EmailLine[];
    subtotalCents: number;
    /** What the shopper paid this store for shipping (absent in mail queued before decision 025). */
    shipping?: EmailShipping | null;
    /** `lines`: the address formatted for its destination (absent in mail queued before decision 026). */
    shipTo: { name: string; address: string; city: string; postalCode: string; country: string; lines?: string[] };
  };
  line_shipped: {
    orderId: number;
    title: string;
    quantity: number;
    storeName: string;
    carrier: string;
    trackingNumber: string;
    trackingUrl: string | null;
    orderPath: string;
  };
  refund_issued: { orderId: number; currency: string; amountCents: number; reason: string; orderPath: string };
  store_decision: { storeName: string; decision: "approved" | "rejected" | "suspended"; reason: string | null };
  low_stock: { storeName: string; threshold: number; products: { id: number; title: string; available: number }[] };
  email_verification: { token: string };
  password_reset: { token: string; minutes: number };
  email_changed: { newEmail: string };
  /** "Remind me" (decision 036): what starts when, and the page it is on. */
  reminder: {
    kind: "festival" | "session" | "slot";
    title: string;
    festivalName: string;
    startsAt: string;
    endsAt: string;
    path: string;
  };
}

export type EmailKind = keyof EmailPayloads;

/** Non-transactional kinds carry one-click unsubscribe; the topic is what the recipient turns off. */
export const OPTIONAL_TOPIC: Partial<Record<EmailKind, string>> = { low_stock: "low_stock", reminder: "reminders" };

interface Context {
  locale: Locale;
  t: Translate;
  origin: string;
  /** An absolute URL for a path in the recipient's language. */
  url: (path: string) => string;
  money: (cents: number, currency: string) => string;
}

type Template<K extends EmailKind> = (
  payload: EmailPayloads[K],
  ctx: Context,
) => { subject: string; preview: string; body: ReactElement };

const lineRows = (lines: EmailLine[], currency: string, ctx: Context) =>
  lines.map((l) => ({
    label: `${l.title} × ${l.quantity}`,
    amount: ctx.money(l.unitCents * l.quantity, currency),
  }));

const orderNumber = (id: number) => `#${id}`;

/** "Shipping (Postal / EMS), arrives 13–26 Dec: US$13.00" (or "Free"). */
const shippingRow = (shipping: EmailShipping, currency: string, ctx: Context) => ({
  label: ctx.t("email.shippingLine", {
    method: ctx.t(`shipping.method.${shipping.method}`),
    from: formatDate(shipping.arriveFrom, ctx.locale),
    to: formatDate(shipping.arriveBy, ctx.locale),
  }),
  amount: shipping.costCents === 0 ? ctx.t("shipping.free") : ctx.money(shipping.costCents, currency),
});

/** "2026-12-13" → "13 Dec" / "12月13日" / "13 déc." (a Beijing calendar day, shown as such). */
function formatDate(day: string, locale: Locale): string {
  return dateTimeFormat(LOCALE_INFO[locale].intl, { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

const TEMPLATES: { [K in EmailKind]: Template<K> } = {
  order_confirmation: (p, ctx) => {
    const { t, url, money } = ctx;
    const subject = t("email.orderConfirmation.subject", { order: orderNumber(p.orderId) });
    return {
      subject,
      preview: t("email.orderConfirmation.intro", { total: money(p.totalCents, p.currency) }),
      body: (
        <>
          <Heading>{t("email.orderConfirmation.heading")}</Heading>
          <p style={text}>{t("email.orderConfirmation.intro", { total: money(p.totalCents, p.currency) })}</p>
          {p.stores.map((s) => (
            <div key={s.storeName}>
              <p style={{ ...text, fontWeight: 600, margin: "12px 0 4px" }}>{s.storeName}</p>
              <Lines
                rows={[
                  ...lineRows(s.lines, p.currency, ctx),
                  ...(s.shipping ? [shippingRow(s.shipping, p.currency, ctx)] : []),
                ]}
              />
            </div>
          ))}
          <Lines
            rows={[
              ...(p.goodsCents !== undefined
                ? [{ label: t("email.goodsSubtotal"), amount: money(p.goodsCents, p.currency) }]
                : []),
              ...(p.goodsCents !== undefined
                ? [
                    {
                      label: t("email.shippingTotal"),
                      amount: money(
                        p.stores.reduce((n, s) => n + (s.shipping?.costCents ?? 0), 0),
                        p.currency,
                      ),
                    },
                  ]
                : []),
              ...(p.taxCents ? [{ label: t("tax.line"), amount: money(p.taxCents, p.currency) }] : []),
              {
                label: p.goodsCents !== undefined && p.currency === "USD" ? t("email.totalCharged") : t("email.total"),
                amount: money(p.totalCents, p.currency),
              },
            ]}
          />
          <p style={text}>{t("email.orderConfirmation.next")}</p>
          <ButtonLink href={url(p.orderPath)}>{t("email.viewOrder")}</ButtonLink>
        </>
      ),
    };
  },
  store_new_order: (p, ctx) => {
    const { t, url, money } = ctx;
    return {
      subject: t("email.storeNewOrder.subject", { order: orderNumber(p.orderId), store: p.storeName }),
      preview: t("email.storeNewOrder.intro", { store: p.storeName }),
      body: (
        <>
          <Heading>{t("email.storeNewOrder.heading", { order: orderNumber(p.orderId) })}</Heading>
          <p style={text}>{t("email.storeNewOrder.intro", { store: p.storeName })}</p>
          <Lines rows={lineRows(p.lines, p.currency, ctx)} />
          <Lines
            rows={[
              { label: t("email.subtotal"), amount: money(p.subtotalCents, p.currency) },
              ...(p.shipping
                ? [
                    shippingRow(p.shipping, p.currency, ctx),
                    {
                      label: t("email.storeTotal"),
                      amount: money(p.subtotalCents + p.shipping.costCents, p.currency),
                    },
                  ]
                : []),
            ]}
          />
          <p style={{ ...text, fontWeight: 600, margin: "12px 0 4px" }}>{t("email.shipTo")}</p>
          <p style={text}>
            {p.shipTo.name}
            {(
              p.shipTo.lines ?? [
                p.shipTo.address,
                [p.shipTo.postalCode, p.shipTo.city].filter(Boolean).join(" "),
                p.shipTo.country,
              ]
            ).map((line, i) => (
              <span key={i}>
                <br />
                {line}
              </span>
            ))}
          </p>
          <ButtonLink href={url(`/sell/orders/${p.orderId}`)}>{t("email.storeNewOrder.button")}</ButtonLink>
        </>
      ),
    };
  },
  line_shipped: (p, { t, url }) => ({
    subject: t("email.lineShipped.subject", { order: orderNumber(p.orderId) }),
    preview: t("email.lineShipped.intro", { title: p.title, store: p.storeName }),
    body: (
      <>
        <Heading>{t("email.lineShipped.heading")}</Heading>
        <p style={text}>{t("email.lineShipped.intro", { title: `${p.title} × ${p.quantity}`, store: p.storeName })}</p>
        <p style={text}>
          {t("email.lineShipped.tracking", { carrier: p.carrier, number: p.trackingNumber })}
          {p.trackingUrl ? (
            <>
              {" · "}
              <a href={p.trackingUrl} style={{ color: "#8f3f1f" }}>
                {t("email.lineShipped.track")}
              </a>
            </>
          ) : null}
        </p>
        <ButtonLink href={url(p.orderPath)}>{t("email.viewOrder")}</ButtonLink>
      </>
    ),
  }),
  refund_issued: (p, { t, url, money }) => ({
    subject: t("email.refund.subject", { order: orderNumber(p.orderId) }),
    preview: t("email.refund.intro", { amount: money(p.amountCents, p.currency) }),
    body: (
      <>
        <Heading>{t("email.refund.heading")}</Heading>
        <p style={text}>{t("email.refund.intro", { amount: money(p.amountCents, p.currency) })}</p>
        <p style={text}>{t("email.refund.reason", { reason: p.reason })}</p>
        <p style={muted}>{t("email.refund.timing")}</p>
        <ButtonLink href={url(p.orderPath)}>{t("email.viewOrder")}</ButtonLink>
      </>
    ),
  }),
  store_decision: (p, { t, url }) => {
    const key = {
      approved: { subject: "email.store.approvedSubject", body: "email.store.approvedBody" },
      rejected: { subject: "email.store.rejectedSubject", body: "email.store.rejectedBody" },
      suspended: { subject: "email.store.suspendedSubject", body: "email.store.suspendedBody" },
    }[p.decision] as { subject: "email.store.approvedSubject"; body: "email.store.approvedBody" };
    return {
      subject: t(key.subject, { store: p.storeName }),
      preview: t(key.body, { store: p.storeName }),
      body: (
        <>
          <Heading>{t(key.subject, { store: p.storeName })}</Heading>
          <p style={text}>{t(key.body, { store: p.storeName })}</p>
          {p.reason ? <p style={text}>{t("email.store.reason", { reason: p.reason })}</p> : null}
          <ButtonLink href={url("/sell")}>{t("email.store.button")}</ButtonLink>
        </>
      ),
    };
  },
  low_stock: (p, { t, url }) => ({
    subject: t("email.lowStock.subject", { store: p.storeName, count: p.products.length }),
    preview: t("email.lowStock.intro", { threshold: p.threshold }),
    body: (
      <>
        <Heading>{t("email.lowStock.heading")}</Heading>
        <p style={text}>{t("email.lowStock.intro", { threshold: p.threshold })}</p>
        <Lines
          rows={p.products.map((x) => ({ label: x.title, amount: t("email.lowStock.left", { count: x.available }) }))}
        />
        <ButtonLink href={url("/sell/products")}>{t("email.lowStock.button")}</ButtonLink>
      </>
    ),
  }),
  email_verification: (p, { t, url }) => ({
    subject: t("email.verify.subject"),
    preview: t("email.verify.intro"),
    body: (
      <>
        <Heading>{t("email.verify.heading")}</Heading>
        <p style={text}>{t("email.verify.intro")}</p>
        <ButtonLink href={url(`/account/verify?token=${encodeURIComponent(p.token)}`)}>
          {t("email.verify.button")}
        </ButtonLink>
        <p style={muted}>{t("email.verify.ignore")}</p>
      </>
    ),
  }),
  password_reset: (p, { t, url }) => ({
    subject: t("email.reset.subject"),
    preview: t("email.reset.intro", { minutes: p.minutes }),
    body: (
      <>
        <Heading>{t("email.reset.heading")}</Heading>
        <p style={text}>{t("email.reset.intro", { minutes: p.minutes })}</p>
        <ButtonLink href={url(`/reset-password?token=${encodeURIComponent(p.token)}`)}>
          {t("email.reset.button")}
        </ButtonLink>
        <p style={muted}>{t("email.reset.ignore")}</p>
      </>
    ),
  }),
  reminder: (p, { t, url, locale }) => {
    const time = `${formatDateTime(p.startsAt, locale, CHINA_TIME_ZONE)} (${t("festivals.beijingTime")})`;
    const subject = t(
      p.kind === "festival"
        ? "reminders.email.subjectFestival"
        : p.kind === "slot"
          ? "reminders.email.subjectSlot"
          : "reminders.email.subjectSession",
      { title: p.title },
    );
    return {
      subject,
      preview: t("reminders.email.startsAt", { time }),
      body: (
        <>
          <Heading>{p.title}</Heading>
          {p.kind !== "festival" ? <p style={text}>{p.festivalName}</p> : null}
          <p style={text}>{t("reminders.email.startsAt", { time })}</p>
          <ButtonLink href={url(p.path)}>{t("reminders.email.button")}</ButtonLink>
          <p style={muted}>{t("reminders.email.why")}</p>
        </>
      ),
    };
  },
  email_changed: (p, { t }) => ({
    subject: t("email.changed.subject"),
    preview: t("email.changed.intro", { email: p.newEmail }),
    body: (
      <>
        <Heading>{t("email.changed.heading")}</Heading>
        <p style={text}>{t("email.changed.intro", { email: p.newEmail })}</p>
        <p style={muted}>{t("email.changed.notYou")}</p>
      </>
    ),
  }),
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Subject, HTML and plain text of one email, in `locale`, with links on `origin`. */
export async function renderEmail<K extends EmailKind>(
  kind: K,
  payload: EmailPayloads[K],
  locale: Locale,
  { origin, unsubscribeUrl }: { origin: string; unsubscribeUrl?: string },
): Promise<RenderedEmail> {
  const t = createTranslator(locale);
  const ctx: Context = {
    locale,
    t,
    origin,
    url: (path) => `${origin}${localizePath(path, locale)}`,
    money: (cents, currency) => formatMoney(cents, currency, locale),
  };
  const template = TEMPLATES[kind] as Template<K>;
  const { subject, preview, body } = template(payload, ctx);
  const element = (
    <EmailLayout locale={locale} t={t} origin={origin} preview={preview} unsubscribeUrl={unsubscribeUrl}>
      {body}
    </EmailLayout>
  );
  const [html, plain] = await Promise.all([
    render(element),
    render(element, {
      plainText: true,
      // Order lines read as rows in plain text ("Coffee beans × 2   $37.80"), not run together.
      htmlToTextOptions: {
        selectors: [...plainTextSelectors, { selector: "table.lines", format: "dataTable" }],
      },
    }),
  ]);
  return { subject, html, text: plain };
}
