import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as orderPage from "#app/routes/($lang).account.orders.$id.tsx";
import { sendDueNotifications } from "#app/models/notifications.server.ts";
import { LOW_STOCK_THRESHOLD } from "#app/models/notify-events.server.ts";
import { markLineShipped } from "#app/models/orders.server.ts";
import { requestRefund, sendRefund } from "#app/models/refunds.server.ts";
import { reviewStore } from "#app/models/admin/store-reviews.server.ts";
import { applyPaymentEvent } from "#app/models/payments.server.ts";
import { findOwnStore } from "#app/models/access.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { closeMailer } from "#app/utils/mailer.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import { notifications, orderItems, orders, orderTaxes, stores } from "#db/schema/index.ts";
import { organizer, ownerOf } from "#tests/support/auth.ts";
import { setEnv, useEnv } from "#tests/support/env.ts";
import { createProduct, freeShipping, setShipping } from "#tests/support/factories.ts";
import { SHANGHAI_FORM } from "#tests/support/addresses.ts";
import { routeArgs } from "#tests/support/loaders.ts";
import { payDemo, placeGuestOrder } from "#tests/support/shop.ts";
import { linkIn, rawHeader, startSmtpSink, useSmtpSink, type SmtpSink } from "#tests/support/smtp.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

/**
 * What the shopper and each store are told, through the real routes and a real SMTP server: a
 * guest's paid order in Chinese, one email per store with only its lines in its owner's language,
 * a shipped line with a tracking link, a refund, store decisions, the daily low-stock notice.
 */
useEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, PUBLIC_URL: "https://market.example" });

const COFFEE = "yirga-highlands-coffee"; // Ethiopia: its owner reads English
const BISSAP = "dakar-bissap-house"; // Senegal: its owner reads French

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  useSmtpSink(sink);
});
afterAll(async () => {
  closeMailer();
  setEnv({ SMTP_URL: undefined });
  await sink.stop();
});
beforeEach(() => {
  getDb().delete(notifications).run();
  sink.messages.length = 0;
  resetRateLimits();
  setClock(null);
});

/** Sends what is queued and returns the new messages. */
async function deliver(): Promise<ParsedMail[]> {
  const before = sink.messages.length;
  const sent = await sendDueNotifications();
  await sink.waitFor(before + sent);
  return sink.messages.slice(before);
}
const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0]!.text : mail.to!.text);

function twoStoreProducts() {
  const coffee = createProduct(getDb(), {
    storeSlug: COFFEE,
    titleEn: "Yirgacheffe washed coffee beans",
    titleZh: "耶加雪菲水洗咖啡豆",
    titleFr: "Café lavé de Yirgacheffe",
    priceCents: 1890,
    stock: 40,
  });
  const bissap = createProduct(getDb(), {
    storeSlug: BISSAP,
    titleEn: "Dried hibiscus flowers (bissap)",
    titleZh: "干洛神花（比萨普）",
    titleFr: "Fleurs d’hibiscus séchées (bissap)",
    priceCents: 950,
    stock: 40,
  });
  return { coffee, bissap };
}

describe("order paid", () => {
  test("the shopper's confirmation in Chinese with a working order link; each store gets only its own lines, in its owner's language", async () => {
    const { coffee, bissap } = twoStoreProducts();
    const { orderId, token } = await placeGuestOrder(
      [
        { productId: coffee.id, quantity: 2 },
        { productId: bissap.id, quantity: 3 },
      ],
      { locale: "zh" },
    );
    // Nothing is said before the payment.
    expect(await deliver()).toHaveLength(0);
    await payDemo(orderId, token);
    // (A store whose seeded listings run low also gets its daily low-stock notice.)
    const mails = (await deliver()).filter((m) => !/running low|bientôt épuisées/.test(m.subject ?? ""));
    expect(mails).toHaveLength(3);

    const shopper = mails.find((m) => to(m) === "amina.okafor@example.com")!;
    expect(shopper.subject).toBe(`订单 #${orderId} 已付款，感谢您的购买`);
    expect(shopper.text).toContain("耶加雪菲水洗咖啡豆 × 2");
    expect(shopper.text).toContain("干洛神花（比萨普） × 3");
    expect(shopper.text).toContain("US$66.30"); // 2 × 18.90 + 3 × 9.50
    // The link works when followed: it opens this order for a visitor with no account.
    const link = new URL(linkIn(shopper, `/account/orders/${orderId}`));
    expect(link.origin).toBe("https://market.example");
    expect(link.pathname).toBe(`/zh/account/orders/${orderId}`);
    const page = await orderPage.loader(
      await routeArgs(new Request(`http://localhost:3000${link.pathname}${link.search}`), {
        lang: "zh",
        id: String(orderId),
      }),
    );
    expect(page).toMatchObject({ order: { id: orderId } });

    const coffeeOwner = mails.find((m) => to(m) === ownerOf(COFFEE).user.email)!;
    expect(coffeeOwner.subject).toBe(`New order #${orderId} for Yirga Highlands Coffee`);
    expect(coffeeOwner.text).toContain("Yirgacheffe washed coffee beans × 2");
    expect(coffeeOwner.text).not.toMatch(/hibiscus|bissap/i);
    expect(coffeeOwner.text).toContain("12 Marina Road");
    expect(linkIn(coffeeOwner, "/sell/orders/")).toBe(`https://market.example/sell/orders/${orderId}`);

    const bissapOwner = mails.find((m) => to(m) === ownerOf(BISSAP).user.email)!;
    expect(bissapOwner.subject).toMatch(new RegExp(`^Nouvelle commande #${orderId} pour `));
    expect(bissapOwner.text).toContain("Fleurs d’hibiscus séchées (bissap) × 3");
    expect(bissapOwner.text).not.toMatch(/Yirgacheffe/);
    expect(linkIn(bissapOwner, "/sell/orders/")).toBe(`https://market.example/fr/sell/orders/${orderId}`);
    // Transactional: no unsubscribe header.
    for (const m of mails) expect(rawHeader(m, "List-Unsubscribe")).toBeUndefined();
  });

  test("to Shanghai with shipping: the confirmation shows goods, each store's shipping and arrival, the import tax and the total charged; each store its own shipping", async () => {
    const rate = (firstCents: number, additionalCents: number) => ({
      firstCents,
      additionalCents,
      minDays: 12,
      maxDays: 25,
    });
    setShipping(getDb(), COFFEE, [
      { method: "postal", pricing: "item", freeOverCents: null, rates: { cn: rate(1000, 300) } },
    ]);
    setShipping(getDb(), BISSAP, [
      { method: "postal", pricing: "item", freeOverCents: null, rates: { cn: rate(800, 200) } },
    ]);
    try {
      setClock(new Date("2026-12-01T02:00:00Z")); // 10:00 in Beijing: arrival 13–26 December
      const { coffee, bissap } = twoStoreProducts();
      const { orderId, token } = await placeGuestOrder(
        [
          { productId: coffee.id, quantity: 2 },
          { productId: bissap.id, quantity: 3 },
        ],
        { locale: "zh", shipping: { ...SHANGHAI_FORM, email: "li.wei@example.com" } },
      );
      await payDemo(orderId, token);
      const order = getDb().select().from(orders).where(eq(orders.id, orderId)).get()!;
      const tax = getDb().select().from(orderTaxes).where(eq(orderTaxes.orderId, orderId)).get()!.taxCents;
      expect(tax).toBeGreaterThan(0);
      // Goods 2 × 18.90 + 3 × 9.50 = 66.30; shipping 10.00 + 3.00 and 8.00 + 2 × 2.00.
      expect(order.totalCents).toBe(6630 + 1300 + 1200 + tax);
      const usd = (cents: number) => `US$${(cents / 100).toFixed(2)}`;
      const mails = (await deliver()).filter((m) => !/running low|bientôt épuisées/.test(m.subject ?? ""));

      const shopper = mails.find((m) => to(m) === "li.wei@example.com")!;
      const text = shopper.text!.replace(/\s+/g, " ");
      expect(text).toMatch(
        /耶加雪菲水洗咖啡豆 × 2 US\$37\.80 运费（邮政小包 \/ EMS），预计 12月13日–12月26日 送达 US\$13\.00/,
      );
      expect(text).toMatch(
        /干洛神花（比萨普） × 3 US\$28\.50 运费（邮政小包 \/ EMS），预计 12月13日–12月26日 送达 US\$12\.00/,
      );
      expect(text).toContain("商品小计 US$66.30");
      expect(text).toContain("运费合计 US$25.00");
      expect(text).toContain(`预估进口税（跨境电商综合税） ${usd(tax)}`);
      expect(text).toContain(`实付总额（以美元扣款） ${usd(order.totalCents)}`);
      // The HTML part holds the same rows.
      expect(shopper.html).toContain("商品小计");
      expect(shopper.html).toContain(usd(order.totalCents));

      // Each store: its goods, its own shipping and their sum; never the other store's or the tax.
      const coffeeOwner = mails.find((m) => to(m) === ownerOf(COFFEE).user.email)!;
      const coffeeText = coffeeOwner.text!.replace(/\s+/g, " ");
      expect(coffeeText).toContain("Subtotal for your store $37.80");
      expect(coffeeText).toMatch(/Shipping \(Postal \/ EMS\), arrives Dec 13–Dec 26 \$13\.00/);
      expect(coffeeText).toContain("Total for your store (goods + shipping) $50.80");
      expect(coffeeText).not.toMatch(/import tax|12\.00/i);
      const bissapOwner = mails.find((m) => to(m) === ownerOf(BISSAP).user.email)!;
      const bissapText = bissapOwner.text!.replace(/\s+/g, " ");
      expect(bissapText).toMatch(/Livraison \(Poste \/ EMS\), arrivée du 13 déc\.? au 26 déc\.? 12,00 \$US/);
      expect(bissapText).toContain("Total pour votre boutique (produits + livraison)");
    } finally {
      freeShipping(getDb());
    }
  });

  test("a payment reported twice (a replayed webhook) sends each email once", async () => {
    const { coffee } = twoStoreProducts();
    const { orderId, token } = await placeGuestOrder([{ productId: coffee.id, quantity: 1 }]);
    await payDemo(orderId, token);
    const order = getDb().select().from(orders).where(eq(orders.id, orderId)).get()!;
    applyPaymentEvent({
      id: `evt_replay_${orderId}`,
      type: "paid",
      orderId,
      provider: "demo",
      amountCents: order.totalCents,
      currency: order.currency,
    });
    const kinds = () =>
      getDb()
        .select({ kind: notifications.kind })
        .from(notifications)
        .all()
        .map((n) => n.kind);
    expect(kinds().filter((k) => k !== "low_stock")).toEqual(["order_confirmation", "store_new_order"]);
  });
});

describe("after the payment", () => {
  test("a shipped line tells the shopper, with the carrier's tracking link; a corrected number sends nothing more", async () => {
    const { coffee } = twoStoreProducts();
    const { orderId, token } = await placeGuestOrder([{ productId: coffee.id, quantity: 2 }], { locale: "fr" });
    await payDemo(orderId, token);
    await deliver();
    const line = getDb().select().from(orderItems).where(eq(orderItems.orderId, orderId)).get()!;
    const store = findOwnStore(ownerOf(COFFEE).user)!;
    expect(markLineShipped(store, line.id, { carrier: "DHL Express", trackingNumber: "JD014600006281" }).ok).toBe(true);
    const [mail] = await deliver();
    expect(mail!.subject).toBe(`Votre commande #${orderId} est en route`);
    expect(mail!.text).toContain("Transporteur : DHL Express · Numéro de suivi : JD014600006281");
    expect(mail!.html).toContain(
      "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&amp;tracking-id=JD014600006281",
    );
    expect(linkIn(mail!, `/fr/account/orders/${orderId}?token=`)).toBeTruthy();
    expect(markLineShipped(store, line.id, { carrier: "DHL Express", trackingNumber: "JD014600006282" }).ok).toBe(true);
    expect(await deliver()).toHaveLength(0);
  });

  test("a refund tells the shopper the amount and the reason", async () => {
    const { coffee } = twoStoreProducts();
    const { orderId, token } = await placeGuestOrder([{ productId: coffee.id, quantity: 2 }]);
    await payDemo(orderId, token);
    await deliver();
    const line = getDb().select().from(orderItems).where(eq(orderItems.orderId, orderId)).get()!;
    const result = requestRefund(
      { kind: "organizer", userId: organizer().id },
      { orderId, lines: [{ lineId: line.id, quantity: 1, restock: true }], reason: "One bag arrived torn" },
    );
    expect(result.ok).toBe(true);
    if (result.ok) await sendRefund(result.refundId);
    const [mail] = await deliver();
    expect(mail!.subject).toBe(`Refund for order #${orderId}`);
    expect(mail!.text).toContain("We have refunded $18.90");
    expect(mail!.text).toContain("Reason: One bag arrived torn");
  });
});

describe("store owners", () => {
  test("approval, rejection and suspension reach the owner with the reason, in their language", async () => {
    const bissap = getDb().select().from(stores).where(eq(stores.slug, BISSAP)).get()!;
    const actor = organizer();
    expect(
      reviewStore(actor, { storeId: bissap.id, decision: "suspend", reason: "Photos copied from another shop" }).ok,
    ).toBe(true);
    const [suspended] = await deliver();
    expect(to(suspended!)).toBe(ownerOf(BISSAP).user.email);
    expect(suspended!.subject).toBe("Maison du Bissap de Dakar est suspendue");
    expect(suspended!.text).toContain("Motif indiqué : Photos copied from another shop");
    expect(reviewStore(actor, { storeId: bissap.id, decision: "approve", reason: "" }).ok).toBe(true);
    const [approved] = await deliver();
    expect(approved!.subject).toBe("Maison du Bissap de Dakar est approuvée");
    expect(approved!.text).not.toContain("Motif");
  });

  test("low stock: one notice a day per store listing every low listing, with one-click unsubscribe", async () => {
    setClock(new Date("2026-11-30T02:00:00Z"));
    const low = createProduct(getDb(), {
      storeSlug: COFFEE,
      titleEn: "Sidama natural coffee",
      stock: LOW_STOCK_THRESHOLD + 2,
    });
    const buy = async (quantity: number) => {
      const { orderId, token } = await placeGuestOrder([{ productId: low.id, quantity }]);
      await payDemo(orderId, token);
    };
    await buy(1); // 6 left: not low
    expect((await deliver()).map((m) => m.subject)).not.toContainEqual(expect.stringMatching(/running low/));
    await buy(2); // 4 left
    const notice = (await deliver()).find((m) => /running low/.test(m.subject ?? ""))!;
    expect(notice.subject).toMatch(/^Yirga Highlands Coffee: \d+ listings are running low$/);
    expect(notice.text).toContain("Sidama natural coffee");
    expect(notice.text).toContain("4 left");
    expect(rawHeader(notice, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    await buy(1); // 3 left, same day: no second notice
    expect((await deliver()).filter((m) => /running low/.test(m.subject ?? ""))).toHaveLength(0);
    setClock(new Date("2026-12-01T02:00:00Z")); // the next day in Beijing
    await buy(1);
    expect((await deliver()).filter((m) => /running low/.test(m.subject ?? ""))).toHaveLength(1);
  });
});
