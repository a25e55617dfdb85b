import { desc, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import * as taxRoute from "#app/routes/($lang).admin.tax.tsx";
import * as cartRoute from "#app/routes/($lang).cart.tsx";
import { changeCart } from "#app/models/cart.server.ts";
import { placeOrder } from "#app/models/checkout.server.ts";
import { currentRate } from "#app/models/shipping/delivery.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import {
  auditLog,
  categories,
  categoryTaxClasses,
  exchangeRates,
  orders,
  orderTaxes,
  taxClasses,
} from "#db/schema/index.ts";
import { shippingDetails, TEST_RESIDENT_ID } from "#tests/support/addresses.ts";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { createProduct, freeShipping } from "#tests/support/factories.ts";
import { callAs, routeArgs, runAction, unwrap, type RouteFn } from "#tests/support/loaders.ts";

const db = () => getDb();
const STORE = "yirga-highlands-coffee";
const AT = new Date("2026-12-01T02:00:00Z");
let organizerCookie: string;
let shopperCookie: string;
let ownerCookie: string;

beforeAll(async () => {
  organizerCookie = await cookieFor(organizer().id);
  shopperCookie = await cookieFor((await newShopper({ verified: true })).id);
  ownerCookie = await cookieFor(ownerOf(STORE).user.id);
  freeShipping(db());
});
afterEach(() => {
  setClock(null);
  resetRateLimits();
});

const classByCode = (code: string) => db().select().from(taxClasses).where(eq(taxClasses.code, code)).get()!;
const lastAudit = () => db().select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
const auditCount = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .get()!.n;

/** The classes form as the page renders it, with some fields changed. */
function classesForm(changes: Record<string, string> = {}) {
  const form: Record<string, string> = { intent: "classes" };
  for (const c of db().select().from(taxClasses).all()) {
    form[`vat.${c.id}`] = String(c.vatBp / 100);
    form[`consumption.${c.id}`] = String(c.consumptionBp / 100);
  }
  return { ...form, ...changes };
}

const post = (cookie: string | null, form: Record<string, string>) =>
  callAs(taxRoute.action as RouteFn, cookie, "/zh/admin/tax", form);

let n = 0;
/** A paid-looking order to Shanghai placed now (demo provider; the tax row is what matters here). */
function shanghaiOrder(productId: number) {
  n += 1;
  const owner = { token: `taxadm${n}x${process.pid}`.padEnd(24, "0") };
  expect(changeCart(owner, productId, 1, "add").ok).toBe(true);
  const placed = placeOrder({
    owner,
    userId: null,
    shipping: shippingDetails({
      email: `tax${n}@example.com`,
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
  return (placed as { orderId: number }).orderId;
}
const orderRow = (id: number) => db().select().from(orders).where(eq(orders.id, id)).get()!;
const taxRow = (id: number) => db().select().from(orderTaxes).where(eq(orderTaxes.orderId, id)).get()!;

describe("the organizer's import-tax and exchange-rate page", () => {
  test("the page lists the classes, each category's class and the rate with its time", async () => {
    const result = await callAs(taxRoute.loader as RouteFn, organizerCookie, "/zh/admin/tax");
    expect(result.status).toBe(200);
    const body = result.body as Awaited<ReturnType<typeof taxRoute.loader>>;
    expect(body.classes.find((c) => c.code === "wine")).toMatchObject({ vat: "13", consumption: "10" });
    const wineCategory = db().select().from(categories).where(eq(categories.slug, "wine-beverages")).get()!;
    expect(body.categories.find((c) => c.id === wineCategory.id)?.taxClassId).toBe(classByCode("wine").id);
    expect(body.rate).toEqual({ rate: "7.1186", asOf: "2026-11-27T08:00:00.000Z" });
  });

  test("editing a class's rates writes them and one audit row with before and after", async () => {
    const cosmetics = classByCode("cosmetics");
    const audits = auditCount();
    const result = await post(
      organizerCookie,
      classesForm({ [`vat.${cosmetics.id}`]: "13", [`consumption.${cosmetics.id}`]: "30" }),
    );
    expect(result.status).toBe(200);
    expect(classByCode("cosmetics")).toMatchObject({ vatBp: 1300, consumptionBp: 3000 });
    expect(auditCount()).toBe(audits + 1); // the other classes did not change: no rows for them
    expect(lastAudit()).toMatchObject({
      action: "tax.class.update",
      entityType: "taxClass",
      entityId: String(cosmetics.id),
      actorId: organizer().id,
      before: { code: "cosmetics", vatPercent: "13", consumptionPercent: "15" },
      after: { code: "cosmetics", vatPercent: "13", consumptionPercent: "30" },
    });
  });

  test("moving a category to another class: audit row names both classes", async () => {
    const spices = db().select().from(categories).where(eq(categories.slug, "spices")).get()!;
    const result = await post(organizerCookie, {
      intent: "categories",
      [`category.${spices.id}`]: String(classByCode("general").id),
    });
    expect(result.status).toBe(200);
    expect(
      db().select().from(categoryTaxClasses).where(eq(categoryTaxClasses.categoryId, spices.id)).get()?.taxClassId,
    ).toBe(classByCode("general").id);
    expect(lastAudit()).toMatchObject({
      action: "tax.category.update",
      entityType: "category",
      entityId: String(spices.id),
      before: { category: "spices", taxClass: "agricultural" },
      after: { category: "spices", taxClass: "general" },
    });
  });

  test("bad input is refused with the translated reason beside the field, and nothing is written", async () => {
    const general = classByCode("general");
    const wine = classByCode("wine");
    const before = db().select().from(taxClasses).all();
    const audits = auditCount();
    for (const bad of ["abc", "61", "13.555", "-1", ""]) {
      const result = await post(
        organizerCookie,
        classesForm({ [`vat.${general.id}`]: "9", [`consumption.${wine.id}`]: bad }),
      );
      expect(result.status, bad).toBe(400);
      expect(result.body).toMatchObject({
        ok: false,
        message: "admin.tax.errorRate",
        fields: { [`consumption.${wine.id}`]: "admin.tax.errorRate" },
        values: { [`consumption.${wine.id}`]: bad },
      });
    }
    // All or nothing: the valid general-class change in the same form was not saved either.
    expect(db().select().from(taxClasses).all()).toEqual(before);

    const spices = db().select().from(categories).where(eq(categories.slug, "spices")).get()!;
    const refusedClass = await post(organizerCookie, { intent: "categories", [`category.${spices.id}`]: "999999" });
    expect(refusedClass.status).toBe(400);
    expect(refusedClass.body).toMatchObject({ fields: { [`category.${spices.id}`]: "admin.tax.errorClass" } });

    const rates = db().select().from(exchangeRates).all().length;
    for (const bad of ["0", "abc", "7.12345678", "1000", "-7"]) {
      const result = await post(organizerCookie, { intent: "rate", rate: bad });
      expect(result.status, bad).toBe(400);
      expect(result.body).toMatchObject({ message: "admin.fx.errorRate", fields: { rate: "admin.fx.errorRate" } });
    }
    expect(db().select().from(exchangeRates).all().length).toBe(rates);
    expect((await post(organizerCookie, { intent: "nonsense" })).status).toBe(400);
    expect(auditCount()).toBe(audits);
  });

  test("shoppers and store owners are refused (403), visitors sent to log in; nothing changes", async () => {
    const general = classByCode("general");
    const audits = auditCount();
    for (const cookie of [shopperCookie, ownerCookie]) {
      expect((await callAs(taxRoute.loader as RouteFn, cookie, "/admin/tax")).status).toBe(403);
      expect((await post(cookie, classesForm({ [`vat.${general.id}`]: "1" }))).status).toBe(403);
      expect((await post(cookie, { intent: "rate", rate: "1.5" })).status).toBe(403);
    }
    const anonymous = await post(null, { intent: "rate", rate: "1.5" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/login");
    expect(classByCode("general").vatBp).toBe(1300);
    expect(currentRate().rateMicros).not.toBe(1_500_000);
    expect(auditCount()).toBe(audits);
  });
});

describe("changes apply to new quotes and orders only", () => {
  test("a new rate is a new row: the cart's quote uses it, an order placed before keeps its rate, tax and total", async () => {
    setClock(AT);
    const product = createProduct(db(), { storeSlug: STORE, priceCents: 5000, stock: 10 });
    const oldOrder = shanghaiOrder(product.id);
    const oldTax = taxRow(oldOrder);
    const oldTotal = orderRow(oldOrder).totalCents;
    expect(oldTax.rateMicros).toBe(7_118_600);
    const rowsBefore = db().select().from(exchangeRates).all();

    setClock(new Date("2026-12-02T03:00:00Z"));
    const result = await post(organizerCookie, { intent: "rate", rate: "7.5" });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ ok: true, message: "admin.fx.saved" });
    const rowsAfter = db().select().from(exchangeRates).all();
    expect(rowsAfter.slice(0, rowsBefore.length)).toEqual(rowsBefore); // nothing overwritten
    expect(rowsAfter.at(-1)).toMatchObject({ rateMicros: 7_500_000, setBy: organizer().id });
    expect(rowsAfter.at(-1)!.asOf.toISOString()).toBe("2026-12-02T03:00:00.000Z");
    expect(lastAudit()).toMatchObject({
      action: "fx.rate.set",
      entityType: "exchangeRate",
      before: { rate: "7.1186", asOf: "2026-11-27T08:00:00.000Z" },
      after: { rate: "7.5000", asOf: "2026-12-02T03:00:00.000Z" },
    });

    // A cart quoted now (Chinese page: destination mainland China) converts at the new rate.
    const added = await unwrap(
      await runAction(cartRoute.action, "/zh/cart", { intent: "add", productId: String(product.id), quantity: "1" }),
    );
    const cookie = added.headers.get("Set-Cookie")!.split(";")[0]!;
    const page = await cartRoute.loader(
      await routeArgs(new Request("http://localhost:3000/zh/cart", { headers: { Cookie: cookie } })),
    );
    expect(page.delivery.destination).toBe("CN");
    expect(page.delivery.rate).toEqual({ rateMicros: 7_500_000, asOf: "2026-12-02T03:00:00.000Z" });
    expect(page.delivery.tax).toMatchObject({ kind: "estimate", rateMicros: 7_500_000 });
    const newOrder = shanghaiOrder(product.id);
    expect(taxRow(newOrder).rateMicros).toBe(7_500_000);
    // The old order is as it was.
    expect(taxRow(oldOrder)).toEqual(oldTax);
    expect(orderRow(oldOrder).totalCents).toBe(oldTotal);
  });

  test("a class's new rates tax new orders; orders placed before keep the tax they recorded", async () => {
    setClock(AT);
    const product = createProduct(db(), { storeSlug: STORE, categorySlug: "jewellery", priceCents: 20_000, stock: 10 });
    const before = shanghaiOrder(product.id);
    const beforeTax = taxRow(before);
    const beforeTotal = orderRow(before).totalCents;
    const jewellery = classByCode("jewellery");
    const result = await post(organizerCookie, classesForm({ [`consumption.${jewellery.id}`]: "20" }));
    expect(result.status).toBe(200);
    const after = shanghaiOrder(product.id);
    expect(taxRow(after).taxCents).toBeGreaterThan(beforeTax.taxCents);
    expect(taxRow(before)).toEqual(beforeTax);
    expect(orderRow(before).totalCents).toBe(beforeTotal);
  });
});
