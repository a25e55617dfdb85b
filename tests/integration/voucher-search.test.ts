import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as api from "#app/routes/api.search.ts";
import { findOwnStore } from "#app/models/access.server.ts";
import type { VoucherInput } from "#app/models/vouchers/form.ts";
import {
  claimVoucher,
  issueFestivalVoucher,
  issueStoreVoucher,
  stopStoreVoucher,
} from "#app/models/vouchers/vouchers.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { setClock } from "#db/clock.ts";
import { stores, vouchers } from "#db/schema/index.ts";
import { createClient } from "#search/client.ts";
import { fallbackSearch } from "#search/fallback.ts";
import { enqueueFestivalBoundaries } from "#search/festival-boundaries.ts";
import { setSearchState } from "#search/indexer.ts";
import { drainAll } from "#search/outbox.ts";
import { parseSearchParams } from "#search/query.ts";
import type { SearchResult } from "#search/results.ts";
import { newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { createFestival, createProduct } from "#tests/support/factories.ts";
import { runLoader } from "#tests/support/loaders.ts";
import { useSearchIndex } from "#tests/support/search.ts";

/**
 * "Voucher available" (领券, decision 034) in search: a product has it while its store has a voucher
 * to claim, or a festival it has a deal in does. Issuing, stopping and claiming out re-send the
 * products through the outbox; a voucher's end is the boundaries job's. Both engines must agree.
 * Clock, job and outbox are run by hand: nothing depends on timing.
 */
const connection = useSearchIndex({ documents: "empty" });
const HOUR = 3_600_000;
const TOKEN = "Couponwatch";
const T0 = new Date("2031-03-01T02:00:00.000Z");
const STORE_A = "yirga-highlands-coffee";
const STORE_B = "tamale-shea-collective";
const ids = { A: 0, B: 0, C: 0 };
let festivalId = 0;

const sync = () => drainAll(getDb(), createClient(connection(), 30_000), connection());
const name = (id: number) => (Object.keys(ids) as (keyof typeof ids)[]).find((k) => ids[k] === id);

function input(overrides: Partial<VoucherInput> = {}): VoucherInput {
  return {
    kind: "spend",
    tiers: [{ minCents: 5_000, offCents: 500 }],
    percentOff: null,
    capCents: null,
    minCents: 5_000,
    startsAt: new Date(T0.getTime() - HOUR),
    endsAt: new Date(T0.getTime() + 48 * HOUR),
    totalQuantity: 100,
    perShopperLimit: 1,
    code: null,
    funder: "campaign",
    ...overrides,
  };
}
function storeVoucher(slug: string, overrides: Partial<VoucherInput> = {}) {
  const { user } = ownerOf(slug);
  const result = issueStoreVoucher(findOwnStore(user)!, user.id, input({ ...overrides, funder: "store" }));
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

beforeAll(async () => {
  const db = getDb();
  setClock(T0);
  // The seed's own vouchers for these stores would blur what this file turns on and off.
  const storeIds = db
    .select({ id: stores.id })
    .from(stores)
    .where(inArray(stores.slug, [STORE_A, STORE_B]))
    .all()
    .map((s) => s.id);
  db.update(vouchers).set({ stoppedAt: T0 }).where(inArray(vouchers.storeId, storeIds)).run();
  ids.A = createProduct(db, { storeSlug: STORE_A, priceCents: 300, titleEn: `${TOKEN} A Mug` }).id;
  ids.B = createProduct(db, { storeSlug: STORE_B, priceCents: 200, titleEn: `${TOKEN} B Soap` }).id;
  ids.C = createProduct(db, { storeSlug: STORE_B, priceCents: 400, titleEn: `${TOKEN} C Butter` }).id;
  festivalId = createFestival(db, {
    startsAt: new Date(T0.getTime() - 24 * HOUR),
    endsAt: new Date(T0.getTime() + 72 * HOUR),
    deals: [{ productId: ids.C, dealPriceCents: 350 }],
  }).id;
  await sync();
  setSearchState(db, "festivalBoundariesAt", T0);
});
afterAll(() => setClock(null));

/** Both engines' products with a voucher, cheapest first, and the facet's count (which must match). */
async function withVoucher() {
  const query = `q=${TOKEN}&voucher=1&sort=price-asc`;
  const response = await runLoader(api.loader, `/api/search?${query}`);
  expect(response.status).toBe(200);
  const meili = (await response.json()) as SearchResult;
  expect(meili.engine).toBe("meilisearch");
  const sqlite = fallbackSearch(getDb(), parseSearchParams(new URLSearchParams(query)).params, "en");
  const mine = (r: SearchResult) => r.hits.flatMap((h) => name(h.id) ?? []);
  expect(mine(sqlite)).toEqual(mine(meili));
  const all = `q=${TOKEN}`;
  const facetMeili = ((await (await runLoader(api.loader, `/api/search?${all}`)).json()) as SearchResult).facets;
  const facetSqlite = fallbackSearch(getDb(), parseSearchParams(new URLSearchParams(all)).params, "en").facets;
  expect(facetSqlite.voucher.true ?? 0).toBe(facetMeili.voucher.true ?? 0);
  expect(facetMeili.voucher.true ?? 0).toBe(mine(meili).length);
  return mine(meili);
}

describe("voucher available", () => {
  test("none to claim: the filter finds nothing", async () => {
    expect(await withVoucher()).toEqual([]);
  });

  test("a store voucher covers the store's products; a festival voucher its deal products; a code voucher neither", async () => {
    const storeVoucherId = storeVoucher(STORE_A);
    await sync();
    expect(await withVoucher()).toEqual(["A"]);

    const result = issueFestivalVoucher(organizer(), festivalId, input({ endsAt: new Date(T0.getTime() + HOUR) }));
    expect(result.ok).toBe(true);
    storeVoucher(STORE_B, { code: "COUPONWATCH1" }); // outreach only: not claimable from a page
    await sync();
    expect(await withVoucher()).toEqual(["A", "C"]);

    // Stopped by its owner: the store's products leave the filter.
    const { user } = ownerOf(STORE_A);
    expect(stopStoreVoucher(findOwnStore(user)!, storeVoucherId)).toBe(true);
    await sync();
    expect(await withVoucher()).toEqual(["C"]);
  });

  test("the last one claimed takes the store's products off; the festival voucher's end takes its products off", async () => {
    const lastOne = storeVoucher(STORE_B, { totalQuantity: 1 });
    await sync();
    expect(await withVoucher()).toEqual(["B", "C"]);
    const shopper = await newShopper();
    expect(claimVoucher(shopper.id, { voucherId: lastOne }, T0)).toMatchObject({ ok: true, left: 0 });
    await sync();
    expect(await withVoucher()).toEqual(["C"]);

    // One millisecond before the festival voucher ends, then at its end (the boundaries job runs).
    const ends = getDb()
      .select({ endsAt: vouchers.endsAt })
      .from(vouchers)
      .where(eq(vouchers.festivalId, festivalId))
      .get()!.endsAt;
    setClock(new Date(ends.getTime() - 1));
    enqueueFestivalBoundaries(getDb());
    await sync();
    expect(await withVoucher()).toEqual(["C"]);
    setClock(ends);
    expect(enqueueFestivalBoundaries(getDb()).products).toBeGreaterThanOrEqual(1);
    await sync();
    expect(await withVoucher()).toEqual([]);
  });
});
