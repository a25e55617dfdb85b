import { asc, count, eq } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { toBeijingLocal, type FestivalInput } from "#app/utils/festival-form.ts";
import { now as clockNow } from "#db/clock.ts";
import { dealPercentOff, dealPriceFor } from "#db/pricing.ts";
import { isVisibleProduct } from "#db/rules.ts";
import { festivalDeals, festivalSessions, festivalStores, festivals, products, stores } from "#db/schema/index.ts";
import { slugify, uniqueSlug } from "#db/text.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { moveReminders } from "../reminders.server.ts";
import { toFestivalSummary, type FestivalSummary } from "../festivals.server.ts";
import { pick } from "../localize.ts";
import { dealProducts } from "./festival-deals.server.ts";

/**
 * Festival management for organizers: the list, the festival itself (details, publishing) and the
 * editor's view. Festival times are entered and shown in Beijing time (the shoppers' time); they are
 * stored as UTC instants. Every change that alters a price or a festival's visibility re-indexes the
 * products concerned through the outbox, in the same transaction.
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
    // Shoppers' "remind me" follow a new start (decision 036).
    if (input.startsAt.getTime() !== before.startsAt.getTime()) moveReminders(tx, "festival", id, input.startsAt);
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
  /** 限购: units one shopper may buy at the deal price; null for no limit. */
  perShopperLimit: number | null;
  soldCount: number;
  /** Units held at the deal price by unpaid orders; the cap counts them with the units sold. */
  reservedCount: number;
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
        percentOff: dealPercentOff(product.priceCents, deal, price),
        mode: deal.dealPriceCents === null ? "percent" : "price",
        percent: deal.discountPercent,
        dealStock: deal.dealStock,
        perShopperLimit: deal.perShopperLimit,
        soldCount: deal.soldCount,
        reservedCount: deal.reservedCount,
        visible: isVisibleProduct(product, store),
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
