import { and, asc, count, eq, inArray, max, notInArray } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { dealPriceFor, percentOff } from "#db/pricing.ts";
import {
  categories,
  festivalDeals,
  festivalSessions,
  festivalStores,
  festivals,
  products,
  stores,
} from "#db/schema/index.ts";
import { slugify, uniqueSlug } from "#db/text.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { toBeijingLocal, type FestivalInput, type SessionInput } from "#app/utils/festival-form.ts";
import { assertOrganizer } from "./admin.server.ts";
import { recordAudit } from "./audit.server.ts";
import { toFestivalSummary, type FestivalSummary } from "./festivals.server.ts";
import { pick } from "./localize.ts";
import type { Actor } from "./owner.server.ts";
import { shopperVisible } from "./products.server.ts";

/**
 * Festival management for organizers. Festival times are entered and shown in Beijing time (the
 * shoppers' time); they are stored as UTC instants. Every change that alters a price or a festival's
 * visibility re-indexes the products concerned through the outbox, in the same transaction.
 */
export function listFestivalsForAdmin(actor: Actor, locale: Locale): FestivalSummary[] {
  assertOrganizer(actor);
  const db = getDb();
  const counts = new Map(
    db
      .select({ id: festivalDeals.festivalId, n: count() })
      .from(festivalDeals)
      .groupBy(festivalDeals.festivalId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const at = clockNow();
  return db
    .select()
    .from(festivals)
    .orderBy(asc(festivals.startsAt))
    .all()
    .map((f) => toFestivalSummary(f, counts.get(f.id) ?? 0, locale, at))
    .sort(
      (a, b) =>
        ({ live: 0, upcoming: 1, ended: 2 })[a.status] - { live: 0, upcoming: 1, ended: 2 }[b.status] ||
        a.startsAt.localeCompare(b.startsAt),
    );
}

const dealProducts = (tx: Pick<ReturnType<typeof getDb>, "select">, festivalId: number) =>
  tx
    .select({ id: festivalDeals.productId })
    .from(festivalDeals)
    .where(eq(festivalDeals.festivalId, festivalId))
    .all()
    .map((r) => r.id);

export type FestivalSaveResult = { ok: true; id: number } | { ok: false; error: "notFound" | "slugTaken" };

export function createFestival(actor: Actor, input: FestivalInput): FestivalSaveResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const taken = (slug: string) =>
      Boolean(tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, slug)).get());
    if (input.slug && taken(input.slug)) return { ok: false, error: "slugTaken" } as const;
    const slug = input.slug ?? uniqueSlug(slugify(input.nameEn) || "festival", taken);
    const [row] = tx
      .insert(festivals)
      .values({ ...input, slug, published: false })
      .returning()
      .all();
    recordAudit(tx, actor, "festival.create", { type: "festival", id: row!.id }, null, { ...input, slug });
    return { ok: true, id: row!.id } as const;
  });
}

export function updateFestival(actor: Actor, id: number, input: FestivalInput): FestivalSaveResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = tx.select().from(festivals).where(eq(festivals.id, id)).get();
    if (!before) return { ok: false, error: "notFound" } as const;
    const slug = input.slug ?? before.slug;
    if (slug !== before.slug && tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, slug)).get())
      return { ok: false, error: "slugTaken" } as const;
    tx.update(festivals)
      .set({ ...input, slug, updatedAt: new Date() })
      .where(eq(festivals.id, id))
      .run();
    // New dates change when prices apply, and the discount sort in the index.
    enqueueSearchSync(tx, "product", dealProducts(tx, id));
    recordAudit(tx, actor, "festival.update", { type: "festival", id }, festivalFacts(before), { ...input, slug });
    return { ok: true, id } as const;
  });
}

const festivalFacts = (f: typeof festivals.$inferSelect) => ({
  slug: f.slug,
  nameEn: f.nameEn,
  nameZh: f.nameZh,
  nameFr: f.nameFr,
  startsAt: f.startsAt.toISOString(),
  endsAt: f.endsAt.toISOString(),
  themeColor: f.themeColor,
  published: f.published,
});

export function setFestivalPublished(actor: Actor, id: number, published: boolean): { ok: boolean } {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = tx.select().from(festivals).where(eq(festivals.id, id)).get();
    if (!before) return { ok: false };
    if (before.published === published) return { ok: true };
    tx.update(festivals).set({ published, updatedAt: new Date() }).where(eq(festivals.id, id)).run();
    enqueueSearchSync(tx, "product", dealProducts(tx, id));
    recordAudit(
      tx,
      actor,
      published ? "festival.publish" : "festival.unpublish",
      { type: "festival", id },
      { published: before.published },
      { published },
    );
    return { ok: true };
  });
}

export type DealTermsInput = { mode: "percent"; percent: number } | { mode: "price"; priceCents: number };
export type DealResult =
  | { ok: true; added?: number; skipped?: number }
  | {
      ok: false;
      error:
        "notFound" | "duplicate" | "priceNotBelow" | "priceNotPositive" | "percentRange" | "nothingToAdd" | "capRange";
    };

function checkTerms(regularCents: number, terms: DealTermsInput): DealResult | null {
  if (terms.mode === "percent")
    return Number.isInteger(terms.percent) && terms.percent >= 1 && terms.percent <= 90
      ? null
      : { ok: false, error: "percentRange" };
  if (!Number.isInteger(terms.priceCents) || terms.priceCents <= 0) return { ok: false, error: "priceNotPositive" };
  if (terms.priceCents >= regularCents) return { ok: false, error: "priceNotBelow" };
  return null;
}

const termColumns = (terms: DealTermsInput) =>
  terms.mode === "percent"
    ? { dealPriceCents: null, discountPercent: terms.percent }
    : { dealPriceCents: terms.priceCents, discountPercent: null };

export function addDeal(
  actor: Actor,
  festivalId: number,
  productId: number,
  terms: DealTermsInput,
  dealStock: number | null = null,
): DealResult {
  assertOrganizer(actor);
  if (dealStock !== null && (!Number.isInteger(dealStock) || dealStock < 1 || dealStock > 1_000_000))
    return { ok: false, error: "capRange" };
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const product = tx
      .select({ id: products.id, priceCents: products.priceCents })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(eq(products.id, productId), shopperVisible))
      .get();
    if (!product) return { ok: false, error: "notFound" } as const;
    const invalid = checkTerms(product.priceCents, terms);
    if (invalid) return invalid;
    if (
      tx
        .select({ id: festivalDeals.id })
        .from(festivalDeals)
        .where(and(eq(festivalDeals.festivalId, festivalId), eq(festivalDeals.productId, productId)))
        .get()
    ) {
      return { ok: false, error: "duplicate" } as const;
    }
    const last =
      tx
        .select({ p: max(festivalDeals.position) })
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, festivalId))
        .get()?.p ?? -1;
    const [deal] = tx
      .insert(festivalDeals)
      .values({ festivalId, productId, ...termColumns(terms), dealStock, position: last + 1 })
      .returning()
      .all();
    enqueueSearchSync(tx, "product", [productId]);
    recordAudit(tx, actor, "festival.deal.add", { type: "festival", id: festivalId }, null, {
      dealId: deal!.id,
      productId,
      ...termColumns(terms),
      dealStock,
    });
    return { ok: true, added: 1 } as const;
  });
}

/** Adds every listed product of a store or a category (not yet in the festival) at a percentage off. */
export function bulkAddDeals(
  actor: Actor,
  festivalId: number,
  scope: { store?: string; category?: string },
  percent: number,
): DealResult {
  assertOrganizer(actor);
  const invalid = checkTerms(Infinity, { mode: "percent", percent });
  if (invalid) return invalid;
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const existing = dealProducts(tx, festivalId);
    const scopeCondition = scope.store
      ? eq(stores.slug, scope.store)
      : scope.category
        ? eq(categories.slug, scope.category)
        : undefined;
    if (!scopeCondition) return { ok: false, error: "notFound" } as const;
    const candidates = tx
      .select({ id: products.id })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(shopperVisible, scopeCondition, existing.length > 0 ? notInArray(products.id, existing) : undefined))
      .orderBy(asc(products.id))
      .all()
      .map((r) => r.id);
    if (candidates.length === 0) return { ok: false, error: "nothingToAdd" } as const;
    let position =
      (tx
        .select({ p: max(festivalDeals.position) })
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, festivalId))
        .get()?.p ?? -1) + 1;
    tx.insert(festivalDeals)
      .values(
        candidates.map((productId) => ({
          festivalId,
          productId,
          dealPriceCents: null,
          discountPercent: percent,
          position: position++,
        })),
      )
      .run();
    enqueueSearchSync(tx, "product", candidates);
    recordAudit(tx, actor, "festival.deal.add", { type: "festival", id: festivalId }, null, {
      bulk: scope,
      percent,
      productIds: candidates,
    });
    return { ok: true, added: candidates.length, skipped: existing.length } as const;
  });
}

function getDealWithPrice(tx: Pick<ReturnType<typeof getDb>, "select">, festivalId: number, dealId: number) {
  return tx
    .select({ deal: festivalDeals, priceCents: products.priceCents })
    .from(festivalDeals)
    .innerJoin(products, eq(products.id, festivalDeals.productId))
    .where(and(eq(festivalDeals.id, dealId), eq(festivalDeals.festivalId, festivalId)))
    .get();
}

export function updateDeal(
  actor: Actor,
  festivalId: number,
  dealId: number,
  terms: DealTermsInput,
  dealStock: number | null,
): DealResult {
  assertOrganizer(actor);
  if (dealStock !== null && (!Number.isInteger(dealStock) || dealStock < 1 || dealStock > 1_000_000))
    return { ok: false, error: "capRange" };
  return getDb().transaction((tx) => {
    const found = getDealWithPrice(tx, festivalId, dealId);
    if (!found) return { ok: false, error: "notFound" } as const;
    const invalid = checkTerms(found.priceCents, terms);
    if (invalid) return invalid;
    tx.update(festivalDeals)
      .set({ ...termColumns(terms), dealStock })
      .where(eq(festivalDeals.id, dealId))
      .run();
    enqueueSearchSync(tx, "product", [found.deal.productId]);
    recordAudit(
      tx,
      actor,
      "festival.deal.update",
      { type: "festival", id: festivalId },
      {
        dealId,
        dealPriceCents: found.deal.dealPriceCents,
        discountPercent: found.deal.discountPercent,
        dealStock: found.deal.dealStock,
      },
      { dealId, ...termColumns(terms), dealStock },
    );
    return { ok: true } as const;
  });
}

export function removeDeal(actor: Actor, festivalId: number, dealId: number): DealResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const found = getDealWithPrice(tx, festivalId, dealId);
    if (!found) return { ok: false, error: "notFound" } as const;
    tx.delete(festivalDeals).where(eq(festivalDeals.id, dealId)).run();
    enqueueSearchSync(tx, "product", [found.deal.productId]);
    recordAudit(
      tx,
      actor,
      "festival.deal.remove",
      { type: "festival", id: festivalId },
      { dealId, productId: found.deal.productId },
      null,
    );
    return { ok: true } as const;
  });
}

export function moveDeal(actor: Actor, festivalId: number, dealId: number, direction: "up" | "down"): DealResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const order = tx
      .select({ id: festivalDeals.id })
      .from(festivalDeals)
      .where(eq(festivalDeals.festivalId, festivalId))
      .orderBy(asc(festivalDeals.position), asc(festivalDeals.id))
      .all()
      .map((r) => r.id);
    const from = order.indexOf(dealId);
    if (from === -1) return { ok: false, error: "notFound" } as const;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return { ok: true } as const;
    [order[from], order[to]] = [order[to]!, order[from]!];
    order.forEach((id, position) => tx.update(festivalDeals).set({ position }).where(eq(festivalDeals.id, id)).run());
    recordAudit(
      tx,
      actor,
      "festival.deal.move",
      { type: "festival", id: festivalId },
      { dealId, position: from },
      { dealId, position: to },
    );
    return { ok: true } as const;
  });
}

/** Replaces the featured stores with these slugs, in this order; unknown or unapproved slugs are reported back. */
export function setFestivalStores(
  actor: Actor,
  festivalId: number,
  slugs: string[],
): { ok: true } | { ok: false; error: "notFound"; unknown?: string[] } {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const wanted = [...new Set(slugs)];
    const found =
      wanted.length === 0
        ? []
        : tx
            .select({ id: stores.id, slug: stores.slug })
            .from(stores)
            .where(and(inArray(stores.slug, wanted), eq(stores.status, "approved")))
            .all();
    const unknown = wanted.filter((s) => !found.some((f) => f.slug === s));
    if (unknown.length > 0) return { ok: false, error: "notFound", unknown } as const;
    const before = tx
      .select()
      .from(festivalStores)
      .where(eq(festivalStores.festivalId, festivalId))
      .orderBy(asc(festivalStores.position))
      .all();
    tx.delete(festivalStores).where(eq(festivalStores.festivalId, festivalId)).run();
    const ids = wanted.map((s) => found.find((f) => f.slug === s)!.id);
    if (ids.length > 0)
      tx.insert(festivalStores)
        .values(ids.map((storeId, position) => ({ festivalId, storeId, position })))
        .run();
    recordAudit(
      tx,
      actor,
      "festival.stores",
      { type: "festival", id: festivalId },
      before.map((b) => b.storeId),
      ids,
    );
    return { ok: true } as const;
  });
}

export function addSession(
  actor: Actor,
  festivalId: number,
  input: SessionInput,
): { ok: true } | { ok: false; error: "notFound" | "storeNotFound" | "productsNotOfStore" } {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const store = tx
      .select({ id: stores.id })
      .from(stores)
      .where(and(eq(stores.slug, input.storeSlug), eq(stores.status, "approved")))
      .get();
    if (!store) return { ok: false, error: "storeNotFound" } as const;
    if (input.productIds.length > 0) {
      const own = tx
        .select({ id: products.id })
        .from(products)
        .where(and(inArray(products.id, input.productIds), eq(products.storeId, store.id)))
        .all();
      if (own.length !== input.productIds.length) return { ok: false, error: "productsNotOfStore" } as const;
    }
    const { storeSlug: _slug, ...rest } = input;
    const [row] = tx
      .insert(festivalSessions)
      .values({ ...rest, festivalId, storeId: store.id })
      .returning()
      .all();
    recordAudit(tx, actor, "festival.session.add", { type: "festival", id: festivalId }, null, {
      sessionId: row!.id,
      ...input,
    });
    return { ok: true } as const;
  });
}

export function removeSession(actor: Actor, festivalId: number, sessionId: number): { ok: boolean } {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = tx
      .select()
      .from(festivalSessions)
      .where(and(eq(festivalSessions.id, sessionId), eq(festivalSessions.festivalId, festivalId)))
      .get();
    if (!before) return { ok: false };
    tx.delete(festivalSessions).where(eq(festivalSessions.id, sessionId)).run();
    recordAudit(
      tx,
      actor,
      "festival.session.remove",
      { type: "festival", id: festivalId },
      { sessionId, titleEn: before.titleEn, storeId: before.storeId },
      null,
    );
    return { ok: true };
  });
}

export interface AdminDealRow {
  id: number;
  productId: number;
  productSlug: string;
  title: string;
  storeName: string;
  regularCents: number;
  dealPriceCents: number;
  percentOff: number;
  mode: "percent" | "price";
  percent: number | null;
  dealStock: number | null;
  soldCount: number;
  visible: boolean;
}

/** Everything the festival editor shows, including deals on products shoppers cannot see now (flagged). */
export function getFestivalForEdit(actor: Actor, id: number, locale: Locale) {
  assertOrganizer(actor);
  const db = getDb();
  const festival = db.select().from(festivals).where(eq(festivals.id, id)).get();
  if (!festival) return null;
  const deals: AdminDealRow[] = db
    .select({ deal: festivalDeals, product: products, store: stores })
    .from(festivalDeals)
    .innerJoin(products, eq(products.id, festivalDeals.productId))
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(eq(festivalDeals.festivalId, id))
    .orderBy(asc(festivalDeals.position), asc(festivalDeals.id))
    .all()
    .map(({ deal, product, store }) => {
      const price = dealPriceFor(product.priceCents, deal);
      return {
        id: deal.id,
        productId: product.id,
        productSlug: product.slug,
        title: pick(product, "title", locale),
        storeName: pick(store, "name", locale),
        regularCents: product.priceCents,
        dealPriceCents: price,
        percentOff: percentOff(product.priceCents, price),
        mode: deal.dealPriceCents === null ? "percent" : "price",
        percent: deal.discountPercent,
        dealStock: deal.dealStock,
        soldCount: deal.soldCount,
        visible: product.status === "active" && store.status === "approved",
      };
    });
  const featuredStores = db
    .select({ slug: stores.slug })
    .from(festivalStores)
    .innerJoin(stores, eq(stores.id, festivalStores.storeId))
    .where(eq(festivalStores.festivalId, id))
    .orderBy(asc(festivalStores.position))
    .all()
    .map((r) => r.slug);
  const sessions = db
    .select({ session: festivalSessions, storeSlug: stores.slug })
    .from(festivalSessions)
    .innerJoin(stores, eq(stores.id, festivalSessions.storeId))
    .where(eq(festivalSessions.festivalId, id))
    .orderBy(asc(festivalSessions.startsAt))
    .all()
    .map(({ session, storeSlug }) => ({
      id: session.id,
      title: pick(session, "title", locale),
      storeSlug,
      startsAt: session.startsAt.toISOString(),
      productIds: session.productIds,
    }));
  return {
    festival: {
      ...toFestivalSummary(festival, deals.length, locale, clockNow()),
      form: {
        slug: festival.slug,
        nameEn: festival.nameEn,
        nameZh: festival.nameZh,
        nameFr: festival.nameFr,
        taglineEn: festival.taglineEn,
        taglineZh: festival.taglineZh,
        taglineFr: festival.taglineFr,
        themeColor: festival.themeColor,
        startsAt: toBeijingLocal(festival.startsAt),
        endsAt: toBeijingLocal(festival.endsAt),
      },
    },
    deals,
    featuredStores,
    sessions,
  };
}
