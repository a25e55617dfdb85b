import type { Settings } from "meilisearch";
import { synonymMap } from "./synonyms.ts";

/**
 * Index settings live in code and are applied idempotently at start and before every reindex; the
 * synonyms come from the database (organizers edit them), see productSettings.
 */
export const PRODUCT_SETTINGS: Settings = {
  // Order is ranking weight: a title match beats a tag, which beats a description.
  searchableAttributes: [
    "title_zh",
    "title_en",
    "title_fr",
    "tags",
    "categoryName_zh",
    "categoryName_en",
    "categoryName_fr",
    "countryName_zh",
    "countryName_en",
    "countryName_fr",
    "storeName_zh",
    "storeName_en",
    "storeName_fr",
    "description_zh",
    "description_en",
    "description_fr",
    // Pinyin (search/pinyin.ts) last: it only decides when nothing written matched better, as for
    // "kafei", "kf" or "kenniya"; a Chinese query is re-run as pinyin when it finds few products.
    "title_pinyin",
    "names_pinyin",
    "title_initials",
    "names_initials",
  ],
  localizedAttributes: [
    { attributePatterns: ["*_zh"], locales: ["cmn"] },
    { attributePatterns: ["*_fr"], locales: ["fra"] },
    { attributePatterns: ["*_en", "tags"], locales: ["eng"] },
  ],
  filterableAttributes: [
    "country",
    "category",
    "store",
    "priceCents",
    "priceBucket",
    "inStock",
    "festivalIds",
    "featured",
    "flashSaleNow",
    "voucherAvailable",
  ],
  // Prices and discounts sort on what shoppers see now (search/documents.ts), not the list price.
  sortableAttributes: ["effectivePriceCents", "effectiveDiscountPercent", "createdAt", "ratingAverage", "ratingCount"],
  // "sort" first: a sort the shopper chose orders strictly by its key, and relevance only breaks
  // ties (a cheaper product never appears after a dearer one because its title matched better).
  // Without a `sort` parameter the rule does nothing, so relevance stays the default order.
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", "popularity:desc"],
  // Alphabetical facet order is far cheaper than by count (measured at 100,000 products: 500 vs 350
  // searches/s); we sort by count ourselves. 60 values hold every country and category.
  faceting: { maxValuesPerFacet: 60, sortFacetValuesBy: { "*": "alpha" } },
  pagination: { maxTotalHits: 10_000 },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
};

export function productSettings(synonymGroups: string[][]): Settings {
  return { ...PRODUCT_SETTINGS, synonyms: synonymMap(synonymGroups) };
}

export const STORE_SETTINGS: Settings = {
  searchableAttributes: [
    "name_zh",
    "name_en",
    "name_fr",
    "city_zh",
    "city_en",
    "city_fr",
    "name_pinyin",
    "name_initials",
  ],
  localizedAttributes: [
    { attributePatterns: ["*_zh"], locales: ["cmn"] },
    { attributePatterns: ["*_fr"], locales: ["fra"] },
    { attributePatterns: ["*_en"], locales: ["eng"] },
  ],
  filterableAttributes: ["country"],
};
