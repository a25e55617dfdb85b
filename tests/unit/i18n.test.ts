import { describe, expect, test } from "vitest";
import { localeFromParam, localeFromPath, localizePath, stripLocale } from "#app/i18n/locales.ts";
import { en } from "#app/i18n/messages/en.ts";
import { fr } from "#app/i18n/messages/fr.ts";
import { zh } from "#app/i18n/messages/zh.ts";
import { translate } from "#app/i18n/translate.ts";

describe("locale resolution", () => {
  test("from the route param: none is English, zh and fr are prefixes, anything else is not a locale", () => {
    expect(localeFromParam(undefined)).toBe("en");
    expect(localeFromParam("zh")).toBe("zh");
    expect(localeFromParam("fr")).toBe("fr");
    expect(localeFromParam("en")).toBeNull();
    expect(localeFromParam("de")).toBeNull();
    expect(localeFromParam("ZH")).toBeNull();
    expect(localeFromParam("stores")).toBeNull();
  });

  test("from a path", () => {
    expect(localeFromPath("/")).toBe("en");
    expect(localeFromPath("/zh")).toBe("zh");
    expect(localeFromPath("/fr/stores/x")).toBe("fr");
    expect(localeFromPath("/zhx/stores")).toBe("en");
  });

  test("switching language keeps the page", () => {
    expect(stripLocale("/zh/products/abc")).toBe("/products/abc");
    expect(stripLocale("/fr")).toBe("/");
    expect(stripLocale("/stores")).toBe("/stores");
    expect(localizePath("/products/abc", "zh")).toBe("/zh/products/abc");
    expect(localizePath("/", "fr")).toBe("/fr");
    expect(localizePath("/", "en")).toBe("/");
    expect(localizePath(stripLocale("/zh/countries/ET"), "fr")).toBe("/fr/countries/ET");
  });
});

describe("messages", () => {
  const placeholders = (m: string | { one: string; other: string }) =>
    [...(typeof m === "string" ? m : `${m.one} ${m.other}`).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

  test.each([
    ["zh", zh],
    ["fr", fr],
  ] as const)("%s has every English key, translated, with the same placeholders", (_, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(new Set(placeholders(catalog[key])), key).toEqual(new Set(placeholders(en[key])));
    }
  });

  test("Chinese strings are written in Chinese", () => {
    const cjk = /[\u4e00-\u9fff]/;
    const exempt = new Set([
      "product.imageAlt",
      "countries.stats",
      "home.progressOf",
      "error.status",
      "store.location",
      "org.listSeparator", // 、 is Chinese punctuation, outside the ideograph range
    ]);
    for (const [key, value] of Object.entries(zh)) {
      if (exempt.has(key)) continue;
      expect(cjk.test(typeof value === "string" ? value : value.other), key).toBe(true);
    }
  });

  test("plurals and numbers follow the locale", () => {
    expect(translate("en", "common.products", { count: 1 })).toBe("1 product");
    expect(translate("en", "common.products", { count: 1000 })).toBe("1,000 products");
    expect(translate("fr", "common.products", { count: 1 })).toBe("1 produit");
    expect(translate("fr", "common.products", { count: 1000 }).replace(/\s/g, " ")).toBe("1 000 produits");
    expect(translate("zh", "common.products", { count: 12 })).toBe("12款商品");
  });

  test("values are inserted as given, never interpreted", () => {
    expect(translate("en", "search.none", { query: "<b>{count}</b>" })).toBe("Nothing matches “<b>{count}</b>” yet.");
  });
});
