/**
 * The shape of a product in the search index, and the pure mapping from database rows to it.
 * One document holds every language, so a Chinese query can match the Chinese title while an
 * English page still shows the English one.
 */
import { pinyinText } from "./pinyin.ts";
import { ratingAverage } from "#app/utils/reviews.ts";
/**
 * Bump when documents gain or change fields: start-up rebuilds an index whose documents were made
 * by another version (`reindexIfOutOfStep`), since an outbox sync only re-sends what changed.
 */
export const PRODUCT_DOCUMENT_VERSION = 6;

export interface ProductDocument {
  id: number;
  slug: string;
  title_en: string;
  title_zh: string;
  title_fr: string;
  description_en: string;
  description_zh: string;
  description_fr: string;
  /** Pinyin of the Chinese title (search/pinyin.ts): syllables and joined runs, then initials. */
  title_pinyin: string;
  title_initials: string;
  /** Pinyin of the Chinese store, country and category names ("kenniya" finds Kenyan products). */
  names_pinyin: string;
  names_initials: string;
  tags: string[];
  store: string;
  storeName_en: string;
  storeName_zh: string;
  storeName_fr: string;
  country: string;
  countryName_en: string;
  countryName_zh: string;
  countryName_fr: string;
  category: string;
  categoryName_en: string;
  categoryName_zh: string;
  categoryName_fr: string;
  priceCents: number;
  priceBucket: PriceBucket;
  currency: string;
  inStock: boolean;
  imageUrl: string | null;
  featured: boolean;
  /** Published festivals the product has a deal in (past ones too: their pages stay searchable). */
  festivalIds: number[];
  /**
   * The price shoppers see now (db/pricing.ts `effectivePrice`): the live deal price while a
   * published festival is live and its cap not reached, else `priceCents`. The price sorts use it.
   * It changes with the clock, so it is re-sent at festival boundaries (decision 015).
   */
  effectivePriceCents: number;
  /** The saving behind `effectivePriceCents` in whole percent, 0 without a live deal: the "biggest discount" sort. */
  effectiveDiscountPercent: number;
  /**
   * A flash-sale slot's price applies now (db/flash-slots.ts `flashSaleNow`, decision 035): the
   * "flash sale now" filter and facet. Re-sent at slot boundaries like the effective price.
   */
  flashSaleNow: boolean;
  /**
   * A voucher can be claimed for it now (db/voucher-availability.ts, decision 034): the "voucher
   * available" filter and facet. Re-sent when a voucher is issued, stopped, claimed out or over.
   */
  voucherAvailable: boolean;
  popularity: number;
  /** Visible reviews' average (one decimal, 0 without reviews) and count: the "top rated" sort (decision 028). */
  ratingAverage: number;
  ratingCount: number;
  createdAt: number;
  updatedAt: number;
}

/** Price ranges offered as a facet, in US dollars; upper bounds are exclusive. */
export const PRICE_BUCKETS = [
  { key: "0-10", min: 0, max: 10 },
  { key: "10-25", min: 10, max: 25 },
  { key: "25-50", min: 25, max: 50 },
  { key: "50-100", min: 50, max: 100 },
  { key: "100+", min: 100, max: null },
] as const;
export type PriceBucket = (typeof PRICE_BUCKETS)[number]["key"];

export function priceBucket(priceCents: number): PriceBucket {
  const dollars = priceCents / 100;
  return PRICE_BUCKETS.find((b) => dollars >= b.min && (b.max === null || dollars < b.max))!.key;
}

export interface ProductSourceRow {
  id: number;
  slug: string;
  titleEn: string;
  titleZh: string;
  titleFr: string;
  descriptionEn: string;
  descriptionZh: string;
  descriptionFr: string;
  tags: string[];
  priceCents: number;
  currency: string;
  stock: number;
  images: string[];
  createdAt: Date;
  updatedAt: Date;
  storeSlug: string;
  storeNameEn: string;
  storeNameZh: string;
  storeNameFr: string;
  countryCode: string;
  countryNameEn: string;
  countryNameZh: string;
  countryNameFr: string;
  categorySlug: string;
  categoryNameEn: string;
  categoryNameZh: string;
  categoryNameFr: string;
  featured: boolean;
  festivalIds: number[];
  effectivePriceCents: number;
  effectiveDiscountPercent: number;
  /** A flash-sale slot's price applies now; false when left out. */
  flashSaleNow?: boolean;
  /** A voucher can be claimed for it now; false when left out. */
  voucherAvailable?: boolean;
  /** Units in paid orders. */
  unitsSold: number;
  ratingCount: number;
  ratingSum: number;
}

export function toProductDocument(row: ProductSourceRow): ProductDocument {
  const titlePinyin = pinyinText(row.titleZh);
  const namesPinyin = pinyinText(`${row.storeNameZh} ${row.countryNameZh} ${row.categoryNameZh}`);
  return {
    id: row.id,
    slug: row.slug,
    title_en: row.titleEn,
    title_zh: row.titleZh,
    title_fr: row.titleFr,
    description_en: row.descriptionEn,
    description_zh: row.descriptionZh,
    description_fr: row.descriptionFr,
    title_pinyin: titlePinyin.full,
    title_initials: titlePinyin.initials,
    names_pinyin: namesPinyin.full,
    names_initials: namesPinyin.initials,
    tags: row.tags,
    store: row.storeSlug,
    storeName_en: row.storeNameEn,
    storeName_zh: row.storeNameZh,
    storeName_fr: row.storeNameFr,
    country: row.countryCode,
    countryName_en: row.countryNameEn,
    countryName_zh: row.countryNameZh,
    countryName_fr: row.countryNameFr,
    category: row.categorySlug,
    categoryName_en: row.categoryNameEn,
    categoryName_zh: row.categoryNameZh,
    categoryName_fr: row.categoryNameFr,
    priceCents: row.priceCents,
    priceBucket: priceBucket(row.priceCents),
    currency: row.currency,
    inStock: row.stock > 0,
    // Listings without a photo show the generated art (same rule as the product pages).
    imageUrl: row.images[0] ?? `/art/products/${row.slug}.svg`,
    featured: row.featured,
    festivalIds: row.festivalIds,
    effectivePriceCents: row.effectivePriceCents,
    effectiveDiscountPercent: row.effectiveDiscountPercent,
    flashSaleNow: row.flashSaleNow ?? false,
    voucherAvailable: row.voucherAvailable ?? false,
    // What sells ranks first; among equals, curated products, then what is well stocked.
    popularity: row.unitsSold * 1000 + (row.featured ? 500 : 0) + Math.min(row.stock, 499),
    ratingAverage: ratingAverage(row.ratingCount, row.ratingSum) ?? 0,
    ratingCount: row.ratingCount,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  };
}

export interface StoreDocument {
  id: number;
  slug: string;
  name_en: string;
  name_zh: string;
  name_fr: string;
  /** Pinyin of the Chinese store and country names (search/pinyin.ts). */
  name_pinyin: string;
  name_initials: string;
  city_en: string;
  city_zh: string;
  city_fr: string;
  country: string;
  logoUrl: string | null;
}
