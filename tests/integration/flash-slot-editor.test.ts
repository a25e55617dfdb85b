import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as editFestival from "#app/routes/($lang).admin.festivals.$id/route.tsx";
import { getDb } from "#app/utils/db.server.ts";
import { auditLog, flashSlotItems, flashSlots } from "#db/schema/index.ts";
import { cookieFor, organizer } from "#tests/support/auth.ts";
import { createFestival, createProduct } from "#tests/support/factories.ts";
import { callAs, type RouteFn } from "#tests/support/loaders.ts";

/** The festival editor's flash-sale slots (decision 035): validation, audit, plain form posts. */
const db = () => getDb();
let cookie: string;
let id: string;
let productId: number;
// Festival 2031-06-18 00:00 – 2031-06-19 00:00 Beijing time.
const festivalStart = new Date("2031-06-17T16:00:00Z");
beforeAll(async () => {
  cookie = await cookieFor(organizer().id);
  productId = createProduct(db(), { priceCents: 3000, slug: `flash-editor-${process.pid}` }).id;
  const festival = createFestival(db(), {
    startsAt: festivalStart,
    endsAt: new Date(festivalStart.getTime() + 86_400_000),
    deals: [{ productId, dealPriceCents: 2000 }],
  });
  id = String(festival.id);
});

const post = (form: Record<string, string>) =>
  callAs(editFestival.action as RouteFn, cookie, `/admin/festivals/${id}`, form, { id });
const slotsOf = () =>
  db()
    .select()
    .from(flashSlots)
    .where(eq(flashSlots.festivalId, Number(id)))
    .all();

describe("flash-sale slots in the festival editor", () => {
  test("a slot inside the festival is added and audited; outside or overlapping ones are refused", async () => {
    const added = await post({ intent: "add-flash-slot", startsAt: "2031-06-18T10:00", endsAt: "2031-06-18T14:00" });
    expect(added.body).toMatchObject({ ok: true, message: "slots.slotAdded" });
    expect(slotsOf().map((s) => s.startsAt.toISOString())).toEqual(["2031-06-18T02:00:00.000Z"]);
    const audit = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "festival.slot.add"), eq(auditLog.entityId, id)))
      .all();
    expect(audit).toHaveLength(1);
    // Touching the first slot's end is fine (half-open windows); overlapping it is not.
    expect(
      (await post({ intent: "add-flash-slot", startsAt: "2031-06-18T14:00", endsAt: "2031-06-18T20:00" })).body,
    ).toMatchObject({ ok: true });
    const overlap = await post({ intent: "add-flash-slot", startsAt: "2031-06-18T13:00", endsAt: "2031-06-18T15:00" });
    expect(overlap).toMatchObject({ status: 400, body: { message: "slots.errorOverlap" } });
    const outside = await post({ intent: "add-flash-slot", startsAt: "2031-06-18T22:00", endsAt: "2031-06-19T01:00" });
    expect(outside).toMatchObject({ status: 400, body: { message: "slots.errorOutsideFestival" } });
    const backwards = await post({
      intent: "add-flash-slot",
      startsAt: "2031-06-18T21:00",
      endsAt: "2031-06-18T20:30",
    });
    expect(backwards.status).toBe(400);
    expect(slotsOf()).toHaveLength(2);
  });

  test("a product's slot price must be below its regular and festival price; then it is added once", async () => {
    const slotId = String(slotsOf()[0]!.id);
    const item = (price: string, extra: Record<string, string> = {}) =>
      post({ intent: "add-flash-slot-item", slotId, product: String(productId), price, stock: "10", ...extra });
    expect((await item("20.00")).body).toMatchObject({ message: "slots.errorPriceNotBelow" });
    expect((await item("abc")).body).toMatchObject({ message: "slots.errorPrice" });
    expect((await item("9.90", { stock: "0" })).body).toMatchObject({ message: "slots.errorStock" });
    expect(
      (await post({ intent: "add-flash-slot-item", slotId, product: "no-such-product", price: "9.90", stock: "10" }))
        .body,
    ).toMatchObject({ message: "slots.errorProduct" });
    expect((await item("9.90", { perShopperLimit: "2" })).body).toMatchObject({ ok: true });
    expect((await item("8.90")).body).toMatchObject({ message: "slots.errorDuplicate" });
    const rows = db()
      .select()
      .from(flashSlotItems)
      .where(eq(flashSlotItems.slotId, Number(slotId)))
      .all();
    expect(rows).toMatchObject([{ productId, slotPriceCents: 990, slotStock: 10, perShopperLimit: 2 }]);
    // The editor lists it.
    const page = await callAs(editFestival.loader as RouteFn, cookie, `/admin/festivals/${id}`, undefined, { id });
    expect((page.body as { flashSlots: { items: unknown[] }[] }).flashSlots[0]!.items).toHaveLength(1);
  });

  test("a slot whose units are ordered is not removed; an untouched one is", async () => {
    const [first, second] = slotsOf();
    db().update(flashSlotItems).set({ reservedCount: 1 }).where(eq(flashSlotItems.slotId, first!.id)).run();
    expect((await post({ intent: "remove-flash-slot", slotId: String(first!.id) })).body).toMatchObject({
      message: "slots.errorHasOrders",
    });
    db().update(flashSlotItems).set({ reservedCount: 0 }).where(eq(flashSlotItems.slotId, first!.id)).run();
    expect((await post({ intent: "remove-flash-slot", slotId: String(second!.id) })).body).toMatchObject({ ok: true });
    expect(slotsOf().map((s) => s.id)).toEqual([first!.id]);
  });
});
