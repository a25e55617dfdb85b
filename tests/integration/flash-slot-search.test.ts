import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "#app/routes/api.search.ts";
import { getDb } from "#app/utils/db.server.ts";
import { setClock } from "#db/clock.ts";
import { createClient } from "#search/client.ts";
import { fallbackSearch } from "#search/fallback.ts";
import { enqueueFestivalBoundaries } from "#search/festival-boundaries.ts";
import { setSearchState } from "#search/indexer.ts";
import { drainAll } from "#search/outbox.ts";
import { parseSearchParams } from "#search/query.ts";
import type { SearchResult } from "#search/results.ts";
import { createFestival, createProduct } from "#tests/support/factories.ts";
import { createFlashSlot } from "#tests/support/flash-slots.ts";
import { runLoader } from "#tests/support/loaders.ts";
import { useSearchIndex } from "#tests/support/search.ts";

/**
 * Search and flash-sale slots (decision 035): at a slot's start and end the festival-boundaries job
 * re-sends its products, so Meilisearch's "flash sale now" filter and facet and its price order
 * change with the clock; the SQLite fallback computes the same per query. Clock set by hand, job
 * and outbox run by hand: nothing depends on timing.
 */
const connection = useSearchIndex({ documents: "empty" });
const HOUR = 3_600_000;
const TOKEN = "Flashwatch";
const start = new Date("2031-07-01T02:00:00.000Z"); // 10:00 Beijing time
const end = new Date(start.getTime() + 2 * HOUR);
const ms = (date: Date, delta: number) => new Date(date.getTime() + delta);
const ids = { X: 0, Y: 0, Z: 0 };

const sync = () => drainAll(getDb(), createClient(connection(), 30_000), connection());

beforeAll(async () => {
  const db = getDb();
  ids.X = createProduct(db, { priceCents: 300, titleEn: `${TOKEN} X Basket` }).id; // 1.00 in the slot
  ids.Y = createProduct(db, { priceCents: 200, titleEn: `${TOKEN} Y Basket` }).id; // never in a slot
  ids.Z = createProduct(db, { priceCents: 400, titleEn: `${TOKEN} Z Basket` }).id; // 3.00 festival deal, no slot
  const festival = createFestival(db, {
    startsAt: ms(start, -4 * HOUR),
    endsAt: ms(end, 4 * HOUR),
    deals: [
      { productId: ids.X, dealPriceCents: 250 },
      { productId: ids.Z, dealPriceCents: 300 },
    ],
  });
  createFlashSlot(db, {
    festivalId: festival.id,
    startsAt: start,
    endsAt: end,
    items: [{ productId: ids.X, slotPriceCents: 100, slotStock: 5 }],
  });
  setClock(ms(start, -HOUR));
  await sync();
  setSearchState(db, "festivalBoundariesAt", ms(start, -HOUR));
});
afterAll(() => setClock(null));

async function moveTo(at: Date) {
  setClock(at);
  enqueueFestivalBoundaries(getDb());
  await sync();
}

const name = (id: number) => (Object.keys(ids) as (keyof typeof ids)[]).find((k) => ids[k] === id);

/** Both engines' answer for a query string: this file's products in order, and the flash facet. */
async function both(query: string) {
  const response = await runLoader(api.loader, `/api/search?${query}`);
  expect(response.status).toBe(200);
  const meili = (await response.json()) as SearchResult;
  expect(meili.engine).toBe("meilisearch");
  const sqlite = fallbackSearch(getDb(), parseSearchParams(new URLSearchParams(query)).params, "en");
  const mine = (r: SearchResult) => r.hits.flatMap((h) => name(h.id) ?? []);
  expect(mine(sqlite)).toEqual(mine(meili));
  expect(sqlite.facets.flashSale.true ?? 0).toBe(meili.facets.flashSale.true ?? 0);
  return { order: mine(meili), flashCount: meili.facets.flashSale.true ?? 0 };
}

describe("flash sale now, by the clock", () => {
  test("a millisecond before the slot: deal prices, nothing on flash sale", async () => {
    await moveTo(ms(start, -1));
    expect(await both(`q=${TOKEN}&sort=price-asc`)).toEqual({ order: ["Y", "X", "Z"], flashCount: 0 });
    expect((await both(`q=${TOKEN}&flash=1`)).order).toEqual([]);
  });

  test("from the slot's first millisecond to its last: the slot price sorts first and the filter finds it", async () => {
    await moveTo(start);
    expect(await both(`q=${TOKEN}&sort=price-asc`)).toEqual({ order: ["X", "Y", "Z"], flashCount: 1 });
    expect((await both(`q=${TOKEN}&flash=1`)).order).toEqual(["X"]);
    await moveTo(ms(end, -1));
    expect((await both(`q=${TOKEN}&flash=1&sort=price-asc`)).order).toEqual(["X"]);
  });

  test("from the millisecond the slot ends: back to the deal price, off the filter", async () => {
    await moveTo(end);
    expect(await both(`q=${TOKEN}&sort=price-asc`)).toEqual({ order: ["Y", "X", "Z"], flashCount: 0 });
    expect((await both(`q=${TOKEN}&flash=1`)).order).toEqual([]);
  });
});
