import { shippingDetails } from "#tests/support/addresses.ts";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "#app/routes/api.search.ts";
import { addDeal, removeDeal, updateDeal } from "#app/models/admin/festival-deals.server.ts";
import { setFestivalPublished, updateFestival } from "#app/models/admin/festivals.server.ts";
import { changeCart } from "#app/models/cart.server.ts";
import { cancelUnpaidOrder, placeOrder } from "#app/models/checkout.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { setClock } from "#db/clock.ts";
import { festivalDeals, type festivals } from "#db/schema/index.ts";
import { createClient } from "#search/client.ts";
import { fallbackSearch } from "#search/fallback.ts";
import { enqueueFestivalBoundaries } from "#search/festival-boundaries.ts";
import { setSearchState } from "#search/indexer.ts";
import { drainAll } from "#search/outbox.ts";
import { parseSearchParams } from "#search/query.ts";
import type { SearchResult } from "#search/results.ts";
import { organizer } from "#tests/support/auth.ts";
import { createFestival, createProduct, freeShipping } from "#tests/support/factories.ts";
import { runLoader } from "#tests/support/loaders.ts";
import { useSearchIndex } from "#tests/support/search.ts";

// These tests are about goods, stock and payments: shipping is free here (shipping.test.ts prices it).
beforeAll(() => freeShipping(getDb()));

/**
 * "Price" and "biggest discount" sort on the price shoppers see at that moment, in Meilisearch (the
 * index is kept current by the outbox and the festival-boundary job) and in the SQLite fallback
 * (computed per query), and both engines give the same order. The clock is set to exact instants;
 * the job and the outbox are run by hand, so nothing here depends on timing.
 */
const connection = useSearchIndex({ documents: "empty" });
const DAY = 86_400_000;
const HOUR = 3_600_000;
const TOKEN = "Sortwatch"; // in this file's products only
const CATEGORY = "crafts-home-decor"; // the factory's category

// Years after the seeded festivals (which have all ended by then, so seeded prices are list prices,
// all above this file's prices).
const start = new Date("2031-06-01T02:00:00.000Z");
const end = new Date(start.getTime() + 3 * DAY);
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);

type Name = "A" | "B" | "C" | "D" | "U";
const ids = {} as Record<Name, number>;
let festival: typeof festivals.$inferSelect;
const nameOf = (id: number) => (Object.keys(ids) as Name[]).find((n) => ids[n] === id);

beforeAll(async () => {
  const db = getDb();
  const product = (name: Name, priceCents: number, where: "title" | "description" = "title") =>
    (ids[name] = createProduct(db, {
      priceCents,
      titleEn: where === "title" ? `${TOKEN} ${name} Calabash Bowl` : `Calabash Bowl ${name}`,
      descriptionEn: where === "title" ? "Carved by hand." : `Carved by hand; part of the ${TOKEN} range.`,
    }).id);
  product("A", 300); // 1.00 in the festival (cap 1): 66 % off
  product("B", 200, "description"); // never on a deal; its words match only in the description
  product("C", 250); // 50 % off in the festival: 1.25
  product("D", 400); // 10 % off in another festival, live throughout: 3.60
  product("U", 350); // 80 % off in a festival that is still upcoming at every instant below
  festival = createFestival(db, {
    startsAt: start,
    endsAt: end,
    deals: [
      { productId: ids.A, dealPriceCents: 100, dealStock: 1 },
      { productId: ids.C, discountPercent: 50 },
    ],
  });
  createFestival(db, {
    startsAt: ms(start, -DAY),
    endsAt: ms(end, 10 * DAY),
    deals: [{ productId: ids.D, discountPercent: 10 }],
  });
  createFestival(db, {
    startsAt: ms(end, 5 * DAY),
    endsAt: ms(end, 6 * DAY),
    deals: [{ productId: ids.U, discountPercent: 80 }],
  });
  await sync();
  // The documents were priced now, and nothing of this file changes price before D's festival
  // starts: the job may start from just before it (and leave the seeded festivals' boundaries,
  // years before, out of this index).
  setSearchState(db, "festivalBoundariesAt", ms(start, -2 * DAY));
});

afterAll(() => setClock(null));

const sync = () => drainAll(getDb(), createClient(connection(), 30_000), connection());

/** The clock moves to `at`; the boundary job and the outbox run once each, as the background jobs would. */
async function moveTo(at: Date) {
  setClock(at);
  enqueueFestivalBoundaries(getDb());
  await sync();
}

/** The price and the saving each hit shows (the live festival price where there is one). */
const shownPrice = (h: SearchResult["hits"][number]) => h.dealPriceCents ?? h.priceCents;
const shownPercent = (h: SearchResult["hits"][number]) => h.deal?.percentOff ?? 0;

type Order = (Name | Name[])[];

/** /api/search's answer, from Meilisearch. */
async function meiliAnswer(query: string): Promise<SearchResult> {
  const response = await runLoader(api.loader, `/api/search?${query}`);
  expect(response.status).toBe(200);
  const result = (await response.json()) as SearchResult;
  expect(result.engine).toBe("meilisearch");
  return result;
}

/**
 * The order of this file's products for a query string, from /api/search answered by Meilisearch,
 * after checking that the prices (or savings) it shows are in order and that the SQLite fallback,
 * given the same parameters, orders them the same way. With the discount sort, the products
 * without a saving tie: they come last as one group, in whichever order relevance gives them.
 */
async function order(query: string): Promise<Order> {
  const meili = await meiliAnswer(query);
  const sqlite = fallbackSearch(getDb(), parseSearchParams(new URLSearchParams(query)).params, "en");
  expect(sqlite.engine).toBe("sqlite");
  const sort = new URLSearchParams(query).get("sort");
  const shown = meili.hits.map(sort === "discount" ? shownPercent : shownPrice);
  if (sort === "price-asc") expect(shown).toEqual([...shown].sort((a, b) => a - b));
  if (sort === "discount") expect(shown).toEqual([...shown].sort((a, b) => b - a));

  const noSaving = new Set(meili.hits.filter((h) => shownPercent(h) === 0).map((h) => h.id));
  const mine = (result: SearchResult): Order => {
    const names = result.hits.flatMap((h) => nameOf(h.id) ?? []);
    if (sort !== "discount") return names;
    const tied = names.filter((n) => noSaving.has(ids[n]));
    return [...names.filter((n) => !noSaving.has(ids[n])), ...(tied.length > 0 ? [tied.sort()] : [])];
  };
  expect(mine(sqlite)).toEqual(mine(meili));
  return mine(meili);
}

const q = `q=${TOKEN}`;
const filtered = `q=${TOKEN}&category=${CATEGORY}&inStock=1`;

/** The orders a shopper gets at this instant: with words, with words and filters, with filters only, browsing everything. */
async function ordersNow() {
  return {
    price: await order(`${q}&sort=price-asc`),
    priceFiltered: await order(`${filtered}&sort=price-asc`),
    // This file's products are the cheapest in the catalog, so all are on the first page here too.
    priceInCategory: await order(`category=${CATEGORY}&sort=price-asc`),
    priceBrowsing: await order("sort=price-asc"),
    discount: await order(`${q}&sort=discount`),
    discountFiltered: await order(`${filtered}&sort=discount`),
  };
}

const listPrices: { price: Order; discount: Order } = {
  price: ["B", "C", "A", "U", "D"],
  // Only D's other festival is live; U's 80 % in an upcoming festival counts for nothing.
  discount: ["D", ["A", "B", "C", "U"]],
};
const festivalPrices: { price: Order; discount: Order } = {
  price: ["A", "C", "B", "U", "D"],
  discount: ["A", "C", "D", ["B", "U"]],
};

function expectOrders(orders: Awaited<ReturnType<typeof ordersNow>>, expected: typeof listPrices) {
  expect(orders).toEqual({
    price: expected.price,
    priceFiltered: expected.price,
    priceBrowsing: expected.price,
    priceInCategory: expected.price,
    discount: expected.discount,
    discountFiltered: expected.discount,
  });
}

describe("sorting by the price shoppers see now", () => {
  test("a millisecond before the festival starts: list prices, and an upcoming festival's discount does not count", async () => {
    await moveTo(ms(start, -1));
    expectOrders(await ordersNow(), listPrices);
  });

  test("from the festival's first millisecond to its last: festival prices", async () => {
    await moveTo(start);
    expectOrders(await ordersNow(), festivalPrices);
    await moveTo(ms(end, -1));
    expectOrders(await ordersNow(), festivalPrices);
  });

  test("from the millisecond it ends: list prices again", async () => {
    await moveTo(end);
    expectOrders(await ordersNow(), listPrices);
  });

  test("a deal whose cap runs out at checkout leaves the order; units given back bring it back", async () => {
    await moveTo(ms(start, HOUR));
    expect(await order(`${q}&sort=price-asc`)).toEqual(festivalPrices.price);
    const owner = { token: `live-prices-${process.pid}` };
    expect(changeCart(owner, ids.A, 1, "add")).toMatchObject({ ok: true });
    const placed = placeOrder({
      owner,
      userId: null,
      shipping: shippingDetails({
        email: "amina@example.com",
        name: "Amina",
        phone: "+254 700 000 000",
        address: "1 Moi Avenue",
        city: "Nairobi",
        postcode: "00100",
        country: "KE",
      }),
      locale: "en",
      provider: "demo",
    });
    expect(placed).toMatchObject({ ok: true, totalCents: 100 });
    // The one deal unit is taken: A costs 3.00 again; placing the order re-sent it (no job involved).
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(["C", "B", "A", "U", "D"]);
    expect(await order(`${q}&sort=discount`)).toEqual(["C", "D", ["A", "B", "U"]]);

    expect(cancelUnpaidOrder((placed as { orderId: number }).orderId, { kind: "shopper" }, "test")).toEqual({
      ok: true,
    });
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(festivalPrices.price);
  });

  test("organizers' changes to the festival and its deals re-send the products", async () => {
    await moveTo(ms(start, HOUR));
    const actor = organizer();
    const db = getDb();
    const dealOf = (name: Name) => db.select().from(festivalDeals).where(eq(festivalDeals.productId, ids[name])).get()!;

    expect(setFestivalPublished(actor, festival.id, false)).toEqual({ ok: true });
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(listPrices.price);
    expect(setFestivalPublished(actor, festival.id, true)).toEqual({ ok: true });
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(festivalPrices.price);

    // Dates moved so that the festival has already ended, then back.
    const input = (endsAt: Date) => ({
      nameEn: festival.nameEn,
      nameZh: festival.nameZh,
      nameFr: festival.nameFr,
      taglineEn: "",
      taglineZh: "",
      taglineFr: "",
      themeColor: festival.themeColor,
      startsAt: start,
      endsAt,
    });
    expect(updateFestival(actor, festival.id, input(ms(start, HOUR / 2)))).toMatchObject({ ok: true });
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(listPrices.price);
    expect(updateFestival(actor, festival.id, input(end))).toMatchObject({ ok: true });
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(festivalPrices.price);

    // A deal changed (C to 90 % off: 0.25), removed, and added again.
    expect(updateDeal(actor, festival.id, dealOf("C").id, { mode: "percent", percent: 90 }, null)).toEqual({
      ok: true,
    });
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(["C", "A", "B", "U", "D"]);
    expect(await order(`${q}&sort=discount`)).toEqual(["C", "A", "D", ["B", "U"]]);
    expect(removeDeal(actor, festival.id, dealOf("C").id)).toEqual({ ok: true });
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(["A", "B", "C", "U", "D"]);
    expect(addDeal(actor, festival.id, ids.C, { mode: "percent", percent: 50 })).toMatchObject({ ok: true });
    await sync();
    expect(await order(`${q}&sort=price-asc`)).toEqual(festivalPrices.price);
  });

  test("a chosen sort with words orders strictly by price; relevance only breaks ties and stays the default", async () => {
    await moveTo(ms(start, -1));
    // By relevance, B (its words only in the description) comes after every title match…
    const relevance = await meiliAnswer(q);
    expect(relevance.hits.map((h) => nameOf(h.id)).at(-1)).toBe("B");
    // …sorted by price, the cheapest comes first wherever its words matched, and the dearest last.
    expect(await order(`${q}&sort=price-asc`)).toEqual(["B", "C", "A", "U", "D"]);
    expect((await meiliAnswer(`${q}&sort=price-desc`)).hits.map((h) => nameOf(h.id))).toEqual([
      "D",
      "U",
      "A",
      "C",
      "B",
    ]);
  });
});
