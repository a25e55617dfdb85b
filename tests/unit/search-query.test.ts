import { describe, expect, test } from "vitest";
import { parseHighlight, searchHref } from "#app/utils/search-url.ts";
import { priceBucket, toProductDocument, type ProductSourceRow } from "#search/documents.ts";
import { expandTerms } from "#search/fallback.ts";
import { SEARCH_SORTS, bucketRange, buildFilter, cleanSearchText, parseSearchParams, sortFor } from "#search/query.ts";
import { MARK_END, MARK_START, highlightHtml, markTerms } from "#search/results.ts";
import { PRODUCT_SETTINGS } from "#search/settings.ts";
import { synonymMap } from "#search/synonyms.ts";

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe("parseSearchParams", () => {
  test("reads every supported parameter", () => {
    expect(
      parse(
        "q=%20shea%20%20butter&country=gh&category=oils-butters&store=tamale-shea-collective&festival=3&deals=true&minPrice=10&maxPrice=25.5&inStock=1&sort=price-asc&page=2",
      ),
    ).toEqual({
      params: {
        q: "shea butter",
        country: "GH",
        category: "oils-butters",
        store: "tamale-shea-collective",
        festival: 3,
        minPriceCents: 1000,
        maxPriceCents: 2550,
        inStock: true,
        deals: true,
        sort: "price-asc",
        page: 2,
      },
      errors: [],
    });
  });

  test("defaults", () => {
    expect(parse("")).toEqual({
      params: { q: "", inStock: false, deals: false, sort: "relevance", page: 1 },
      errors: [],
    });
  });

  test.each([
    ['country=Kenya" OR country = "X', "country"],
    ["country=KEN", "country"],
    ['category=coffee" OR category != "x', "category"],
    ["store=../../etc", "store"],
    ["festival=1 OR 1=1", "festival"],
    ["minPrice=-5", "minPrice"],
    ["maxPrice=abc", "maxPrice"],
    ["minPrice=1e9", "minPrice"],
    ["inStock=maybe", "inStock"],
    ["sort=<script>", "sort"],
    ["page=0", "page"],
    ["page=-1", "page"],
    ["minPrice=50&maxPrice=10", "minPrice must not be above maxPrice"],
  ])("%s is reported and dropped", (query, problem) => {
    const { params, errors } = parse(query);
    expect(errors.join(" ")).toContain(problem);
    expect(buildFilter(params)).toEqual([]);
  });

  test("an over-long query is reported and cut; control characters become spaces", () => {
    const { params, errors } = parse(`q=${"a".repeat(300)}`);
    expect(errors).toEqual(["q must be at most 200 characters"]);
    expect(params.q).toHaveLength(200);
    expect(parse("q=coffee%00%0A%1Fbeans").params.q).toBe("coffee beans");
  });

  test("huge pages are capped at the deepest page Meilisearch serves", () => {
    expect(parse("page=9999999").params.page).toBe(400);
  });
});

describe("buildFilter", () => {
  test("builds quoted, validated conditions only", () => {
    const { params } = parse(
      "country=ke&category=coffee&store=nyeri-hills-coffee&festival=7&minPrice=5&maxPrice=20&inStock=true",
    );
    expect(buildFilter(params)).toEqual([
      'country = "KE"',
      'category = "coffee"',
      'store = "nyeri-hills-coffee"',
      "festivalIds = 7",
      "priceCents >= 500",
      "priceCents <= 2000",
      "inStock = true",
    ]);
  });

  test("quotes defensively even if an unvalidated value slipped through", () => {
    expect(buildFilter({ q: "", inStock: false, sort: "relevance", page: 1, country: 'KE" OR country = "X' })).toEqual([
      'country = "KE\\" OR country = \\"X"',
    ]);
  });

  test("sorts map to sortable attributes", () => {
    expect(sortFor("relevance")).toBeUndefined();
    expect(sortFor("price-asc")).toEqual(["effectivePriceCents:asc"]);
    expect(sortFor("price-desc")).toEqual(["effectivePriceCents:desc"]);
    expect(sortFor("newest")).toEqual(["createdAt:desc"]);
    expect(sortFor("discount")).toEqual(["effectiveDiscountPercent:desc"]);
    // Every key is sortable, and "sort" comes before the relevance rules so a chosen sort is strict.
    for (const sort of SEARCH_SORTS)
      for (const key of sortFor(sort) ?? [])
        expect(PRODUCT_SETTINGS.sortableAttributes).toContain(key.replace(/:(asc|desc)$/, ""));
    expect(PRODUCT_SETTINGS.rankingRules?.[0]).toBe("sort");
  });

  test("the live-deals filter uses only ids resolved by the server, and matches nothing without any", () => {
    const { params } = parseSearchParams(new URLSearchParams("deals=1"));
    expect(params.deals).toBe(true);
    expect(buildFilter({ ...params, liveFestivalIds: [2, 5] })).toEqual(["festivalIds IN [2, 5]"]);
    expect(buildFilter(params)).toEqual(["festivalIds = -1"]);
    expect(parseSearchParams(new URLSearchParams("deals=maybe")).errors).toEqual(["deals must be true or false"]);
    // liveFestivalIds cannot come from the URL.
    expect(parseSearchParams(new URLSearchParams("deals=1&liveFestivalIds=1")).params.liveFestivalIds).toBeUndefined();
  });
});

describe("documents", () => {
  const row: ProductSourceRow = {
    id: 7,
    slug: "ethiopian-yirgacheffe",
    titleEn: "Ethiopian Yirgacheffe Washed Coffee Beans, 250 g",
    titleZh: "埃塞俄比亚耶加雪菲水洗咖啡豆 250克",
    titleFr: "Café en grains Yirgacheffe lavé d'Éthiopie, 250 g",
    descriptionEn: "d-en",
    descriptionZh: "d-zh",
    descriptionFr: "d-fr",
    tags: ["coffee"],
    priceCents: 1699,
    currency: "USD",
    stock: 0,
    images: ["/art/products/ethiopian-yirgacheffe.svg"],
    createdAt: new Date("2026-01-01T00:00:00Z"),
    updatedAt: new Date("2026-02-01T00:00:00Z"),
    storeSlug: "yirga-highlands-coffee",
    storeNameEn: "Yirga Highlands Coffee",
    storeNameZh: "耶加高地咖啡",
    storeNameFr: "Café des Hauts de Yirga",
    countryCode: "ET",
    countryNameEn: "Ethiopia",
    countryNameZh: "埃塞俄比亚",
    countryNameFr: "Éthiopie",
    categorySlug: "coffee",
    categoryNameEn: "Coffee",
    categoryNameZh: "咖啡",
    categoryNameFr: "Café",
    featured: true,
    festivalIds: [1, 3],
    effectivePriceCents: 1359,
    effectiveDiscountPercent: 20,
    unitsSold: 3,
    ratingCount: 0,
    ratingSum: 0,
  };

  test("a product becomes one trilingual document", () => {
    expect(toProductDocument(row)).toMatchObject({
      id: 7,
      title_zh: "埃塞俄比亚耶加雪菲水洗咖啡豆 250克",
      storeName_fr: "Café des Hauts de Yirga",
      country: "ET",
      countryName_zh: "埃塞俄比亚",
      category: "coffee",
      priceCents: 1699,
      priceBucket: "10-25",
      inStock: false,
      imageUrl: "/art/products/ethiopian-yirgacheffe.svg",
      featured: true,
      festivalIds: [1, 3],
      effectivePriceCents: 1359,
      effectiveDiscountPercent: 20,
      popularity: 3 * 1000 + 500 + 0,
      createdAt: Date.parse("2026-01-01T00:00:00Z"),
      updatedAt: Date.parse("2026-02-01T00:00:00Z"),
    });
  });

  test("price buckets have exclusive upper bounds that match their URL ranges", () => {
    expect(priceBucket(999)).toBe("0-10");
    expect(priceBucket(1000)).toBe("10-25");
    expect(priceBucket(2499)).toBe("10-25");
    expect(priceBucket(10000)).toBe("100+");
    expect(bucketRange("10-25")).toEqual({ minPrice: "10", maxPrice: "24.99" });
    expect(bucketRange("100+")).toEqual({ minPrice: "100" });
    expect(bucketRange("nope")).toBeNull();
  });
});

describe("highlights", () => {
  test("matches are marked and everything else is escaped", () => {
    expect(highlightHtml(`a <b> ${MARK_START}咖啡${MARK_END} & "x"`)).toBe(
      "a &lt;b&gt; <mark>咖啡</mark> &amp; &quot;x&quot;",
    );
    expect(parseHighlight("a &lt;b&gt; <mark>咖啡</mark> &amp; x")).toEqual([
      { text: "a <b> ", match: false },
      { text: "咖啡", match: true },
      { text: " & x", match: false },
    ]);
  });

  test("a title cannot forge markers", () => {
    expect(highlightHtml(markTerms(`evil${MARK_START}<script>`, ["x"]))).toBe("evil&lt;script&gt;");
  });

  test("the fallback marks words case-insensitively, regex characters included", () => {
    expect(highlightHtml(markTerms("Shea Butter (raw)", ["shea", "(raw"]))).toBe(
      "<mark>Shea</mark> Butter <mark>(raw</mark>)",
    );
  });
});

describe("synonyms", () => {
  test("every word of a group finds the others, in every language", () => {
    const map = synonymMap([["coffee", "咖啡", "café"]]);
    expect(map).toEqual({ coffee: ["咖啡", "café"], 咖啡: ["coffee", "café"], café: ["coffee", "咖啡"] });
  });

  test("the catalog's synonyms cover the product kinds in three languages", () => {
    const map = synonymMap();
    expect(map["shea butter"]).toContain("乳木果油");
    expect(map["乳木果油"]).toContain("beurre de karité");
    expect(map["腰果"]).toContain("noix de cajou");
    expect(map["vanille"]).toContain("香草");
  });

  test("the fallback expands words and whole-query synonyms", () => {
    expect(expandTerms("咖啡")).toEqual([["coffee", "咖啡", "café"]]);
    expect(expandTerms("beurre de karité")[0]).toContain("shea butter");
    expect(expandTerms("kenya tea")).toEqual([["kenya"], ["tea", "茶", "茶叶", "thé"]]);
  });
});

test("search links keep the state and return to page 1 when the results change", () => {
  expect(searchHref("q=tea&page=3&country=KE", { country: null })).toBe("?q=tea");
  expect(searchHref("q=tea&page=3", { page: "4" })).toBe("?q=tea&page=4");
  expect(searchHref("q=tea", { category: "tea-infusions" })).toBe("?q=tea&category=tea-infusions");
});

test.each([
  ["tea\u0000", "tea"],
  ["\u0000", ""],
  ["shea\u0000butter", "shea butter"],
  ["honey\u0001\u001f\u007f\u0085\u009f cake", "honey cake"],
  ["tea\t\n\r honey\u2028", "tea honey"],
  ["\uD800tea\uDC00", "tea"],
  ["🧺 咖啡 café", "🧺 咖啡 café"],
])("cleanSearchText(%j) → %j", (input, expected) => {
  expect(cleanSearchText(input)).toBe(expected);
});

test("cleanSearchText cuts to the length without splitting a character", () => {
  expect(cleanSearchText("ab🧺", 3)).toBe("ab");
  expect(cleanSearchText("a".repeat(300))).toHaveLength(200);
});
