import { describe, expect, test } from "vitest";
import { didYouMean, editDistance, isJunkQuery } from "#search/popular.ts";

describe("isJunkQuery", () => {
  test.each([
    "<script>alert(1)</script>",
    "<b>",
    "a\u0000b",
    "x".repeat(41),
    "!!!",
    "...",
    "  ",
    "https://x.io",
    "&lt;",
  ])("%j is junk", (q) => expect(isJunkQuery(q)).toBe(true));
  test.each(["coffee", "咖啡", "shea butter", "AA", "café", "noix de cajou"])("%j is a search", (q) =>
    expect(isJunkQuery(q)).toBe(false),
  );
});

test("a long query is junk for hot searches, not for insights (which pass a longer limit)", () => {
  const long = "organic shea butter for very dry skin from northern ghana";
  expect(isJunkQuery(long)).toBe(true);
  expect(isJunkQuery(long, 200)).toBe(false);
  expect(isJunkQuery("<b>shea</b>", 200)).toBe(true);
});

test("editDistance counts an adjacent swap as one edit", () => {
  expect(editDistance("cofee", "coffee")).toBe(1);
  expect(editDistance("cofefe", "coffee")).toBe(1);
  expect(editDistance("咖非", "咖啡")).toBe(1);
  expect(editDistance("", "abc")).toBe(3);
});

describe("didYouMean", () => {
  const popular = [
    { query: "coffee", searches: 40 },
    { query: "咖啡", searches: 30 },
    { query: "coffea", searches: 2 },
    { query: "<script>", searches: 99 },
    { query: "tea", searches: 10 },
  ];
  test("the closest popular query, more searches breaking ties", () => {
    expect(didYouMean("cofee", popular)).toBe("coffee");
    expect(didYouMean("COFEE", popular)).toBe("coffee");
  });
  test("a query that reads the same in pinyin: a homophone typo, or pinyin itself", () => {
    expect(didYouMean("咖非", popular)).toBe("咖啡");
    expect(didYouMean("kafei", popular)).toBe("咖啡");
  });
  test("nothing when nothing is close, or the query is itself the popular one; never junk", () => {
    expect(didYouMean("vanilla", popular)).toBeNull();
    expect(didYouMean("coffee", popular)).toBe("coffea");
    expect(didYouMean("<scrip>", popular)).toBeNull();
    expect(didYouMean("", popular)).toBeNull();
  });
});
