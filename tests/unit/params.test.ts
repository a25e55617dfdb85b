import { describe, expect, test } from "vitest";
import { pageWindow } from "#app/components/pagination.tsx";
import { MAX_PAGE, paginate, parseEnum, parsePage } from "#app/utils/params.ts";

describe("parsePage", () => {
  test.each([
    [null, 1],
    ["", 1],
    ["1", 1],
    ["7", 7],
    [" 3 ", 3],
    ["-1", 1],
    ["0", 1],
    ["abc", 1],
    ["2.5", 1],
    ["1e3", 1],
    ["<script>", 1],
    ["99999999999999999999", 1],
    ["9999999", MAX_PAGE],
  ])("%j → %i", (input, expected) => {
    expect(parsePage(input)).toBe(expected);
  });
});

test("parseEnum accepts only listed values", () => {
  const sorts = ["newest", "price-asc"] as const;
  expect(parseEnum("price-asc", sorts, "newest")).toBe("price-asc");
  expect(parseEnum("<script>alert(1)</script>", sorts, "newest")).toBe("newest");
  expect(parseEnum(null, sorts, "newest")).toBe("newest");
  expect(parseEnum("PRICE-ASC", sorts, "newest")).toBe("newest");
});

describe("paginate", () => {
  test("computes offset and page count", () => {
    expect(paginate(2, 100, 24)).toEqual({ page: 2, pageCount: 5, total: 100, offset: 24, pageSize: 24 });
  });
  test("clamps a page past the end to the last page", () => {
    expect(paginate(999, 100, 24)).toMatchObject({ page: 5, offset: 96 });
  });
  test("an empty result has one empty page", () => {
    expect(paginate(3, 0, 24)).toMatchObject({ page: 1, pageCount: 1, offset: 0 });
  });
});

test("pageWindow shows the ends, the neighbourhood and gaps", () => {
  expect(pageWindow(1, 1)).toEqual([1]);
  expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
  expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  expect(pageWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
});
