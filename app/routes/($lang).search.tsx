import { searchRateLimitWait, tooManyRequests } from "#app/utils/rate-limit.server.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FiltersButton, FiltersPanel, useFiltersDrawer } from "#app/components/filters-drawer.tsx";
import { EmptyState } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { SearchHitCard } from "#app/components/search-hit-card.tsx";
import { SortForm } from "#app/components/sort-form.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { getCategoryNames, getCountryNames, getStoreNames, listPopularCategories } from "#app/models/catalog.server.ts";
import { getFestivalNames } from "#app/models/festivals.server.ts";
import {
  didYouMeanFor,
  hotSearches,
  parseSearchParams,
  priceRanges,
  searchCatalog,
} from "#app/models/search.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { paginate } from "#app/utils/params.ts";
import { addRecentSearch } from "#app/utils/recent-searches.ts";
import { clearSearchTyping, isSearchTyping, markSearchTyping } from "#app/utils/search-typing.ts";
import { searchHref } from "#app/utils/search-url.ts";
import { FlashSaleFilter } from "#app/components/flash-sale.tsx";

/** Fewer results than this and the page offers the closest popular query ("did you mean"). */
const FEW_RESULTS = 5;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const wait = await searchRateLimitWait(context.clientIp);
  if (wait) throw tooManyRequests(wait);
  const url = new URL(request.url);
  // The page ignores what it cannot use (the API answers 400 for the same input).
  const { params } = parseSearchParams(url.searchParams);
  // Insights and hot searches count submitted searches: not the page's search-as-you-type requests
  // (app/utils/search-typing.ts), nor further pages of a search already counted.
  const submitted = !isSearchTyping(request) && params.page === 1;
  const result = await searchCatalog(params, locale, { record: submitted });
  // Names only: the counting lists (listCategories, listRepresentedCountries) aggregate the whole
  // catalog and are needed here only for the empty state.
  const countries = getCountryNames(locale);
  const categories = getCategoryNames(locale);
  const storeSlugs = [...Object.keys(result.facets.store), ...(params.store ? [params.store] : [])];
  const stores = getStoreNames(storeSlugs, locale);

  let closeMatches: typeof result.hits = [];
  let popularCategories: { slug: string; name: string }[] = [];
  if (result.totalHits === 0) {
    // Close matches: the longest word alone, then its first letters (both engines match prefixes/substrings).
    const longest = params.q.split(" ").sort((a, b) => b.length - a.length)[0] ?? "";
    for (const attempt of [longest, longest.slice(0, Math.max(2, Math.ceil(longest.length / 2)))]) {
      if (!attempt || attempt === params.q) continue;
      const relaxed = await searchCatalog(
        { q: attempt, inStock: false, deals: false, sort: "relevance", page: 1 },
        locale,
        { record: false },
      );
      if (relaxed.totalHits > 0) {
        closeMatches = relaxed.hits.slice(0, 4);
        break;
      }
    }
    popularCategories = listPopularCategories(locale);
  }
  // Nothing found: what other shoppers searched for this week, as somewhere to go next.
  const hot = result.totalHits === 0 ? hotSearches(locale).filter((q) => q !== params.q.trim().toLowerCase()) : [];
  const festivals = params.festival !== undefined ? getFestivalNames(locale) : {};
  const suggestion = params.q && result.totalHits < FEW_RESULTS ? didYouMeanFor(params.q) : null;
  return {
    suggestion,
    params,
    result,
    names: { countries, categories, stores, festivals },
    closeMatches,
    popularCategories,
    hot,
    ranges: priceRanges(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ location, data }) =>
  pageMeta(location, (t) => (data?.params.q ? `${data.params.q} · ${t("search.title")}` : t("search.title")));

const FILTER_PARAMS = [
  "country",
  "category",
  "store",
  "festival",
  "deals",
  "flash",
  "voucher",
  "minPrice",
  "maxPrice",
  "inStock",
] as const;

export default function Search() {
  const { params, result, names, closeMatches, popularCategories, hot, ranges, suggestion } =
    useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const navigation = useNavigation();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const drawer = useFiltersDrawer();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const searching = navigation.state === "loading" && navigation.location.pathname.endsWith("/search");

  // The URL is the state: every link below is computed from the current query string.
  const current = new URLSearchParams();
  if (params.q) current.set("q", params.q);
  if (params.country) current.set("country", params.country);
  if (params.category) current.set("category", params.category);
  if (params.store) current.set("store", params.store);
  if (params.minPriceCents !== undefined) current.set("minPrice", String(params.minPriceCents / 100));
  if (params.maxPriceCents !== undefined) current.set("maxPrice", String(params.maxPriceCents / 100));
  if (params.festival !== undefined) current.set("festival", String(params.festival));
  if (params.deals) current.set("deals", "1");
  if (params.inStock) current.set("inStock", "1");
  if (params.flash) current.set("flash", "1");
  if (params.voucher) current.set("voucher", "1");
  if (params.sort !== "relevance") current.set("sort", params.sort);

  const chips: { label: string; remove: string }[] = [];
  if (params.country)
    chips.push({
      label: names.countries[params.country] ?? params.country,
      remove: searchHref(current, { country: null }),
    });
  if (params.category)
    chips.push({
      label: names.categories[params.category] ?? params.category,
      remove: searchHref(current, { category: null }),
    });
  if (params.store)
    chips.push({ label: names.stores[params.store] ?? params.store, remove: searchHref(current, { store: null }) });
  if (params.minPriceCents !== undefined || params.maxPriceCents !== undefined) {
    const bucket = ranges.find(
      (r) =>
        Number(r.minPrice) * 100 === params.minPriceCents &&
        (r.maxPrice === null
          ? params.maxPriceCents === undefined
          : Math.round(Number(r.maxPrice) * 100) === params.maxPriceCents),
    );
    const label = bucket
      ? t(`search.price.${bucket.key}` as MessageKey)
      : `${params.minPriceCents !== undefined ? `$${params.minPriceCents / 100}` : ""}–${params.maxPriceCents !== undefined ? `$${params.maxPriceCents / 100}` : ""}`;
    chips.push({ label, remove: searchHref(current, { minPrice: null, maxPrice: null }) });
  }
  if (params.festival !== undefined) {
    chips.push({
      label: t("search.festivalChip", { name: names.festivals[String(params.festival)] ?? String(params.festival) }),
      remove: searchHref(current, { festival: null }),
    });
  }
  if (params.deals) chips.push({ label: t("search.dealsChip"), remove: searchHref(current, { deals: null }) });
  if (params.inStock) chips.push({ label: t("search.inStockChip"), remove: searchHref(current, { inStock: null }) });
  if (params.flash) chips.push({ label: t("slots.filterNow"), remove: searchHref(current, { flash: null }) });
  if (params.voucher)
    chips.push({ label: t("vouchers.filterAvailable"), remove: searchHref(current, { voucher: null }) });
  const clearAll = searchHref(current, Object.fromEntries(FILTER_PARAMS.map((p) => [p, null])));

  const onQueryInput = (form: HTMLFormElement) => {
    clearTimeout(timer.current);
    // Search as you type: replace the history entry while typing so Back leaves the search page.
    // The cookie tells the loader not to log these keystrokes as searches; Enter clears it.
    timer.current = setTimeout(() => {
      markSearchTyping();
      submit(form, { replace: true, preventScrollReset: true });
    }, 250);
  };

  return (
    <div>
      <h1 className="mb-3 text-xl font-bold text-clay-900 sm:mb-4 sm:text-3xl">{t("search.title")}</h1>
      <Form
        ref={formRef}
        method="get"
        role="search"
        aria-label={t("search.title")}
        className="mb-4 flex gap-2"
        onChange={(e) => (e.target as HTMLElement).getAttribute("name") === "q" && onQueryInput(e.currentTarget)}
        onSubmit={(e) => {
          clearTimeout(timer.current);
          clearSearchTyping();
          addRecentSearch(String(new FormData(e.currentTarget).get("q") ?? ""));
        }}
      >
        <label htmlFor="search-q" className="sr-only">
          {t("search.label")}
        </label>
        <Input
          id="search-q"
          type="search"
          name="q"
          defaultValue={params.q}
          key={params.q}
          placeholder={t("search.placeholder")}
          maxLength={200}
          className="w-full max-w-xl"
          // The page's only search box: the header leaves its own out on /search (decision 027).
        />
        {[...current.entries()]
          .filter(([k]) => k !== "q")
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <Button>{t("search.submit")}</Button>
      </Form>

      {result.pinyinQuery ? (
        <p className="mb-2 text-sm text-stone-700" data-testid="pinyin-query">
          {t("search.pinyinResults", { pinyin: result.pinyinQuery })}
        </p>
      ) : null}
      {suggestion ? (
        <p className="mb-4 text-sm text-stone-800" data-testid="did-you-mean">
          {t("search.didYouMean")}{" "}
          <Link className="text-clay-800 font-semibold underline" to={searchHref(current, { q: suggestion })}>
            {suggestion}
          </Link>
        </p>
      ) : null}
      {result.engine === "sqlite" ? (
        <Notice tone="warning" className="mb-4" data-testid="limited-search">
          {t("search.limited")}
        </Notice>
      ) : null}

      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="w-full text-sm text-stone-700 sm:w-auto" aria-live="polite" data-testid="result-count">
          {searching
            ? t("search.searching")
            : params.q
              ? t("search.resultsFor", { count: result.totalHits, query: params.q })
              : t("search.allProducts", { count: result.totalHits })}
        </p>
        <FiltersButton drawer={drawer} count={chips.length} />
        <SortForm
          id="search-sort"
          value={params.sort}
          extra={Object.fromEntries([...current.entries()].filter(([k]) => k !== "sort"))}
          options={[
            ["relevance", t("search.sortRelevance")],
            ["price-asc", t("category.sortPriceAsc")],
            ["price-desc", t("category.sortPriceDesc")],
            ["newest", t("category.sortNewest")],
            ["discount", t("search.sortDiscount")],
            ["rating", t("reviews.sortTopRated")],
          ]}
        />
      </div>

      {chips.length > 0 ? (
        <ul
          className="mb-4 flex flex-wrap items-center gap-2"
          aria-label={t("search.filters")}
          data-testid="active-filters"
        >
          {chips.map((chip) => (
            <li key={chip.label}>
              <Link
                to={chip.remove}
                preventScrollReset
                aria-label={t("search.removeFilter", { label: chip.label })}
                className="inline-flex items-center gap-1 rounded-full bg-clay-100 px-3 py-1 text-sm text-clay-900 hover:bg-clay-600 hover:text-white"
              >
                {chip.label} <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
          <li>
            <Link to={clearAll} className="text-sm text-clay-700 underline">
              {t("search.clearAll")}
            </Link>
          </li>
        </ul>
      ) : null}

      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <FiltersPanel drawer={drawer}>
          <aside aria-label={t("search.filters")} className="space-y-5 text-sm">
            <FacetGroup
              title={t("search.facetCountry")}
              testId="facet-country"
              values={result.facets.country}
              active={params.country}
              label={(code) => names.countries[code] ?? code}
              hrefFor={(code) => searchHref(current, { country: code === params.country ? null : code })}
            />
            <FacetGroup
              title={t("search.facetCategory")}
              testId="facet-category"
              values={result.facets.category}
              active={params.category}
              label={(slug) => names.categories[slug] ?? slug}
              hrefFor={(slug) => searchHref(current, { category: slug === params.category ? null : slug })}
            />
            <FacetGroup
              title={t("search.facetPrice")}
              testId="facet-price"
              values={result.facets.price}
              order={ranges.map((r) => r.key)}
              label={(key) => t(`search.price.${key}` as MessageKey)}
              hrefFor={(key) => {
                const range = ranges.find((r) => r.key === key)!;
                return searchHref(current, { minPrice: range.minPrice, maxPrice: range.maxPrice });
              }}
            />
            <FacetGroup
              title={t("search.facetStore")}
              testId="facet-store"
              values={result.facets.store}
              active={params.store}
              limit={10}
              label={(slug) => names.stores[slug] ?? slug}
              hrefFor={(slug) => searchHref(current, { store: slug === params.store ? null : slug })}
            />
            <ToggleFilter
              heading={t("search.facetDeals")}
              label={t("search.dealsOnly")}
              active={Boolean(params.deals)}
              to={searchHref(current, { deals: params.deals ? null : "1" })}
              testId="deals-filter"
            />
            <FlashSaleFilter
              active={Boolean(params.flash)}
              count={result.facets.flashSale.true}
              to={searchHref(current, { flash: params.flash ? null : "1" })}
            />
            <ToggleFilter
              heading={t("vouchers.heading")}
              label={t("vouchers.filterAvailable")}
              active={Boolean(params.voucher)}
              count={result.facets.voucher.true}
              to={searchHref(current, { voucher: params.voucher ? null : "1" })}
              testId="voucher-filter"
            />
            <ToggleFilter
              heading={t("search.facetAvailability")}
              label={t("search.inStockOnly")}
              active={Boolean(params.inStock)}
              count={result.facets.inStock.true}
              to={searchHref(current, { inStock: params.inStock ? null : "1" })}
            />
          </aside>
        </FiltersPanel>

        <section
          id="results"
          aria-label={t("search.title")}
          className={`scroll-mt-4 ${searching ? "opacity-60 transition-opacity" : ""}`}
        >
          {result.hits.length > 0 ? (
            <ul className="grid grid-cols-2 gap-4 lg:grid-cols-3" role="list" data-testid="search-results">
              {result.hits.map((hit) => (
                <li key={hit.id} className="flex">
                  <SearchHitCard hit={hit} countryName={names.countries[hit.countryCode] ?? hit.countryCode} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={params.q ? t("search.none", { query: params.q }) : t("search.prompt")}>
              {closeMatches.length > 0 ? (
                <div className="mt-4 text-left">
                  <h2 className="mb-2 font-semibold text-clay-900">{t("search.closeMatches")}</h2>
                  <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" role="list">
                    {closeMatches.map((hit) => (
                      <li key={hit.id} className="flex">
                        <SearchHitCard hit={hit} countryName={names.countries[hit.countryCode] ?? hit.countryCode} />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {popularCategories.length > 0 ? (
                <div className="mt-4">
                  <h2 className="mb-2 font-semibold text-clay-900">{t("search.popularCategories")}</h2>
                  <ul className="flex flex-wrap justify-center gap-2" role="list">
                    {popularCategories.map((c) => (
                      <li key={c.slug}>
                        <Link
                          to={href(`/categories/${c.slug}`)}
                          className="rounded-full bg-clay-100 px-3 py-1 text-clay-900 hover:underline"
                        >
                          {c.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {hot.length > 0 ? (
                <div className="mt-4" data-testid="hot-searches">
                  <h2 className="mb-2 font-semibold text-clay-900">{t("search.hotSearches")}</h2>
                  <ul className="flex flex-wrap justify-center gap-2" role="list">
                    {hot.map((q) => (
                      <li key={q}>
                        <Link
                          to={href(`/search?${new URLSearchParams({ q })}`)}
                          className="rounded-full bg-clay-100 px-3 py-1 text-clay-900 hover:underline"
                        >
                          {q}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </EmptyState>
          )}
          <Pagination pagination={{ ...paginate(result.page, result.totalHits, result.hitsPerPage) }} />
        </section>
      </div>
    </div>
  );
}

function FacetGroup({
  title,
  testId,
  values,
  active,
  order,
  limit = 12,
  label,
  hrefFor,
}: {
  title: string;
  testId: string;
  values: Record<string, number>;
  active?: string;
  order?: readonly string[];
  limit?: number;
  label: (value: string) => string;
  hrefFor: (value: string) => string;
}) {
  const entries = order
    ? order.filter((k) => values[k] !== undefined).map((k) => [k, values[k]!] as const)
    : Object.entries(values).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <section data-testid={testId}>
      <h2 className="mb-2 font-semibold text-clay-900">{title}</h2>
      <ul className="space-y-1 max-md:space-y-0" role="list">
        {entries.slice(0, limit).map(([value, count]) => (
          <li key={value}>
            <Link
              to={hrefFor(value)}
              preventScrollReset
              aria-current={value === active ? "true" : undefined}
              className={`flex justify-between gap-2 rounded px-1 hover:bg-clay-100 max-md:min-h-11 max-md:items-center ${value === active ? "font-semibold text-clay-700" : ""}`}
            >
              <span>{label(value)}</span>
              <span className="text-stone-600">{count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A yes/no filter as a link that reads as a checkbox (works without JavaScript), with its facet count. */
function ToggleFilter({
  heading,
  label,
  active,
  count,
  to,
  testId,
}: {
  heading: string;
  label: string;
  active: boolean;
  count?: number;
  to: string;
  testId?: string;
}) {
  return (
    <section>
      <h2 className="mb-2 font-semibold text-clay-900">{heading}</h2>
      <Link
        to={to}
        preventScrollReset
        role="checkbox"
        aria-checked={active}
        className="flex items-center gap-2 hover:underline max-md:min-h-11"
        data-testid={testId}
      >
        <span
          aria-hidden="true"
          className={`inline-block h-4 w-4 rounded border ${active ? "border-clay-700 bg-clay-700" : "border-stone-400 bg-white"}`}
        />
        {label}
        {count !== undefined ? <span className="text-stone-600">({count})</span> : null}
      </Link>
    </section>
  );
}
