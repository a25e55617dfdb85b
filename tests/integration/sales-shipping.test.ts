import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { getTrends } from "#app/models/admin/trends.server.ts";
import { changeCart } from "#app/models/cart.server.ts";
import { placeOrder } from "#app/models/checkout.server.ts";
import { getOrderForStaff, getSales, listStoreOrderLines } from "#app/models/orders.server.ts";
import { getStoreSales } from "#app/models/owner/dashboard.server.ts";
import { applyPaymentEvent } from "#app/models/payments.server.ts";
import { requestRefund, sendRefund } from "#app/models/refunds.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { beijingDay } from "#app/utils/datetime.ts";
import { setClock } from "#db/clock.ts";
import { orderItems, orders, orderTaxes } from "#db/schema/index.ts";
import { shippingDetails, TEST_RESIDENT_ID } from "#tests/support/addresses.ts";
import { findOwnStore } from "#app/models/access.server.ts";
import { organizer, ownerOf } from "#tests/support/auth.ts";
import { createProduct, setShipping } from "#tests/support/factories.ts";

/**
 * Sales figures count shipping (decision 033): the organizers' sales and trends and the owner's
 * dashboard are goods + shipping; the import tax is reported apart, never as revenue.
 */
const db = () => getDb();
const A = "yirga-highlands-coffee";
const B = "tamale-shea-collective";
const AT = new Date("2026-12-01T02:00:00Z");
const rate = (firstCents: number, additionalCents: number) => ({
  firstCents,
  additionalCents,
  minDays: 10,
  maxDays: 20,
});

beforeAll(() => {
  setShipping(db(), A, [{ method: "postal", pricing: "item", freeOverCents: null, rates: { cn: rate(1000, 300) } }]);
  setShipping(db(), B, [{ method: "postal", pricing: "item", freeOverCents: null, rates: { cn: rate(800, 200) } }]);
});
afterEach(() => setClock(null));

let n = 0;
function placePaid(lines: { productId: number; quantity: number }[]) {
  n += 1;
  const owner = { token: `sales${n}x${process.pid}`.padEnd(24, "0") };
  for (const l of lines) expect(changeCart(owner, l.productId, l.quantity, "add").ok).toBe(true);
  const placed = placeOrder({
    owner,
    userId: null,
    shipping: shippingDetails({
      email: `sales${n}@example.com`,
      name: "李伟",
      phone: "+8613800138000",
      provinceCode: "310000",
      cityCode: "310100",
      districtCode: "310115",
      address: "世纪大道 88 号",
      city: "上海市",
      country: "CN",
      customs: { name: "李伟", idNumber: TEST_RESIDENT_ID },
    }),
    locale: "zh",
    provider: "demo",
    at: AT,
  });
  expect(placed.ok).toBe(true);
  const orderId = (placed as { orderId: number }).orderId;
  const order = db().select().from(orders).where(eq(orders.id, orderId)).get()!;
  expect(
    applyPaymentEvent({
      id: `demo_paid_${orderId}`,
      type: "paid",
      orderId,
      provider: "demo",
      amountCents: order.totalCents,
      currency: "USD",
    }),
  ).toBe("paid");
  return orderId;
}

const taxOf = (orderId: number) => db().select().from(orderTaxes).where(eq(orderTaxes.orderId, orderId)).get()!;
const storeRow = (slug: string) => getSales(organizer(), "en").byStore.find((r) => r.key === slug);
const trendToday = () => getTrends(organizer(), "day").buckets.find((b) => b.start === beijingDay(AT))!;

describe("sales figures with shipping", () => {
  test("an order from two stores with shipping: goods, shipping and tax each where they belong", async () => {
    setClock(AT);
    const a = createProduct(db(), { storeSlug: A, priceCents: 2000, stock: 10 });
    const b = createProduct(db(), { storeSlug: B, priceCents: 1500, stock: 10 });
    const own = (slug: string) => findOwnStore({ id: ownerOf(slug).user.id, role: "owner" })!;
    const storeA = own(A);
    const storeB = own(B);
    const salesBefore = getSales(organizer(), "en");
    const rowA0 = storeRow(A);
    const trend0 = trendToday();
    const ownerA0 = getStoreSales(storeA, 7, "en");

    const orderId = placePaid([
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 1 },
    ]);
    const tax = taxOf(orderId).taxCents;
    expect(tax).toBeGreaterThan(0);
    // Goods 4,000 + 1,500; shipping 1,000 + 300 (A: two items) and 800 (B).
    const sales = getSales(organizer(), "en");
    expect(sales.goodsCents - salesBefore.goodsCents).toBe(5500);
    expect(sales.shippingCents - salesBefore.shippingCents).toBe(2100);
    expect(sales.totalCents - salesBefore.totalCents).toBe(5500 + 2100); // sales: goods + shipping
    expect(sales.taxCents - salesBefore.taxCents).toBe(tax); // the tax apart, not in sales
    expect(sales.chargedCents - salesBefore.chargedCents).toBe(5500 + 2100 + tax);
    expect(sales.chargedCents).toBe(sales.totalCents + sales.taxCents);
    const rowA = storeRow(A)!;
    expect(rowA.revenueCents - (rowA0?.revenueCents ?? 0)).toBe(4000); // the goods column
    expect(rowA.shippingCents! - (rowA0?.shippingCents ?? 0)).toBe(1300); // the shipping column
    expect(sales.byFestival.every((r) => r.shippingCents === null)).toBe(true);

    expect(trendToday().revenueCents - trend0.revenueCents).toBe(5500 + 2100);

    const ownerA = getStoreSales(storeA, 7, "en");
    expect(ownerA.goodsCents - ownerA0.goodsCents).toBe(4000);
    expect(ownerA.shippingCents - ownerA0.shippingCents).toBe(1300);
    expect(ownerA.revenueCents - ownerA0.revenueCents).toBe(5300);
    expect(ownerA.days.at(-1)!.revenueCents - ownerA0.days.at(-1)!.revenueCents).toBe(5300);
    expect(ownerA.revenueCents).toBe(ownerA.days.reduce((sum, d) => sum + d.revenueCents, 0));

    // The owner's order page: their part (goods + their shipping), not the whole order or the tax.
    const forB = getOrderForStaff(orderId, { store: storeB }, "en")!;
    expect(forB.storePart).toEqual({ goodsCents: 1500, shippingCents: 800, totalCents: 2300, refundedCents: 0 });
    expect(forB.charges.tax).toBeNull();
    const forOrganizer = getOrderForStaff(orderId, { organizer: organizer() }, "en")!;
    expect(forOrganizer.storePart).toBeNull();
    expect(forOrganizer.charges.shipping.map((s) => s.costCents)).toEqual(
      storeA.id < storeB.id ? [1300, 800] : [800, 1300],
    );
    // The owner's order list says what the order paid the store for shipping.
    const listed = listStoreOrderLines(storeA, { show: "all", page: 1 }).items.find((l) => l.orderId === orderId)!;
    expect(listed.storeShipping).toEqual({ method: "postal", costCents: 1300 });

    // Refunding all of store B's goods gives its shipping back: B's sales and shipping drop to what they were.
    const lineB = db()
      .select()
      .from(orderItems)
      .where(eq(orderItems.orderId, orderId))
      .all()
      .find((l) => l.productId === b.id)!;
    const rowB0 = storeRow(B)!;
    const refund = requestRefund(
      { kind: "organizer", userId: organizer().id },
      { orderId, lines: [{ lineId: lineB.id, quantity: 1, restock: true }], reason: "damaged" },
    );
    expect(refund.ok).toBe(true);
    await sendRefund((refund as { refundId: number }).refundId);
    const rowB = storeRow(B)!;
    expect(rowB0.revenueCents - rowB.revenueCents).toBe(1500);
    expect(rowB0.shippingCents! - rowB.shippingCents!).toBe(800);
    const afterRefund = getSales(organizer(), "en");
    expect(sales.taxCents - afterRefund.taxCents).toBe(taxOf(orderId).refundedCents);
    expect(afterRefund.chargedCents).toBe(afterRefund.totalCents + afterRefund.taxCents);
    expect(getOrderForStaff(orderId, { store: storeB }, "en")!.storePart!.refundedCents).toBe(2300);
  });
});
