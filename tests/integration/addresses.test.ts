import fs from "node:fs";
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterEach, describe, expect, test, vi } from "vitest";
import * as addressBook from "#app/routes/($lang).account.addresses.tsx";
import * as adminOrder from "#app/routes/($lang).admin.orders.$id.tsx";
import * as checkoutRoute from "#app/routes/($lang).checkout._index.tsx";
import * as orderPage from "#app/routes/($lang).account.orders.$id.tsx";
import * as ownerOrder from "#app/routes/($lang).sell.orders_.$id.tsx";
import * as packingSlip from "#app/routes/($lang).sell.orders_.$id_.packing-slip.tsx";
import * as regions from "#app/routes/api.regions.$code.ts";
import { findOwnStore } from "#app/models/access.server.ts";
import { getAddress, listAddresses, saveAddress } from "#app/models/addresses.server.ts";
import { changeCart } from "#app/models/cart.server.ts";
import { CUSTOMS_ID_RETENTION_DAYS, purgeCustomsIds } from "#app/models/customs.server.ts";
import { markLineShipped } from "#app/models/orders.server.ts";
import { backgroundJobs } from "#app/jobs.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { logger, REDACT_PATHS } from "#app/utils/logger.server.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { setClock } from "#db/clock.ts";
import { addresses, notifications, orderItems, orders } from "#db/schema/index.ts";
import { SHANGHAI_FORM, TEST_RESIDENT_ID, TEST_RESIDENT_ID_X } from "#tests/support/addresses.ts";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { createProduct } from "#tests/support/factories.ts";
import { callAs, type RouteFn } from "#tests/support/loaders.ts";
import { payDemo, placeGuestOrder } from "#tests/support/shop.ts";

const db = () => getDb();
const STORE = "tamale-shea-collective";
const EMAIL = "li.wei@example.com";
const SHANGHAI = { email: EMAIL, ...SHANGHAI_FORM };

afterEach(() => {
  setClock(null);
  vi.restoreAllMocks();
});

/** Every line the app logger is asked to write while `fn` runs, whatever the level. */
async function capturedLogs(fn: () => Promise<unknown>): Promise<string> {
  const lines: unknown[] = [];
  for (const level of ["trace", "debug", "info", "warn", "error", "fatal"] as const)
    vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => void lines.push(args)) as never);
  await fn();
  return JSON.stringify(lines);
}

async function shanghaiOrder(customsId = TEST_RESIDENT_ID) {
  const product = createProduct(db(), { priceCents: 3000, stock: 10, storeSlug: STORE });
  const placed = await placeGuestOrder([{ productId: product.id, quantity: 1 }], {
    locale: "zh",
    shipping: { ...SHANGHAI, customsId },
  });
  return { ...placed, product };
}

describe("checkout to a mainland China address", () => {
  test("the order keeps the structured address; the ID number is sealed, in no byte of the database file", async () => {
    const { orderId } = await shanghaiOrder();
    const row = db().select().from(orders).where(eq(orders.id, orderId)).get()!;
    expect(row).toMatchObject({
      shipCountry: "CN",
      shipRegion: "上海市",
      shipCity: "上海市",
      shipDistrict: "浦东新区",
      shipRegionCodes: "310000,310100,310115",
      shipAddress: SHANGHAI_FORM.address,
      shipPhone: "+8613800138000",
      customsName: "李伟",
    });
    expect(row.customsIdSealed).toMatch(/^v1\.dev\./);
    expect(row.customsIdSealed).not.toContain(TEST_RESIDENT_ID);
    // The raw file: the row as SQLite wrote it (WAL folded in first), and any WAL left.
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    const file = loadEnv().DATABASE_PATH;
    for (const f of [file, `${file}-wal`]) {
      if (!fs.existsSync(f)) continue;
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from(TEST_RESIDENT_ID)), f).toBe(false);
      expect(bytes.includes(Buffer.from(TEST_RESIDENT_ID.slice(0, 14))), f).toBe(false);
    }
    // The raw row read straight from SQLite holds the sealed value only.
    const raw = db().$client.prepare("SELECT * FROM orders WHERE id = ?").get(orderId) as Record<string, unknown>;
    expect(JSON.stringify(raw)).not.toContain(TEST_RESIDENT_ID);
  });

  test("masked on the shopper's, the owner's and the organizer's order pages; absent from the slip, emails and JSON", async () => {
    const { orderId, token } = await shanghaiOrder(TEST_RESIDENT_ID_X);
    await payDemo(orderId, token);
    const shopper = await callAs(
      orderPage.loader as RouteFn,
      null,
      `/zh/account/orders/${orderId}?token=${token}`,
      undefined,
      { id: String(orderId), lang: "zh" },
    );
    expect(shopper.status).toBe(200);
    const body = shopper.body as { order: { shipping: { lines: string[]; customs: unknown } } };
    expect(body.order.shipping.lines).toEqual(["上海市 浦东新区", SHANGHAI_FORM.address, "中国大陆"]);
    expect(body.order.shipping.customs).toEqual({ name: "李伟", idMasked: "3101**********105X", idPurged: false });

    const owner = await callAs(
      ownerOrder.loader as RouteFn,
      await cookieFor(ownerOf(STORE).user.id),
      `/sell/orders/${orderId}`,
      undefined,
      { id: String(orderId) },
    );
    const admin = await callAs(
      adminOrder.loader as RouteFn,
      await cookieFor(organizer().id),
      `/admin/orders/${orderId}`,
      undefined,
      { id: String(orderId) },
    );
    const slip = await callAs(
      packingSlip.loader as RouteFn,
      await cookieFor(ownerOf(STORE).user.id),
      `/sell/orders/${orderId}/packing-slip`,
      undefined,
      { id: String(orderId) },
    );
    for (const page of [shopper, owner, admin, slip]) {
      expect(page.status).toBe(200);
      const json = JSON.stringify(page.body);
      expect(json).not.toContain(TEST_RESIDENT_ID_X);
      expect(json).not.toContain(TEST_RESIDENT_ID_X.slice(4, 14));
    }
    expect(JSON.stringify(owner.body)).toContain("3101**********105X");
    expect(JSON.stringify(admin.body)).toContain("3101**********105X");
    expect(JSON.stringify(slip.body)).not.toContain("3101**");
    // Every email queued for this order (shopper, store): the address formatted, no ID in any form.
    const mail = db()
      .select()
      .from(notifications)
      .all()
      .filter((n) => n.payload.includes(`"orderId":${orderId}`));
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) {
      expect(m.payload).not.toContain(TEST_RESIDENT_ID_X);
      expect(m.payload).not.toContain("3101**");
    }
    expect(mail.some((m) => m.payload.includes("上海市 浦东新区"))).toBe(true);
  });

  test("never logged: not by a checkout, not by a refused one, and the logger's redaction drops it under any key", async () => {
    const logs = await capturedLogs(async () => {
      await shanghaiOrder();
      const product = createProduct(db(), { stock: 5, storeSlug: STORE });
      await expect(
        placeGuestOrder([{ productId: product.id, quantity: 1 }], {
          locale: "zh",
          shipping: { ...SHANGHAI, customsId: `${TEST_RESIDENT_ID.slice(0, 17)}0` },
        }),
      ).rejects.toThrow();
    });
    expect(logs).not.toContain(TEST_RESIDENT_ID);
    expect(logs).not.toContain(TEST_RESIDENT_ID.slice(0, 17));

    let out = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    });
    const probe = pino({ redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, sink);
    probe.info(
      {
        customsId: TEST_RESIDENT_ID,
        form: { customsId: TEST_RESIDENT_ID },
        shipping: { customs: { idNumber: TEST_RESIDENT_ID } },
      },
      "x",
    );
    expect(out).toContain("[redacted]");
    expect(out).not.toContain(TEST_RESIDENT_ID);
  });

  test("a refused form names the problem beside the field and never sends the ID back", async () => {
    const product = createProduct(db(), { stock: 5, storeSlug: STORE });
    const shopper = await newShopper();
    changeCart({ userId: shopper.id }, product.id, 1, "add");
    const cookie = await cookieFor(shopper.id);
    const bad = `${TEST_RESIDENT_ID.slice(0, 17)}0`;
    const refused = await callAs(
      checkoutRoute.action as RouteFn,
      cookie,
      "/zh/checkout",
      { ...SHANGHAI, customsId: bad, districtCode: "110105" },
      { lang: "zh" },
    );
    expect(refused.status).toBe(400);
    const reply = refused.body as { address: { errors: Record<string, string>; values: Record<string, string> } };
    expect(reply.address.errors).toEqual({ customsId: "address.errorIdCheck", districtCode: "address.errorRegion" });
    expect(reply.address.values.name).toBe("李伟");
    expect(JSON.stringify(refused.body)).not.toContain(bad);
  });

  test("without JavaScript, 'update' shows the chosen province's cities and keeps what was typed", async () => {
    const product = createProduct(db(), { stock: 5, storeSlug: STORE });
    const shopper = await newShopper();
    changeCart({ userId: shopper.id }, product.id, 1, "add");
    const before = db().select().from(orders).all().length;
    const updated = await callAs(
      checkoutRoute.action as RouteFn,
      await cookieFor(shopper.id),
      "/zh/checkout",
      {
        intent: "update",
        email: EMAIL,
        country: "CN",
        provinceCode: "440000",
        cityCode: "",
        name: "李伟",
        customsId: TEST_RESIDENT_ID,
      },
      { lang: "zh" },
    );
    expect(updated.status).toBe(200);
    const reply = updated.body as {
      address: { values: Record<string, string>; regions: { cities: { name: string }[]; districts: unknown[] } };
    };
    expect(reply.address.regions.cities.map((c) => c.name)).toContain("深圳市");
    expect(reply.address.regions.districts).toEqual([]);
    expect(reply.address.values).toMatchObject({ name: "李伟", provinceCode: "440000", email: EMAIL });
    expect(JSON.stringify(updated.body)).not.toContain(TEST_RESIDENT_ID);
    expect(db().select().from(orders).all().length).toBe(before);
  });

  test("/api/regions serves one level: a province's cities or a city's districts", async () => {
    const call = (code: string) => regions.loader({ params: { code } } as never) as Response;
    expect(await call("310000").json()).toEqual([{ code: "310100", name: "上海市" }]);
    expect(await call("310100").json()).toContainEqual({ code: "310115", name: "浦东新区" });
    expect(call("990000").status).toBe(404);
    expect(call("../etc").status).toBe(404);
  });
});

describe("the ID number is deleted a set time after the order is finished", () => {
  test(`${CUSTOMS_ID_RETENTION_DAYS} days after the last line shipped; not before, and not while lines are owed`, async () => {
    const { orderId, token } = await shanghaiOrder();
    await payDemo(orderId, token);
    const other = await shanghaiOrder();
    await payDemo(other.orderId, other.token);
    const store = findOwnStore(ownerOf(STORE).user)!;
    const shippedAt = new Date(Date.now() + 60_000);
    setClock(shippedAt);
    const line = db().select().from(orderItems).where(eq(orderItems.orderId, orderId)).get()!;
    expect(markLineShipped(store, line.id, { carrier: "EMS", trackingNumber: "EE123456789CN" }).ok).toBe(true);
    expect(db().select().from(orders).where(eq(orders.id, orderId)).get()!.status).toBe("fulfilled");

    const DAY = 86_400_000;
    expect(purgeCustomsIds(new Date(shippedAt.getTime() + CUSTOMS_ID_RETENTION_DAYS * DAY - 1))).toEqual([]);
    // The job in the process's list runs the same purge on the injectable clock.
    setClock(new Date(shippedAt.getTime() + CUSTOMS_ID_RETENTION_DAYS * DAY));
    const job = backgroundJobs().find((j) => j.name === "customs-id-purge")!;
    await job.run();
    const row = db().select().from(orders).where(eq(orders.id, orderId)).get()!;
    expect(row.customsIdSealed).toBeNull();
    expect(row.customsIdPurgedAt?.getTime()).toBe(shippedAt.getTime() + CUSTOMS_ID_RETENTION_DAYS * DAY);
    expect(row.customsName).toBe("李伟");
    // Paid and not shipped: kept.
    expect(db().select().from(orders).where(eq(orders.id, other.orderId)).get()!.customsIdSealed).not.toBeNull();

    const page = await callAs(
      orderPage.loader as RouteFn,
      null,
      `/zh/account/orders/${orderId}?token=${token}`,
      undefined,
      {
        id: String(orderId),
        lang: "zh",
      },
    );
    expect((page.body as { order: { shipping: { customs: unknown } } }).order.shipping.customs).toEqual({
      name: "李伟",
      idMasked: null,
      idPurged: true,
    });
  });
});

describe("the address book", () => {
  const value = {
    country: "CN",
    name: "李伟",
    phone: "+8613800138000",
    provinceCode: "310000",
    cityCode: "310100",
    districtCode: "310115",
    address: "世纪大道 100 号",
    address2: "",
    city: "上海市",
    region: "上海市",
    district: "浦东新区",
    postcode: "",
  };

  test("another shopper's address id is not found and nothing changes (model and routes)", async () => {
    const alice = await newShopper();
    const bob = await newShopper();
    const saved = saveAddress(alice.id, null, value);
    expect(saved.ok).toBe(true);
    const id = (saved as { id: number }).id;
    expect(getAddress(bob.id, id, "zh")).toBeNull();
    expect(saveAddress(bob.id, id, { ...value, name: "Bob" })).toEqual({ ok: false, error: "not-found" });
    const bobCookie = await cookieFor(bob.id);
    for (const form of [
      { intent: "delete", id: String(id) },
      { intent: "default", id: String(id) },
      { intent: "save", id: String(id), ...SHANGHAI_FORM, name: "Bob" },
    ]) {
      const result = await callAs(addressBook.action as RouteFn, bobCookie, "/zh/account/addresses", form, {
        lang: "zh",
      });
      expect(result.status, JSON.stringify(form)).toBe(404);
    }
    const edit = await callAs(addressBook.loader as RouteFn, bobCookie, `/zh/account/addresses?edit=${id}`, undefined, {
      lang: "zh",
    });
    expect(edit.status).toBe(404);
    const row = db().select().from(addresses).where(eq(addresses.id, id)).get()!;
    expect(row).toMatchObject({ userId: alice.id, name: "李伟", isDefault: true });
  });

  test("add, edit, make default, delete through the page; the first is default; no ID number kept", async () => {
    const shopper = await newShopper();
    const cookie = await cookieFor(shopper.id);
    const post = (form: Record<string, string>) =>
      callAs(addressBook.action as RouteFn, cookie, "/zh/account/addresses", form, { lang: "zh" });
    expect((await post({ intent: "save", ...SHANGHAI_FORM })).location).toBe("/zh/account/addresses?done=saved");
    const paris = {
      intent: "save",
      country: "FR",
      name: "Amina",
      phone: "06 12 34 56 78",
      address: "12 rue de la Paix",
      city: "Paris",
      postcode: "75002",
    };
    expect((await post(paris)).status).toBe(302);
    const bad = await post({ ...paris, postcode: "123" });
    expect(bad.status).toBe(400);
    let list = listAddresses(shopper.id, "zh");
    expect(list.map((a) => [a.name, a.isDefault])).toEqual([
      ["李伟", true],
      ["Amina", false],
    ]);
    expect(list[0]!.lines).toEqual(["上海市 浦东新区", SHANGHAI_FORM.address, "中国大陆"]);
    expect(JSON.stringify(db().select().from(addresses).where(eq(addresses.userId, shopper.id)).all())).not.toContain(
      TEST_RESIDENT_ID,
    );
    const parisId = list[1]!.id;
    expect((await post({ intent: "default", id: String(parisId) })).status).toBe(302);
    expect((await post({ ...paris, id: String(parisId), city: "Lyon", postcode: "69001" })).status).toBe(302);
    list = listAddresses(shopper.id, "fr");
    expect(list[0]).toMatchObject({ id: parisId, isDefault: true, city: "Lyon" });
    expect(list[0]!.lines).toEqual(["12 rue de la Paix", "69001 Lyon", "France"]);
    expect((await post({ intent: "delete", id: String(parisId) })).status).toBe(302);
    list = listAddresses(shopper.id, "zh");
    expect(list.map((a) => [a.name, a.isDefault])).toEqual([["李伟", true]]);
  });

  test("checkout offers the default address and saves a new one when asked (without the ID)", async () => {
    const shopper = await newShopper();
    const cookie = await cookieFor(shopper.id);
    const product = createProduct(db(), { stock: 5, storeSlug: STORE });
    changeCart({ userId: shopper.id }, product.id, 1, "add");
    const empty = await callAs(checkoutRoute.loader as RouteFn, cookie, "/zh/checkout", undefined, { lang: "zh" });
    expect((empty.body as { address: { values: Record<string, string> } }).address.values.country).toBe("CN");
    const placed = await callAs(
      checkoutRoute.action as RouteFn,
      cookie,
      "/zh/checkout",
      { ...SHANGHAI, email: shopper.email, saveAddress: "on" },
      { lang: "zh" },
    );
    expect(placed.status, JSON.stringify(placed.body)).toBe(302);
    const saved = listAddresses(shopper.id, "zh");
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ isDefault: true, districtCode: "310115", phone: "+8613800138000" });
    changeCart({ userId: shopper.id }, product.id, 1, "add");
    const again = await callAs(checkoutRoute.loader as RouteFn, cookie, "/zh/checkout", undefined, { lang: "zh" });
    const values = (again.body as { address: { values: Record<string, string> } }).address.values;
    expect(values).toMatchObject({ addressId: String(saved[0]!.id), districtCode: "310115", name: "李伟" });
    expect(values.customsId).toBeUndefined();
  });
});
