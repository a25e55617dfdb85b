import { and, eq, gt, inArray, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import type { DB } from "./client.ts";
import { festivalDeals, festivals, products, vouchers } from "./schema/index.ts";

type Reader = Pick<DB, "select" | "selectDistinct">;

/**
 * A voucher shoppers can claim from a page at `at` (decision 034): without a code (code vouchers are
 * for organizers' outreach), not stopped, not over and some left. An upcoming one counts: it may be
 * claimed ahead.
 */
export function voucherIsClaimable(at: Date): SQL {
  return and(
    isNull(vouchers.code),
    isNull(vouchers.stoppedAt),
    gt(vouchers.endsAt, at),
    lt(vouchers.claimedCount, vouchers.totalQuantity),
  )!;
}

/**
 * Which products have a voucher to claim at `at`, the "voucher available" filter and facet: the
 * store's own voucher, or a festival voucher of a published festival the product has a deal in.
 * Returns a test on (product id, store id); two small queries whatever the catalog's size.
 */
export function voucherAvailability(db: Reader, at: Date): (productId: number, storeId: number) => boolean {
  const storeIds = new Set(
    db
      .selectDistinct({ id: vouchers.storeId })
      .from(vouchers)
      .where(and(eq(vouchers.scope, "store"), voucherIsClaimable(at)))
      .all()
      .map((r) => r.id),
  );
  const productIds = new Set(
    db
      .selectDistinct({ id: festivalDeals.productId })
      .from(festivalDeals)
      .innerJoin(festivals, eq(festivals.id, festivalDeals.festivalId))
      .innerJoin(vouchers, and(eq(vouchers.festivalId, festivals.id), eq(vouchers.scope, "festival")))
      .where(and(eq(festivals.published, true), voucherIsClaimable(at)))
      .all()
      .map((r) => r.id),
  );
  return (productId, storeId) => storeIds.has(storeId) || productIds.has(productId);
}

/**
 * The products whose "voucher available" flag a voucher can change: every product of a store
 * voucher's store, or the deal products of a festival voucher's festival. The search outbox re-sends
 * them when the voucher is issued, stopped, claimed out or over.
 */
export function productsTouchedByVouchers(db: Reader, voucherIds: readonly number[]): number[] {
  if (voucherIds.length === 0) return [];
  const rows = db
    .selectDistinct({ id: products.id })
    .from(vouchers)
    .leftJoin(festivalDeals, and(eq(vouchers.scope, "festival"), eq(festivalDeals.festivalId, vouchers.festivalId)))
    .innerJoin(
      products,
      or(
        and(eq(vouchers.scope, "store"), eq(products.storeId, vouchers.storeId)),
        eq(products.id, festivalDeals.productId),
      ),
    )
    .where(inArray(vouchers.id, [...voucherIds]))
    .all();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Vouchers whose end lies in (lo, hi]: their "voucher available" flags flip then. */
export function vouchersEndingBetween(db: Reader, lo: Date, hi: Date): number[] {
  return db
    .select({ id: vouchers.id })
    .from(vouchers)
    .where(and(gt(vouchers.endsAt, lo), lte(vouchers.endsAt, hi)))
    .all()
    .map((r) => r.id);
}
