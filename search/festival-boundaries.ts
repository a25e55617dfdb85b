import { and, eq, gt, lte, or } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { now } from "#db/clock.ts";
import { festivalDeals, festivals, flashSlotItems, flashSlots } from "#db/schema/index.ts";
import { getSearchState, setSearchState } from "./indexer.ts";
import { enqueueSearchSync } from "./outbox.ts";
import { productsTouchedByVouchers, vouchersEndingBetween } from "#db/voucher-availability.ts";

export interface BoundaryRun {
  /** The instants between which festival starts and ends were looked for (`from` exclusive, `to` inclusive). */
  from: Date | null;
  to: Date;
  /** Products re-sent to the index. */
  products: number;
}

/**
 * Re-sends to the index the products of published festivals that started or ended since the last
 * run, so the effective prices the index sorts on (search/documents.ts) follow the clock. The last
 * instant handled is kept in `search_state` and moves in the same transaction as the outbox rows,
 * so a restart neither misses a boundary nor sends one twice; several processes running this take
 * turns through the write lock. Without a previous run it starts from the last full reindex (whose
 * documents were priced then), or from now on a database never indexed.
 *
 * A clock set back (tests, an operator) crosses boundaries too: the range between the two instants
 * is handled whichever way the clock moved. Time comes from db/clock.ts.
 */
export function enqueueFestivalBoundaries(db: DB, at?: Date): BoundaryRun {
  return db.transaction(
    (tx) => {
      const to = at ?? now();
      const last = getSearchState(tx, "festivalBoundariesAt") ?? getSearchState(tx, "lastReindexAt");
      setSearchState(tx, "festivalBoundariesAt", to);
      if (!last) return { from: null, to, products: 0 };
      const from = new Date(last);
      // Status flips at a start or an end (festivalStatus: live from startsAt inclusive to endsAt
      // exclusive), so prices worked out at one instant are stale at the other exactly when one of
      // those lies in (earlier, later].
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      const crossed = (
        column:
          typeof festivals.startsAt | typeof festivals.endsAt | typeof flashSlots.startsAt | typeof flashSlots.endsAt,
      ) => and(gt(column, lo), lte(column, hi));
      const ids = tx
        .selectDistinct({ id: festivalDeals.productId })
        .from(festivalDeals)
        .innerJoin(festivals, eq(festivals.id, festivalDeals.festivalId))
        .where(and(eq(festivals.published, true), or(crossed(festivals.startsAt), crossed(festivals.endsAt))))
        .all()
        .map((r) => r.id);
      // Flash-sale slots (decision 035) start and end inside festivals: their products' effective
      // prices and "flash sale now" flip at those instants too.
      const slotIds = tx
        .selectDistinct({ id: flashSlotItems.productId })
        .from(flashSlotItems)
        .innerJoin(flashSlots, eq(flashSlots.id, flashSlotItems.slotId))
        .innerJoin(festivals, eq(festivals.id, flashSlots.festivalId))
        .where(and(eq(festivals.published, true), or(crossed(flashSlots.startsAt), crossed(flashSlots.endsAt))))
        .all()
        .map((r) => r.id);
      if (slotIds.length > 0) ids.push(...slotIds.filter((id) => !ids.includes(id)));
      // A voucher that ran out of time (decision 034): its products lose "voucher available".
      const voucherProductIds = productsTouchedByVouchers(tx, vouchersEndingBetween(tx, lo, hi));
      if (voucherProductIds.length > 0) ids.push(...voucherProductIds.filter((id) => !ids.includes(id)));
      enqueueSearchSync(tx, "product", ids);
      return { from, to, products: ids.length };
    },
    { behavior: "immediate" },
  );
}
