import type { Meilisearch } from "meilisearch";
import { indexNames, type SearchConnection } from "./client.ts";
import type { ProductDocument } from "./documents.ts";
import { HITS_PER_PAGE, buildFilter, hasCjk, sortFor, type SearchParams } from "./query.ts";
import { MARK_END, MARK_START, highlightHtml, type Locale, type SearchResult } from "./results.ts";

const FACETS = ["country", "category", "priceBucket", "inStock", "flashSaleNow", "voucherAvailable"];

/**
 * The store facet is computed once the results are narrowed to a country, a category or a store:
 * over the whole catalog it spans thousands of stores, costs most of a search's time in Meilisearch,
 * and 60 alphabetical names out of thousands would not help anyone choose.
 */
export function facetsFor(params: SearchParams): string[] {
  return params.country || params.category || params.store ? [...FACETS, "store"] : FACETS;
}

/** One search against Meilisearch; throws when it is unreachable or slow (the caller falls back). */
export async function meiliSearch(
  client: Meilisearch,
  connection: SearchConnection,
  params: SearchParams,
  locale: Locale,
): Promise<SearchResult> {
  const index = client.index<ProductDocument>(indexNames(connection).products);
  const titleField = `title_${locale}` as const;
  const sort = sortFor(params.sort);
  const run = (page: number) =>
    index.search(params.q, {
      filter: buildFilter(params),
      facets: facetsFor(params),
      sort,
      // With "sort" ranking first, the default strategy ("last": drop query words from the end until
      // enough documents match) would mix documents matching one word of "ethiopian coffee" into
      // the price order, a spice blend before any coffee. A chosen sort therefore needs every word,
      // as the SQLite fallback always does; relevance keeps the partial matches after the full ones.
      ...(sort && params.q ? { matchingStrategy: "all" as const } : {}),
      page,
      hitsPerPage: HITS_PER_PAGE,
      attributesToRetrieve: [
        "id",
        "slug",
        "title_en",
        titleField,
        "storeName_en",
        `storeName_${locale}`,
        "store",
        "country",
        "category",
        "priceCents",
        "currency",
        "inStock",
        "imageUrl",
        "ratingAverage",
        "ratingCount",
      ],
      attributesToHighlight: [titleField],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      // Tell the tokenizer a query is Chinese; otherwise it guesses from the (short) query itself.
      ...(hasCjk(params.q) ? { locales: ["cmn"] } : {}),
    });
  let response = await run(params.page);
  // A page past the end shows the last page rather than nothing.
  if (response.hits.length === 0 && (response.totalPages ?? 0) > 0 && params.page > (response.totalPages ?? 0)) {
    response = await run(response.totalPages!);
  }
  const distribution = response.facetDistribution ?? {};
  return {
    engine: "meilisearch",
    query: params.q,
    page: response.page ?? params.page,
    totalPages: response.totalPages ?? 0,
    totalHits: response.totalHits ?? 0,
    hitsPerPage: HITS_PER_PAGE,
    hits: response.hits.map((hit) => {
      const title = hit[titleField] || hit.title_en;
      const formatted = (hit._formatted?.[titleField] as string | undefined) || title;
      return {
        id: hit.id,
        slug: hit.slug,
        title,
        storeName: hit[`storeName_${locale}`] || hit.storeName_en,
        storeSlug: hit.store,
        countryCode: hit.country,
        category: hit.category,
        priceCents: hit.priceCents,
        currency: hit.currency,
        inStock: hit.inStock,
        imageUrl: hit.imageUrl,
        ...(hit.ratingCount > 0 ? { rating: { average: hit.ratingAverage, count: hit.ratingCount } } : {}),
        highlight: highlightHtml(formatted),
      };
    }),
    facets: {
      country: distribution.country ?? {},
      category: distribution.category ?? {},
      store: distribution.store ?? {},
      price: distribution.priceBucket ?? {},
      inStock: distribution.inStock ?? {},
      flashSale: distribution.flashSaleNow ?? {},
      voucher: distribution.voucherAvailable ?? {},
    },
    processingTimeMs: response.processingTimeMs,
  };
}
