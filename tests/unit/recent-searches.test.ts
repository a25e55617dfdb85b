import { expect, test } from "vitest";
import { addRecentSearch, clearRecentSearches, readRecentSearches } from "#app/utils/recent-searches.ts";

function memory() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

test("the latest first, once whatever the case, at most six", () => {
  const store = memory();
  for (const q of ["coffee", "咖啡", "shea  butter", "Coffee"]) addRecentSearch(q, store);
  expect(readRecentSearches(store)).toEqual(["Coffee", "shea butter", "咖啡"]);
  for (const q of ["a1", "a2", "a3", "a4", "a5"]) addRecentSearch(q, store);
  expect(readRecentSearches(store)).toEqual(["a5", "a4", "a3", "a2", "a1", "Coffee"]);
});

test("markup, punctuation, blanks and overlong text are not kept", () => {
  const store = memory();
  for (const q of ["<script>", "!!!", "   ", "x".repeat(101)]) addRecentSearch(q, store);
  expect(readRecentSearches(store)).toEqual([]);
});

test("a corrupt or missing store reads as empty; clearing forgets", () => {
  const store = memory();
  store.data.set("recent-searches", "{not json");
  expect(readRecentSearches(store)).toEqual([]);
  store.data.set("recent-searches", JSON.stringify(["ok", 3, ""]));
  expect(readRecentSearches(store)).toEqual(["ok"]);
  clearRecentSearches(store);
  expect(readRecentSearches(store)).toEqual([]);
  expect(readRecentSearches(null)).toEqual([]);
});
