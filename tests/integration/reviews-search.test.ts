import { describe, expect, test } from "vitest";
import { getDb } from "#app/utils/db.server.ts";
import { createClient } from "#search/client.ts";
import { fallbackSearch } from "#search/fallback.ts";
import { meiliSearch } from "#search/meili-search.ts";
import { drainAll } from "#search/outbox.ts";
import type { SearchParams } from "#search/query.ts";
import { createProduct, updateProduct } from "#tests/support/factories.ts";
import { useSearchIndex } from "#tests/support/search.ts";

const connection = useSearchIndex({ documents: "empty" });

describe("the top-rated sort (decision 028)", () => {
  test("both engines order by the average shown, then by the number of reviews; unrated products last", async () => {
    const word = `ratedword${process.pid}`;
    const make = (title: string, count: number, sum: number) => {
      const p = createProduct(getDb(), {
        storeSlug: "yirga-highlands-coffee",
        titleEn: `${title} ${word}`,
        tags: [word],
      });
      if (count > 0) updateProduct(getDb(), p.id, { ratingCount: count, ratingSum: sum });
      return p.id;
    };
    const unrated = make("Unrated", 0, 0);
    const fourFromTwo = make("Four from two", 2, 8); // 4.0, 2 reviews
    const fourSevenFromThree = make("Four point seven", 3, 14); // 4.67 → 4.7
    const fourFromTen = make("Four from ten", 10, 40); // 4.0, 10 reviews
    const five = make("Five", 1, 5);
    const expected = [five, fourSevenFromThree, fourFromTen, fourFromTwo, unrated];
    await drainAll(getDb(), createClient(connection(), 30_000), connection());

    const params: SearchParams = { q: word, inStock: false, sort: "rating", page: 1 };
    const meili = await meiliSearch(createClient(connection(), 30_000), connection(), params, "en");
    expect(meili.hits.map((h) => h.id)).toEqual(expected);
    expect(meili.hits[1]!.rating).toEqual({ average: 4.7, count: 3 });
    expect(meili.hits.at(-1)!.rating).toBeUndefined();

    const sqlite = fallbackSearch(getDb(), params, "en");
    expect(sqlite.hits.map((h) => h.id)).toEqual(expected);
    expect(sqlite.hits[1]!.rating).toEqual({ average: 4.7, count: 3 });
  });
});
