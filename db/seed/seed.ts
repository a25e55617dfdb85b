import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import type { DB } from "../client.ts";
import { slugify, uniqueSlug } from "../text.ts";
import {
  categories,
  categoryTaxClasses,
  countries,
  exchangeRates,
  featuredProducts,
  products,
  searchSynonyms,
  shippingProfiles,
  stores,
  taxClasses,
  users,
} from "../schema/index.ts";
import { CATEGORIES } from "./categories.ts";
import { COUNTRIES, COUNTRY_BY_CODE, type CountrySeed } from "./countries.ts";
import { KIND_BY_KEY, L, itemsFor, type Item, type Kind, type Variant } from "./kinds.ts";
import { createRandom, type Random } from "./random.ts";
import { STORES, type StoreSeed } from "./stores.ts";
import { CATEGORY_TAX_CLASS, profilesFor, SEED_RATE, shippingGrams, TAX_CLASSES } from "./shipping.ts";
import { seedFestivals } from "./festivals.ts";
import { seedFlashSlots } from "./flash-slots.ts";
import { seedVouchers } from "./vouchers.ts";
import { storeStory, storeTagline } from "./taglines.ts";
import { SYNONYM_GROUPS } from "../../search/synonyms.ts";
import { seedOrders } from "./orders.ts";

/** Demo-only credentials, printed by the seed and documented in the README. Never use in production. */
export const DEMO_PASSWORD = "silkroad-demo-2025";
export const ORGANIZER_EMAIL = "organizer@silkroad.example";
export const ownerEmail = (storeSlug: string) => `owner+${storeSlug}@silkroad.example`;

export interface SeedOptions {
  stores?: number;
  products?: number;
  /** PRNG seed; the same options always give the same database. */
  seed?: number;
  /** Anchor for created dates; fixed by default so two runs are identical. */
  now?: Date;
  /** Anchor for festival dates (one live, one upcoming, one ended around it); the real time by default. */
  festivalAnchor?: Date;
  onProgress?: (done: number, total: number) => void;
  /**
   * Paid orders from seeded shopper accounts, with shipments and reviews (db/seed/orders.ts). None by
   * default (the test base database has no orders); `npm start` and `npm run db:seed` ask for
   * DEMO_ORDERS.
   */
  orders?: number;
}

export interface SeedSummary {
  stores: number;
  products: number;
  countries: number;
  categories: number;
  users: number;
  orders: number;
  reviews: number;
}

/** Orders `npm start` and `npm run db:seed` add: enough for ratings on a good part of the catalog. */
export const DEMO_ORDERS = 400;

const DEFAULT_NOW = new Date("2026-11-01T08:00:00Z");
const DAY = 86_400_000;

/** Empties every seeded table and resets AUTOINCREMENT counters so ids are reproducible. */
export function clearCatalog(db: DB) {
  db.transaction((tx) => {
    for (const table of [
      "reminders",
      "order_line_discounts",
      "voucher_claims",
      "vouchers",
      "audit_log",
      "import_rows",
      "import_jobs",
      "reviews",
      "wishlist_items",
      "store_follows",
      "addresses",
      "refund_charges",
      "refund_lines",
      "refunds",
      "payments",
      "order_events",
      "order_taxes",
      "order_shipments",
      "order_items",
      "orders",
      "cart_items",
      "exchange_rates",
      "category_tax_classes",
      "tax_classes",
      "shipping_profiles",
      "search_synonyms",
      "flash_slot_items",
      "flash_slots",
      "festival_sessions",
      "festival_stores",
      "festival_deals",
      "festivals",
      "featured_products",
      "products",
      "stores",
      "users",
      "categories",
      "countries",
    ]) {
      tx.run(sql.raw(`DELETE FROM ${table}`));
    }
    tx.run(sql`DELETE FROM sqlite_sequence`);
  });
}

export async function seedDatabase(db: DB, options: SeedOptions = {}): Promise<SeedSummary> {
  const storeCount = options.stores ?? (options.products ? Math.max(1, Math.round(options.products / 10)) : 100);
  const productCount = options.products ?? storeCount * 10;
  if (storeCount < 1 || productCount < storeCount) throw new Error("need at least one store and one product per store");
  const random = createRandom(options.seed ?? 2025);
  const now = options.now ?? DEFAULT_NOW;

  // argon2id with a salt from the seeded PRNG: a real hash, yet the same bytes on every run.
  const salt = Uint8Array.from({ length: 16 }, () => random.int(0, 255));
  const passwordHash = await hash(DEMO_PASSWORD, { salt });

  const storeSeeds = Array.from({ length: storeCount }, (_, i) => storeSeedAt(i));
  const counts = productCounts(storeSeeds, productCount, random);
  let orderSummary = { shoppers: 0, orders: 0, reviews: 0 };

  db.transaction((tx) => {
    tx.insert(countries).values(COUNTRIES).run();
    const categoryRows = tx
      .insert(categories)
      .values(CATEGORIES.map((c, position) => ({ ...c, position })))
      .returning()
      .all();
    const categoryId = new Map(categoryRows.map((c) => [c.slug, c.id]));

    const [organizer] = tx
      .insert(users)
      .values({
        email: ORGANIZER_EMAIL,
        passwordHash,
        role: "organizer",
        displayName: "Campaign Organizer",
        locale: "zh",
        createdAt: now,
        emailVerifiedAt: now,
      })
      .returning({ id: users.id })
      .all();

    const usedSlugs = new Set<string>();
    let done = 0;
    let productRows: (typeof products.$inferInsert)[] = [];
    const flush = () => {
      for (let i = 0; i < productRows.length; i += 500)
        tx.insert(products)
          .values(productRows.slice(i, i + 500))
          .run();
      productRows = [];
    };

    storeSeeds.forEach((seed, storeIndex) => {
      const country = COUNTRY_BY_CODE.get(seed.country)!;
      const [owner] = tx
        .insert(users)
        .values({
          email: ownerEmail(seed.slug),
          passwordHash,
          role: "owner",
          displayName: seed.name.en,
          locale: ownerLocale(seed.country),
          createdAt: now,
          emailVerifiedAt: now,
        })
        .returning({ id: users.id })
        .all();
      const tagline = storeTagline(seed.kinds, country);
      const story = storeStory({ ...seed, country });
      const approvedAt = new Date(now.getTime() - random.int(30, 400) * DAY);
      const [store] = tx
        .insert(stores)
        .values({
          slug: seed.slug,
          ownerId: owner!.id,
          nameEn: seed.name.en,
          nameZh: seed.name.zh,
          nameFr: seed.name.fr,
          taglineEn: tagline.en,
          taglineZh: tagline.zh,
          taglineFr: tagline.fr,
          storyEn: story.en,
          storyZh: story.zh,
          storyFr: story.fr,
          countryCode: country.code,
          cityEn: seed.city.en,
          cityZh: seed.city.zh,
          cityFr: seed.city.fr,
          logoUrl: `/art/stores/${seed.slug}.svg`,
          status: "approved",
          approvedAt,
          createdAt: new Date(approvedAt.getTime() - random.int(1, 20) * DAY),
        })
        .returning({ id: stores.id })
        .all();

      tx.insert(shippingProfiles)
        .values(
          profilesFor(storeIndex, KIND_BY_KEY.get(seed.kinds[0]!)?.category ?? "").map((p) => ({
            ...p,
            storeId: store!.id,
            updatedAt: now,
          })),
        )
        .run();

      const combos = orderedCombos(seed, country, random);
      for (let n = 0; n < counts[storeIndex]!; n++) {
        const combo = combos[n % combos.length]!;
        const lot = Math.floor(n / combos.length) + 1;
        const p = composeProduct(combo, { seed, country, lot });
        const slug = uniqueSlug(slugify(p.title.en), (candidate) => usedSlugs.has(candidate));
        usedSlugs.add(slug);
        const createdAt = new Date(now.getTime() - random.int(0, 365 * 24) * 3_600_000);
        productRows.push({
          storeId: store!.id,
          slug,
          sku: `SRM-${country.code}-${String(storeIndex + 1).padStart(4, "0")}-${String(n + 1).padStart(4, "0")}`,
          titleEn: p.title.en,
          titleZh: p.title.zh,
          titleFr: p.title.fr,
          descriptionEn: p.description.en,
          descriptionZh: p.description.zh,
          descriptionFr: p.description.fr,
          categoryId: categoryId.get(combo.kind.category)!,
          tags: [...combo.kind.tags, country.nameEn.toLowerCase()],
          priceCents: roundPrice(combo.item.priceCents * combo.variant.factor * (0.9 + random.next() * 0.25)),
          currency: "USD",
          shippingGrams: shippingGrams(combo.kind.category, combo.variant.key),
          onHand: stockLevel(random),
          status: "active",
          images: [`/art/products/${slug}.svg`],
          createdAt,
          updatedAt: createdAt,
        });
        done++;
      }
      if (productRows.length >= 5000) {
        flush();
        options.onProgress?.(done, productCount);
      }
    });
    flush();
    options.onProgress?.(done, productCount);

    // A first curated selection for the home page: in stock, one per category, no two from the
    // same country, taken in a scrambled (but fixed) order so it is not just the first stores.
    const candidates = tx.all<{ id: number; categoryId: number; countryCode: string }>(sql`
      SELECT p.id AS id, p.category_id AS categoryId, s.country_code AS countryCode
      FROM products p JOIN stores s ON s.id = p.store_id
      WHERE p.stock > 0 AND p.status = 'active' ORDER BY (p.id * 7919) % 10007`);
    const usedCategories = new Set<number>();
    const usedCountries = new Set<string>();
    const featured = candidates.filter((c) => {
      if (usedCategories.has(c.categoryId) || usedCountries.has(c.countryCode)) return false;
      usedCategories.add(c.categoryId);
      usedCountries.add(c.countryCode);
      return true;
    });
    if (featured.length > 0) {
      tx.insert(featuredProducts)
        .values(
          featured
            .slice(0, 12)
            .map((f, i) => ({ productId: f.id, position: i + 1, curatorId: organizer!.id, createdAt: now })),
        )
        .run();
    }

    // Import tax classes and the first exchange rate (decision 025).
    const classRows = tx
      .insert(taxClasses)
      .values(TAX_CLASSES.map((c) => ({ ...c, updatedAt: now })))
      .returning({ id: taxClasses.id, code: taxClasses.code })
      .all();
    const classId = new Map(classRows.map((c) => [c.code, c.id]));
    tx.insert(categoryTaxClasses)
      .values(
        Object.entries(CATEGORY_TAX_CLASS).flatMap(([slug, code]) =>
          categoryId.has(slug) ? [{ categoryId: categoryId.get(slug)!, taxClassId: classId.get(code)! }] : [],
        ),
      )
      .run();
    tx.insert(exchangeRates)
      .values({ ...SEED_RATE, createdAt: now })
      .run();

    // Festivals draw on their own random stream so adding them left the catalog above unchanged.
    seedFestivals(tx, createRandom((options.seed ?? 2025) + 1), options.festivalAnchor ?? new Date());
    seedFlashSlots(tx, createRandom((options.seed ?? 2025) + 3));
    seedVouchers(tx, options.festivalAnchor ?? new Date());
    // The synonym groups organizers start from (migration 0003 adds them to a fresh database;
    // this restores them after clearCatalog).
    if (tx.select({ id: searchSynonyms.id }).from(searchSynonyms).limit(1).all().length === 0) {
      tx.insert(searchSynonyms)
        .values(SYNONYM_GROUPS.map((words) => ({ words: [...words], updatedAt: now })))
        .run();
    }
    // Orders and reviews draw on their own stream too, after everything above.
    if ((options.orders ?? 0) > 0) {
      orderSummary = seedOrders(tx, createRandom((options.seed ?? 2025) + 2), {
        now,
        passwordHash,
        orders: options.orders!,
      });
    }
  });

  // Fresh statistics for the query planner (see db/prepare.ts).
  db.$client.exec("ANALYZE");
  return {
    stores: storeCount,
    products: productCount,
    countries: COUNTRIES.length,
    categories: CATEGORIES.length,
    users: storeCount + 1 + orderSummary.shoppers,
    orders: orderSummary.orders,
    reviews: orderSummary.reviews,
  };
}

/** The base 100 stores, then (for scale runs) numbered branches of them. */
function storeSeedAt(index: number): StoreSeed {
  const base = STORES[index % STORES.length]!;
  const round = Math.floor(index / STORES.length);
  if (round === 0) return base;
  const n = round + 1;
  return {
    ...base,
    slug: `${base.slug}-${n}`,
    name: L(`${base.name.en} (Branch ${n})`, `${base.name.zh}（${n}号店）`, `${base.name.fr} (boutique ${n})`),
  };
}

interface Combo {
  kind: Kind;
  item: Item;
  variant: Variant;
}

function storeCombos(seed: StoreSeed, country: CountrySeed): Combo[] {
  return seed.kinds.flatMap((key) => {
    const kind = KIND_BY_KEY.get(key)!;
    return itemsFor(kind, country.code).flatMap((item) => kind.variants.map((variant) => ({ kind, item, variant })));
  });
}

/**
 * The order a store lists its range in: every item once before any item twice, the region's own
 * specialities before generic items, and the store's lead kind twice as often as the others. So a
 * small store still shows what it is known for, and a large one varies its range.
 */
function orderedCombos(seed: StoreSeed, country: CountrySeed, random: Random): Combo[] {
  const perKind = seed.kinds.map((key) => {
    const kind = KIND_BY_KEY.get(key)!;
    // Specialities keep the order kinds.ts lists them in (most emblematic first).
    const own = kind.items.filter((i) => i.origins?.includes(country.code));
    const generic = random.shuffle(kind.items.filter((i) => !i.origins));
    const items = [...own, ...generic];
    const variants = random.shuffle(kind.variants);
    // Rotate sizes across items so the first round is not every item in the same size.
    return variants.flatMap((_, round) =>
      items.map((item, i) => ({ kind, item, variant: variants[(round + i) % variants.length]! })),
    );
  });
  const out: Combo[] = [];
  const cursors = perKind.map(() => 0);
  while (out.length < perKind.reduce((n, list) => n + list.length, 0)) {
    perKind.forEach((list, k) => {
      for (let take = k === 0 ? 2 : 1; take > 0 && cursors[k]! < list.length; take--) out.push(list[cursors[k]!++]!);
    });
  }
  return out;
}

/**
 * Products per store: exactly `total`, each store within [5, 15] (or around the average for scale
 * runs), never more than its distinct products for the base catalog, with some spread.
 */
function productCounts(seeds: StoreSeed[], total: number, random: Random): number[] {
  const average = total / seeds.length;
  const scale = average < 5 || average > 15;
  const lo = scale ? Math.max(1, Math.floor(average * 0.5)) : 5;
  const his = seeds.map((s) => {
    if (scale) return Math.ceil(average * 1.5) + 1;
    const country = COUNTRY_BY_CODE.get(s.country)!;
    return Math.min(15, storeCombos(s, country).length);
  });
  const counts = his.map((hi) => Math.min(hi, Math.max(lo, Math.floor(average))));
  let diff = total - counts.reduce((a, b) => a + b, 0);
  for (let guard = 0; diff !== 0 && guard < total * 20; guard++) {
    const i = random.int(0, seeds.length - 1);
    if (diff > 0 && counts[i]! < his[i]!) {
      counts[i]!++;
      diff--;
    } else if (diff < 0 && counts[i]! > lo) {
      counts[i]!--;
      diff++;
    }
  }
  if (diff !== 0) throw new Error(`cannot spread ${total} products over ${seeds.length} stores`);
  for (let k = 0; k < seeds.length * 3; k++) {
    const i = random.int(0, seeds.length - 1);
    const j = random.int(0, seeds.length - 1);
    if (i !== j && counts[i]! < his[i]! && counts[j]! > lo) {
      counts[i]!++;
      counts[j]!--;
    }
  }
  return counts;
}

function composeProduct(combo: Combo, ctx: { seed: StoreSeed; country: CountrySeed; lot: number }) {
  const { kind, item, variant } = combo;
  const { country, seed } = ctx;
  const base =
    kind.title?.(item, variant, country) ??
    L(
      `${country.adjectiveEn} ${item.en}, ${variant.en}`,
      `${country.nameZh}${item.zh} ${variant.zh}`,
      `${item.fr} ${country.ofFr}, ${variant.fr}`,
    );
  const title =
    ctx.lot > 1
      ? L(`${base.en} (Lot ${ctx.lot})`, `${base.zh}（第${ctx.lot}批）`, `${base.fr} (lot ${ctx.lot})`)
      : base;
  const story = kind.story({ country, city: seed.city, store: seed.name });
  const parts = [story, item.note, kind.care].filter((p): p is L => Boolean(p));
  const description = L(
    parts.map((p) => p.en).join(" "),
    parts.map((p) => p.zh).join(""),
    parts.map((p) => p.fr).join(" "),
  );
  return { title, description };
}

/** Shop-style price points: $6.49, $12.99, $24.99, $145.00. */
export function roundPrice(cents: number): number {
  if (cents < 2000) return Math.max(199, Math.round(cents / 50) * 50 - 1);
  if (cents < 10000) return Math.round(cents / 100) * 100 - 1;
  return Math.round(cents / 500) * 500;
}

function stockLevel(random: Random): number {
  const r = random.next();
  if (r < 0.07) return 0;
  if (r < 0.17) return random.int(1, 5);
  return random.int(6, 240);
}

/** Store owners in French-speaking countries read their console and email in French. */
function ownerLocale(country: string): "en" | "fr" {
  return [
    "SN",
    "CI",
    "CM",
    "MG",
    "ML",
    "BF",
    "BJ",
    "TG",
    "CD",
    "CG",
    "GA",
    "NE",
    "MA",
    "TN",
    "DZ",
    "RW",
    "GN",
    "BI",
    "KM",
    "MR",
    "DJ",
    "TD",
    "CF",
  ].includes(country)
    ? "fr"
    : "en";
}
