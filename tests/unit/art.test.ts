import { expect, test } from "vitest";
import { productArtSvg, storeLogoSvg } from "#app/utils/art.ts";

const ethiopia = ["#078930", "#FCDD09", "#DA121A", "#0F47AF"];

test("product art is deterministic and uses the origin's colours", () => {
  const a = productArtSvg({ key: "ethiopian-yirgacheffe", categorySlug: "coffee", colors: ethiopia });
  expect(productArtSvg({ key: "ethiopian-yirgacheffe", categorySlug: "coffee", colors: ethiopia })).toBe(a);
  expect(a.startsWith("<svg")).toBe(true);
  for (const c of ethiopia) expect(a).toContain(c);
  expect(productArtSvg({ key: "another-product", categorySlug: "coffee", colors: ethiopia })).not.toBe(a);
});

test("each category draws its own motif", () => {
  const coffee = productArtSvg({ key: "x", categorySlug: "coffee", colors: ethiopia });
  const honey = productArtSvg({ key: "x", categorySlug: "honey-sweets", colors: ethiopia });
  expect(coffee).not.toBe(honey);
});

test("colours that are not plain hex never reach the SVG", () => {
  const svg = productArtSvg({ key: "x", categorySlug: "coffee", colors: ['red" onload="alert(1)', "#ABCDEF"] });
  expect(svg).not.toContain("onload");
  expect(svg).toContain("#ABCDEF");
});

test("store logos escape the name's initials", () => {
  const svg = storeLogoSvg({ name: "Yirga Highlands Coffee", colors: ethiopia });
  expect(svg).toContain(">YH<");
  expect(storeLogoSvg({ name: "<script> & stuff", colors: ethiopia })).not.toContain("<script>");
});
