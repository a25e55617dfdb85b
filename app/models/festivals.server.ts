import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import { now as clockNow } from "#db/clock.ts";
import { dealPercentOff, dealPriceFor, dealUnitsLeft, festivalStatus, type FestivalStatus } from "#db/pricing.ts";
import { festivalDeals, festivalSessions, festivalStores, festivals, products, stores } from "#db/schema/index.ts";
import { listStoresByIds, type StoreCard } from "./catalog.server.ts";
import { pick } from "./localize.ts";
import { listProductCardsByIds, type ProductCard } from "./products.server.ts";
import { localizedColumns } from "#db/columns.ts";
import { productIsVisible, storeIsOpen } from "#db/rules.ts";

type FestivalRow = typeof festivals.$inferSelect;

export interface FestivalSummary {
  id: number;
  slug: string;
  name: string;
  tagline: string;
  themeColor: string;
  bannerUrl: string | null;
  startsAt: string;
  endsAt: string;
  status: FestivalStatus;
  published: boolean;
  dealCount: number;
  /** The organizers' order (the home page's order of live festivals). */
  position: number;
}

export function toFestivalSummary(row: FestivalRow, dealCount: number, locale: Locale, at: Date): FestivalSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: pick(row, "name", locale),
    tagline: pick(row, "tagline", locale),
    themeColor: row.themeColor,
    bannerUrl: row.bannerUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: festivalStatus(row, at),
    published: row.published,
    dealCount,
    position: row.position,
  };
}

/** Deals shoppers can see: the product is listed and its store approved. */
function visibleDealCounts(festivalIds: number[]): Map<number, number> {
  if (festivalIds.length === 0) return new Map();
  const rows = getDb()
    .select({ festivalId: festivalDeals.festivalId, n: count() })
    .from(festivalDeals)
    .innerJoin(products, eq(products.id, festivalDeals.productId))
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(and(inArray(festivalDeals.festivalId, festivalIds), productIsVisible))
    .groupBy(festivalDeals.festivalId)
    .all();
  return new Map(rows.map((r) => [r.festivalId, r.n]));
}

/** Published festivals by status: live (in the organizers' order, then ending soonest first), upcoming (soonest first), past (latest first). */
export function listFestivals(locale: Locale, at: Date = clockNow()): Record<FestivalStatus, FestivalSummary[]> {
  const rows = getDb()
    .select()
    .from(festivals)
    .where(eq(festivals.published, true))
    .orderBy(asc(festivals.startsAt))
    .all();
  const counts = visibleDealCounts(rows.map((r) => r.id));
  const grouped: Record<FestivalStatus, FestivalSummary[]> = { live: [], upcoming: [], ended: [] };
  for (const row of rows) {
    const summary = toFestivalSummary(row, counts.get(row.id) ?? 0, locale, at);
    grouped[summary.status].push(summary);
  }
  // Live festivals in the organizers' order (decision 036), then the one ending soonest.
  const position = new Map(rows.map((r) => [r.id, r.position]));
  grouped.live.sort((a, b) => position.get(a.id)! - position.get(b.id)! || a.endsAt.localeCompare(b.endsAt));
  grouped.ended.sort((a, b) => b.endsAt.localeCompare(a.endsAt));
  return grouped;
}

/** Every live festival, in the organizers' order, each with a first row of its deals: the home page. */
export function listLiveFestivals(locale: Locale, dealLimit = 4): (FestivalSummary & { deals: ProductCard[] })[] {
  const at = clockNow();
  return listFestivals(locale, at).live.map((live) => {
    const ids = getDb()
      .select({ productId: festivalDeals.productId })
      .from(festivalDeals)
      .innerJoin(products, eq(products.id, festivalDeals.productId))
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(eq(festivalDeals.festivalId, live.id), productIsVisible))
      .orderBy(asc(festivalDeals.position), asc(festivalDeals.id))
      .limit(dealLimit)
      .all()
      .map((r) => r.productId);
    return { ...live, deals: listProductCardsByIds(ids, locale) };
  });
}

/** The first live festival and a first row of its deals. */
export function getLiveFestival(locale: Locale, dealLimit = 8): (FestivalSummary & { deals: ProductCard[] }) | null {
  return listLiveFestivals(locale, dealLimit)[0] ?? null;
}

/** A deal as the festival page lists it: this festival's price, whatever the time (past festivals show it as past). */
export interface FestivalDealCard extends ProductCard {
  festivalPrice: { priceCents: number; percentOff: number; unitsLeft: number | null };
}

export interface FestivalSession {
  id: number;
  title: string;
  startsAt: string;
  endsAt: string;
  /** Upcoming, live now or ended, by the clock. */
  status: FestivalStatus;
  onNow: boolean;
  store: { slug: string; name: string };
  products: ProductCard[];
}

export interface FestivalPage {
  festival: FestivalSummary;
  deals: { items: FestivalDealCard[]; pagination: Pagination };
  stores: StoreCard[];
  sessions: FestivalSession[];
}

export const DEALS_PER_PAGE = 24;
/** Deals on the festival page itself; the rest are one "see all" link away (`?view=deals`). */
export const DEALS_PREVIEW = 8;

/**
 * Everything the festival page shows. Unpublished festivals exist only for organizers previewing
 * them (`includeUnpublished`); for everyone else they are a 404 like any unknown slug.
 */
export function getFestivalPage(
  slug: string,
  locale: Locale,
  options: { page?: number; includeUnpublished?: boolean; dealsPerPage?: number } = {},
): FestivalPage | null {
  const db = getDb();
  const at = clockNow();
  const row = db.select().from(festivals).where(eq(festivals.slug, slug)).get();
  if (!row || (!row.published && !options.includeUnpublished)) return null;

  const visibleDeals = and(eq(festivalDeals.festivalId, row.id), productIsVisible);
  const total =
    db
      .select({ n: count() })
      .from(festivalDeals)
      .innerJoin(products, eq(products.id, festivalDeals.productId))
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(visibleDeals)
      .get()?.n ?? 0;
  const pagination = paginate(options.page ?? 1, total, options.dealsPerPage ?? DEALS_PER_PAGE);
  const dealRows = db
    .select({
      productId: festivalDeals.productId,
      dealPriceCents: festivalDeals.dealPriceCents,
      discountPercent: festivalDeals.discountPercent,
      dealStock: festivalDeals.dealStock,
      soldCount: festivalDeals.soldCount,
      reservedCount: festivalDeals.reservedCount,
    })
    .from(festivalDeals)
    .innerJoin(products, eq(products.id, festivalDeals.productId))
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(visibleDeals)
    .orderBy(asc(festivalDeals.position), asc(festivalDeals.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  // An organizer previewing an unpublished festival sees its prices as shoppers will once it is
  // published: the cards price it as published (the best live deal wins, as on the public page).
  const preview = row.published ? {} : { previewFestivalId: row.id };
  const terms = new Map(dealRows.map((d) => [d.productId, d]));
  const items = listProductCardsByIds(
    dealRows.map((d) => d.productId),
    locale,
    preview,
  ).map((card) => {
    const deal = terms.get(card.id)!;
    const priceCents = dealPriceFor(card.priceCents, deal);
    const left = dealUnitsLeft(deal);
    return {
      ...card,
      festivalPrice: {
        priceCents,
        percentOff: dealPercentOff(card.priceCents, deal, priceCents),
        unitsLeft: Number.isFinite(left) ? left : null,
      },
    };
  });

  const storeIds = db
    .select({ storeId: festivalStores.storeId })
    .from(festivalStores)
    .where(eq(festivalStores.festivalId, row.id))
    .orderBy(asc(festivalStores.position))
    .all()
    .map((r) => r.storeId);

  const sessionRows = db
    .select({
      session: festivalSessions,
      storeSlug: stores.slug,
      ...localizedColumns(stores, "name", "storeName"),
    })
    .from(festivalSessions)
    .innerJoin(stores, eq(stores.id, festivalSessions.storeId))
    .where(and(eq(festivalSessions.festivalId, row.id), storeIsOpen))
    .orderBy(asc(festivalSessions.startsAt), asc(festivalSessions.id))
    .all();
  const sessionCards = new Map(
    listProductCardsByIds([...new Set(sessionRows.flatMap((r) => r.session.productIds))], locale, preview).map((c) => [
      c.id,
      c,
    ]),
  );
  const order: Record<FestivalStatus, number> = { live: 0, upcoming: 1, ended: 2 };
  const sessions = sessionRows
    .map(({ session, ...store }) => ({
      id: session.id,
      title: pick(session, "title", locale),
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      status: festivalStatus(session, at),
      onNow: festivalStatus(session, at) === "live",
      store: { slug: store.storeSlug, name: pick(store, "storeName", locale) },
      products: session.productIds.flatMap((id) => sessionCards.get(id) ?? []),
    }))
    // Live now first, then upcoming, then ended; by start time within each (a stable sort).
    .sort((a, b) => order[a.status] - order[b.status]);

  return {
    festival: toFestivalSummary(row, total, locale, at),
    deals: { items, pagination },
    stores: listStoresByIds(storeIds, locale),
    sessions,
  };
}

/** Festival names for search facets and filter chips. */
export function getFestivalNames(locale: Locale): Record<string, string> {
  return Object.fromEntries(
    getDb()
      .select()
      .from(festivals)
      .where(eq(festivals.published, true))
      .orderBy(desc(festivals.startsAt))
      .all()
      .map((f) => [String(f.id), pick(f, "name", locale)]),
  );
}

/** Ids of published festivals live right now (the "on a festival deal" search filter). */
export function liveFestivalIds(at: Date = clockNow()): number[] {
  return getDb()
    .select({ id: festivals.id, startsAt: festivals.startsAt, endsAt: festivals.endsAt })
    .from(festivals)
    .where(eq(festivals.published, true))
    .all()
    .filter((f) => festivalStatus(f, at) === "live")
    .map((f) => f.id);
}
