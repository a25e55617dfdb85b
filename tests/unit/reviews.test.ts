import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { productJsonLd } from "#app/utils/structured-data.ts";
import { cleanReviewText, maskedReviewer, ratingAverage, textLength } from "#app/utils/reviews.ts";
import { sortFor } from "#search/query.ts";
import { toProductDocument } from "#search/documents.ts";

describe("review text and names", () => {
  test("text is trimmed line by line, blank runs collapse, control characters become spaces", () => {
    expect(cleanReviewText("  很好喝 \r\n\r\n\r\n\r\n回购！\u0000 ")).toBe("很好喝\n\n回购！");
    expect(textLength("咖啡很香")).toBe(4);
    expect(textLength("😀😀")).toBe(2);
  });

  test("reviewers are masked; an email address is never shown", () => {
    expect(maskedReviewer("陈静")).toBe("陈*");
    expect(maskedReviewer("Camille Dubois")).toBe("C***s");
    expect(maskedReviewer("amina@example.com")).toBeNull();
    expect(maskedReviewer("  ")).toBeNull();
  });

  test("the average is one decimal, within 1–5, null without reviews", () => {
    expect(ratingAverage(0, 0)).toBeNull();
    expect(ratingAverage(3, 14)).toBe(4.7);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 500 }), (stars) => {
        const average = ratingAverage(
          stars.length,
          stars.reduce((a, b) => a + b, 0),
        )!;
        return average >= 1 && average <= 5 && Math.round(average * 10) === average * 10;
      }),
    );
  });
});

describe("ratings in search and JSON-LD", () => {
  test("top rated sorts by the average, then the number of reviews", () => {
    expect(sortFor("rating")).toEqual(["ratingAverage:desc", "ratingCount:desc"]);
  });

  test("documents carry the average (0 without reviews) and the count", () => {
    const base = {
      id: 1,
      slug: "s",
      titleEn: "t",
      titleZh: "",
      titleFr: "",
      descriptionEn: "",
      descriptionZh: "",
      descriptionFr: "",
      tags: [],
      priceCents: 100,
      currency: "USD",
      stock: 1,
      images: [],
      createdAt: new Date(0),
      updatedAt: new Date(0),
      storeSlug: "x",
      storeNameEn: "",
      storeNameZh: "",
      storeNameFr: "",
      countryCode: "KE",
      countryNameEn: "",
      countryNameZh: "",
      countryNameFr: "",
      categorySlug: "coffee",
      categoryNameEn: "",
      categoryNameZh: "",
      categoryNameFr: "",
      featured: false,
      festivalIds: [],
      effectivePriceCents: 100,
      effectiveDiscountPercent: 0,
      unitsSold: 0,
    };
    expect(toProductDocument({ ...base, ratingCount: 0, ratingSum: 0 })).toMatchObject({
      ratingAverage: 0,
      ratingCount: 0,
    });
    expect(toProductDocument({ ...base, ratingCount: 4, ratingSum: 17 })).toMatchObject({
      ratingAverage: 4.3,
      ratingCount: 4,
    });
  });

  test("the product's JSON-LD has AggregateRating and Review only when there are reviews", () => {
    const input = {
      origin: "https://market.example",
      url: "/zh/products/p",
      title: "咖啡",
      description: "d",
      sku: "S",
      images: ["/a.svg"],
      category: "咖啡",
      countryName: "肯尼亚",
      storeName: "Store",
      priceCents: 1299,
      currency: "USD",
      inStock: true,
      deal: null,
    };
    const none = productJsonLd({ ...input, rating: null, reviews: [] });
    expect(none).not.toHaveProperty("aggregateRating");
    expect(none).not.toHaveProperty("review");
    const rated = productJsonLd({
      ...input,
      rating: { average: 4.5, count: 12 },
      reviews: [{ rating: 5, body: "很香", createdAt: "2026-10-02T03:00:00.000Z", reviewer: "陈*", locale: "zh" }],
    });
    expect(rated.aggregateRating).toEqual({
      "@type": "AggregateRating",
      ratingValue: "4.5",
      reviewCount: 12,
      bestRating: "5",
      worstRating: "1",
    });
    expect(rated.review).toEqual([
      {
        "@type": "Review",
        reviewRating: { "@type": "Rating", ratingValue: "5", bestRating: "5", worstRating: "1" },
        author: { "@type": "Person", name: "陈*" },
        datePublished: "2026-10-02",
        reviewBody: "很香",
        inLanguage: "zh",
      },
    ]);
  });
});
