import { and, desc, eq, inArray } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { isVisibleProduct, productIsVisible, storeIsOpen } from "#db/rules.ts";
import { festivalDeals, products, storeFollows, stores, wishlistItems } from "#db/schema/index.ts";
import { getStoreNames } from "./catalog.server.ts";
import { liveFestivalIds } from "./festivals.server.ts";
import { withDeals } from "./pricing.server.ts";
import { cardQuery, listProductCardsByIds, toProductCard, type ProductCard } from "./products.server.ts";

/**
 * Signed-in shoppers' saved products (收藏) and followed stores (关注店铺), decision 028. Every
 * function takes the user's id from the session: a shopper only ever reads and changes their own.
 */

export const MAX_WISHLIST = 500;
export const MAX_FOLLOWS = 200;

export type SaveResult = { ok: true; saved: boolean } | { ok: false; error: "notFound" | "full" };

/** Saves (`save: true`) or removes a product; saving twice or removing twice changes nothing. */
export function setWishlisted(userId: number, productId: number, save: boolean): SaveResult {
  const db = getDb();
  if (!save) {
    db.delete(wishlistItems)
      .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)))
      .run();
    return { ok: true, saved: false };
  }
  return db.transaction(
    (tx): SaveResult => {
      const product = tx
        .select({ id: products.id })
        .from(products)
        .innerJoin(stores, eq(stores.id, products.storeId))
        .where(and(eq(products.id, productId), productIsVisible))
        .get();
      if (!product) return { ok: false, error: "notFound" };
      const saved = tx
        .select({ productId: wishlistItems.productId })
        .from(wishlistItems)
        .where(eq(wishlistItems.userId, userId))
        .all();
      if (saved.some((s) => s.productId === productId)) return { ok: true, saved: true };
      if (saved.length >= MAX_WISHLIST) return { ok: false, error: "full" };
      tx.insert(wishlistItems).values({ userId, productId, createdAt: clockNow() }).onConflictDoNothing().run();
      return { ok: true, saved: true };
    },
    { behavior: "immediate" },
  );
}

/** Every product id the user saved (at most MAX_WISHLIST): the root loader's hearts. One indexed read. */
export function savedProductIds(userId: number): number[] {
  return getDb()
    .select({ id: wishlistItems.productId })
    .from(wishlistItems)
    .where(eq(wishlistItems.userId, userId))
    .all()
    .map((r) => r.id);
}

/** Which of these products the user saved (for hearts on a page of cards). */
export function wishlistedIds(userId: number, productIds: readonly number[]): number[] {
  if (productIds.length === 0) return [];
  return getDb()
    .select({ id: wishlistItems.productId })
    .from(wishlistItems)
    .where(and(eq(wishlistItems.userId, userId), inArray(wishlistItems.productId, [...productIds])))
    .all()
    .map((r) => r.id);
}

export interface WishlistEntry extends ProductCard {
  /** False when the listing was withdrawn or its store closed: shown, but it cannot be bought. */
  available: boolean;
  savedAt: string;
}

/** The user's saved products, newest first: price (with a live deal), stock and whether still listed. */
export function listWishlist(userId: number, locale: Locale): WishlistEntry[] {
  const rows = cardQuery()
    .innerJoin(wishlistItems, eq(wishlistItems.productId, products.id))
    .where(eq(wishlistItems.userId, userId))
    .orderBy(desc(wishlistItems.createdAt), desc(wishlistItems.productId))
    .all();
  const status = new Map(
    getDb()
      .select({ id: products.id, productStatus: products.status, storeStatus: stores.status })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .innerJoin(wishlistItems, eq(wishlistItems.productId, products.id))
      .where(eq(wishlistItems.userId, userId))
      .all()
      .map((r) => [r.id, isVisibleProduct({ status: r.productStatus }, { status: r.storeStatus })]),
  );
  const savedAt = new Map(
    getDb()
      .select({ id: wishlistItems.productId, at: wishlistItems.createdAt })
      .from(wishlistItems)
      .where(eq(wishlistItems.userId, userId))
      .all()
      .map((r) => [r.id, r.at.toISOString()]),
  );
  return withDeals(
    rows.map((r) => toProductCard(r, locale)),
    locale,
  ).map((card) => ({ ...card, available: status.get(card.id) ?? false, savedAt: savedAt.get(card.id) ?? "" }));
}

export type FollowResult = { ok: true; following: boolean } | { ok: false; error: "notFound" | "full" };

/** Follows or unfollows an open store; twice the same changes nothing. */
export function setFollowing(userId: number, storeId: number, follow: boolean): FollowResult {
  const db = getDb();
  if (!follow) {
    db.delete(storeFollows)
      .where(and(eq(storeFollows.userId, userId), eq(storeFollows.storeId, storeId)))
      .run();
    return { ok: true, following: false };
  }
  return db.transaction(
    (tx): FollowResult => {
      const store = tx
        .select({ id: stores.id })
        .from(stores)
        .where(and(eq(stores.id, storeId), storeIsOpen))
        .get();
      if (!store) return { ok: false, error: "notFound" };
      const followed = tx
        .select({ storeId: storeFollows.storeId })
        .from(storeFollows)
        .where(eq(storeFollows.userId, userId))
        .all();
      if (followed.some((f) => f.storeId === storeId)) return { ok: true, following: true };
      if (followed.length >= MAX_FOLLOWS) return { ok: false, error: "full" };
      tx.insert(storeFollows).values({ userId, storeId, createdAt: clockNow() }).onConflictDoNothing().run();
      return { ok: true, following: true };
    },
    { behavior: "immediate" },
  );
}

export function isFollowing(userId: number, storeId: number): boolean {
  return (
    getDb()
      .select({ id: storeFollows.storeId })
      .from(storeFollows)
      .where(and(eq(storeFollows.userId, userId), eq(storeFollows.storeId, storeId)))
      .get() !== undefined
  );
}

export interface FollowedFeed {
  stores: { id: number; slug: string; name: string }[];
  /** The followed stores' newest listings. */
  newProducts: ProductCard[];
  /** Their products on a deal in a festival live now. */
  liveDeals: ProductCard[];
}

/** What /account shows of the stores the user follows. */
export function followedStoresFeed(userId: number, locale: Locale, limit = 8): FollowedFeed {
  const db = getDb();
  const followed = db
    .select({ id: stores.id, slug: stores.slug })
    .from(storeFollows)
    .innerJoin(stores, eq(stores.id, storeFollows.storeId))
    .where(and(eq(storeFollows.userId, userId), storeIsOpen))
    .orderBy(desc(storeFollows.createdAt))
    .all();
  if (followed.length === 0) return { stores: [], newProducts: [], liveDeals: [] };
  const ids = followed.map((s) => s.id);
  const names = getStoreNames(
    followed.map((s) => s.slug),
    locale,
  );
  const newRows = cardQuery()
    .where(and(productIsVisible, inArray(products.storeId, ids)))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(limit)
    .all();
  const live = liveFestivalIds();
  const dealIds =
    live.length === 0
      ? []
      : db
          .selectDistinct({ id: festivalDeals.productId })
          .from(festivalDeals)
          .innerJoin(products, eq(products.id, festivalDeals.productId))
          .where(and(inArray(festivalDeals.festivalId, live), inArray(products.storeId, ids)))
          .limit(limit * 4)
          .all()
          .map((r) => r.id);
  return {
    stores: followed.map((s) => ({ id: s.id, slug: s.slug, name: names[s.slug] ?? s.slug })),
    newProducts: withDeals(
      newRows.map((r) => toProductCard(r, locale)),
      locale,
    ),
    liveDeals: listProductCardsByIds(dealIds, locale)
      .filter((c) => c.deal !== null)
      .slice(0, limit),
  };
}
