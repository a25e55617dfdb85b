import type { AppLoadContext } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { festivalDeals, festivals, products } from "#db/schema/index.ts";
import { claimableVouchers, type VoucherCard } from "./vouchers.server.ts";

/** What the claim component (领券) needs, spread into a page loader's answer. */
export interface VoucherClaimData {
  vouchers: { list: VoucherCard[] };
}

/**
 * The vouchers a page offers: a store's, a festival's, or a product's (its store's and those of the
 * published festivals it has a deal in). One call per page loader.
 */
export function voucherClaimData(
  context: Pick<AppLoadContext, "user" | "locale">,
  where: { storeId: number } | { festivalId: number } | { productId: number },
): VoucherClaimData {
  let storeIds: number[] = [];
  let festivalIds: number[] = [];
  if ("storeId" in where) storeIds = [where.storeId];
  else if ("festivalId" in where) festivalIds = [where.festivalId];
  else {
    const db = getDb();
    const product = db
      .select({ storeId: products.storeId })
      .from(products)
      .where(eq(products.id, where.productId))
      .get();
    storeIds = product ? [product.storeId] : [];
    festivalIds = db
      .select({ id: festivalDeals.festivalId })
      .from(festivalDeals)
      .innerJoin(festivals, eq(festivals.id, festivalDeals.festivalId))
      .where(and(eq(festivalDeals.productId, where.productId), eq(festivals.published, true)))
      .all()
      .map((r) => r.id);
  }
  const userId = context.user?.id ?? null;
  return {
    vouchers: {
      list: claimableVouchers({ storeIds, festivalIds }, { userId, locale: context.locale }),
    },
  };
}
