import { and, eq, gt, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { closeDb, getDb } from "#app/utils/db.server.ts";
import { setClock } from "#db/clock.ts";
import { searchOutbox, searchState } from "#db/schema/index.ts";
import { enqueueFestivalBoundaries } from "#search/festival-boundaries.ts";
import { getSearchState, setSearchState } from "#search/indexer.ts";
import { createFestival, createProduct } from "#tests/support/factories.ts";

const DAY = 86_400_000;
const at = (date: Date, deltaMs: number) => new Date(date.getTime() + deltaMs);

afterEach(() => setClock(null));

/** The festival-boundary job (search/festival-boundaries.ts), run by hand at chosen instants of the test clock. */
describe("the festival-boundary job", () => {
  // Far from the seeded festivals, so only this file's festivals have boundaries in the ranges below.
  const start = new Date("2031-03-01T02:00:00.000Z");
  const end = at(start, 3 * DAY);
  let onDeal: number;
  let inDraft: number;
  let elsewhere: number;
  let watermark: number;

  beforeEach(() => {
    const db = getDb();
    onDeal = createProduct(db).id;
    inDraft = createProduct(db).id;
    elsewhere = createProduct(db).id;
    createFestival(db, { startsAt: start, endsAt: end, deals: [{ productId: onDeal, discountPercent: 20 }] });
    createFestival(db, {
      startsAt: start,
      endsAt: end,
      published: false,
      deals: [{ productId: inDraft, discountPercent: 30 }],
    });
    createFestival(db, {
      startsAt: at(start, 100 * DAY),
      endsAt: at(start, 101 * DAY),
      deals: [{ productId: elsewhere, discountPercent: 10 }],
    });
    watermark = db.select({ id: searchOutbox.id }).from(searchOutbox).orderBy(searchOutbox.id).all().at(-1)?.id ?? 0;
    setSearchState(db, "festivalBoundariesAt", at(start, -DAY));
  });

  /** This test's products re-sent since the last call (one entry per outbox row). */
  function resent(): number[] {
    const rows = getDb()
      .select({ id: searchOutbox.id, productId: searchOutbox.entityId })
      .from(searchOutbox)
      .where(
        and(
          gt(searchOutbox.id, watermark),
          eq(searchOutbox.entityType, "product"),
          inArray(searchOutbox.entityId, [onDeal, inDraft, elsewhere]),
        ),
      )
      .orderBy(searchOutbox.id)
      .all();
    watermark = Math.max(watermark, ...rows.map((r) => r.id));
    return rows.map((r) => r.productId);
  }

  const runAt = (instant: Date) => {
    setClock(instant);
    return enqueueFestivalBoundaries(getDb());
  };

  test("re-sends a published festival's products once its start or end has passed, once, from the clock", () => {
    expect(runAt(at(start, -1)).to).toEqual(at(start, -1));
    expect(resent()).toEqual([]);
    runAt(start);
    expect(resent()).toEqual([onDeal]); // not the unpublished festival's product, nor the later festival's
    runAt(at(start, 1));
    runAt(at(end, -1));
    expect(resent()).toEqual([]);
    expect(runAt(end)).toMatchObject({ from: at(end, -1), to: end });
    expect(resent()).toEqual([onDeal]);
  });

  test("a restart resumes from the last instant handled: a boundary passed while stopped is sent once", () => {
    runAt(at(start, -1));
    resent();
    // The process stops; the festival starts and ends while it is down; a new one opens the database.
    closeDb();
    expect(getSearchState(getDb(), "festivalBoundariesAt")).toBe(at(start, -1).toISOString());
    runAt(at(end, 60_000));
    expect(resent()).toEqual([onDeal]);
    closeDb();
    runAt(at(end, 60_000));
    runAt(at(end, 75_000));
    expect(resent()).toEqual([]);
  });

  test("a clock set back re-sends what it crosses; without any record it starts from the last reindex, else from now", () => {
    runAt(at(end, 1));
    resent();
    runAt(at(start, -1));
    expect(resent()).toEqual([onDeal]);

    const db = getDb();
    db.delete(searchState).where(eq(searchState.key, "festivalBoundariesAt")).run();
    setSearchState(db, "lastReindexAt", at(start, -DAY));
    expect(runAt(start)).toMatchObject({ from: at(start, -DAY), to: start });
    expect(resent()).toEqual([onDeal]);

    db.delete(searchState)
      .where(inArray(searchState.key, ["festivalBoundariesAt", "lastReindexAt"]))
      .run();
    expect(runAt(at(end, 1))).toEqual({ from: null, to: at(end, 1), products: 0 });
    expect(resent()).toEqual([]);
    expect(getSearchState(db, "festivalBoundariesAt")).toBe(at(end, 1).toISOString());
  });
});
