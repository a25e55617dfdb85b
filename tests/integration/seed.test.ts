import path from "node:path";
import { verify } from "@node-rs/argon2";
import { beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type DB } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { DEMO_PASSWORD, ORGANIZER_EMAIL, clearCatalog, ownerEmail, seedDatabase } from "#db/seed/seed.ts";
import { useTempDirs } from "#tests/support/temp.ts";

const tempDir = useTempDirs("srm-seed-");

async function seededDatabase(options: Parameters<typeof seedDatabase>[1] = {}): Promise<DB> {
  const file = path.join(tempDir(), "market.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  await seedDatabase(db, options);
  return db;
}

const all = <T>(db: DB, query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as T[];
const one = <T>(db: DB, query: string, ...params: unknown[]) => db.$client.prepare(query).get(...params) as T;

/**
 * This file's copy of the base database, which the test set-up made with `seedDatabase(db)` and the
 * default options (tests/setup/base-database.ts), and which nothing in this file changes.
 */
const defaultSeed = (): DB => openDatabase(process.env.DATABASE_PATH!);

describe("the default seed", () => {
  let db: DB;
  beforeAll(() => {
    db = defaultSeed();
  });

  test("has exactly 100 approved stores and 1,000 active products", () => {
    expect(one(db, "SELECT count(*) n FROM stores WHERE status = 'approved'")).toEqual({ n: 100 });
    expect(one(db, "SELECT count(*) n FROM stores")).toEqual({ n: 100 });
    expect(one(db, "SELECT count(*) n FROM products WHERE status = 'active'")).toEqual({ n: 1000 });
    expect(one(db, "SELECT count(*) n FROM products")).toEqual({ n: 1000 });
  });

  test("knows all 54 African countries and has stores in at least 40 of them", () => {
    expect(one(db, "SELECT count(*) n FROM countries")).toEqual({ n: 54 });
    const { n } = one<{ n: number }>(db, "SELECT count(DISTINCT country_code) n FROM stores");
    expect(n).toBeGreaterThanOrEqual(40);
  });

  test("every store has 5 to 15 products", () => {
    const counts = all<{ n: number }>(
      db,
      "SELECT count(p.id) n FROM stores s LEFT JOIN products p ON p.store_id = s.id GROUP BY s.id",
    );
    expect(counts).toHaveLength(100);
    for (const { n } of counts) {
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(15);
    }
  });

  test("has at least 12 categories, the required ones among them, each with products", () => {
    const categories = all<{ slug: string; n: number }>(
      db,
      "SELECT c.slug, count(p.id) n FROM categories c LEFT JOIN products p ON p.category_id = c.id GROUP BY c.id",
    );
    expect(categories.length).toBeGreaterThanOrEqual(12);
    const slugs = categories.map((c) => c.slug);
    for (const required of [
      "coffee",
      "tea-infusions",
      "spices",
      "nuts-dried-fruit",
      "oils-butters",
      "natural-cosmetics",
      "textiles",
      "crafts-home-decor",
      "jewellery",
      "leather-goods",
      "honey-sweets",
      "wine-beverages",
    ]) {
      expect(slugs).toContain(required);
    }
    for (const c of categories) expect(c.n, c.slug).toBeGreaterThan(0);
  });

  // The product kinds and origins the campaign brief names, each with several products.
  const kinds: [string, string, string, string[]][] = [
    ["coffee", "coffee", "Coffee", ["ET", "RW", "KE", "UG"]],
    ["tea", "tea-infusions", "\\bTea\\b", ["KE", "RW", "MW"]],
    ["rooibos", "tea-infusions", "Rooibos", ["ZA"]],
    ["shea butter", "oils-butters", "Shea", ["GH", "BF"]],
    ["cashews", "nuts-dried-fruit", "Cashew", ["CI", "TZ", "MZ"]],
    ["vanilla", "spices", "Vanilla", ["MG"]],
    ["cloves", "spices", "Clove", ["TZ"]],
    ["argan oil", "oils-butters", "Argan", ["MA"]],
    ["olive oil", "oils-butters", "Olive Oil", ["TN"]],
    ["dates", "nuts-dried-fruit", "Dates", ["EG", "DZ", "TN"]],
    ["cocoa and chocolate", "cocoa-chocolate", "Chocolate|Cocoa", ["GH", "CI"]],
    ["baobab", "superfoods", "Baobab", ["SN", "MW"]],
    ["hibiscus", "tea-infusions", "Hibiscus|Bissap|Zobo", ["SN", "NG"]],
    ["honey", "honey-sweets", "Honey", ["ET", "ZM"]],
    ["macadamia", "nuts-dried-fruit", "Macadamia", ["KE", "MW"]],
    ["kente cloth", "textiles", "Kente", ["GH"]],
    ["bogolan mud cloth", "textiles", "Bogolan", ["ML"]],
    ["Maasai beadwork", "jewellery", "Maasai", ["KE", "TZ"]],
    ["Makonde carvings", "crafts-home-decor", "Makonde", ["TZ", "MZ"]],
    ["woven baskets", "crafts-home-decor", "Basket", ["RW", "GH"]],
    ["leather goods", "leather-goods", ".", ["MA", "ET"]],
    ["wine", "wine-beverages", "Pinotage|Chenin|Syrah|Cabernet|Cap Classique|Muscat", ["ZA"]],
  ];
  test.each(kinds)("%s comes from its regions", (_, category, pattern, origins) => {
    const rows = all<{ title: string; country: string }>(
      db,
      `SELECT p.title_en title, s.country_code country FROM products p
       JOIN stores s ON s.id = p.store_id JOIN categories c ON c.id = p.category_id WHERE c.slug = ?`,
      category,
    );
    const matching = rows.filter((r) => new RegExp(pattern).test(r.title));
    for (const origin of origins) {
      expect(matching.filter((r) => r.country === origin).length, `${origin}: ${pattern}`).toBeGreaterThanOrEqual(2);
    }
  });

  test("every store and product text exists in English, Chinese and French", () => {
    const cjk = /[\u4e00-\u9fff]/;
    const stores = all<Record<string, string>>(
      db,
      "SELECT name_en, name_zh, name_fr, tagline_en, tagline_zh, tagline_fr, story_en, story_zh, story_fr, city_zh FROM stores",
    );
    const products = all<Record<string, string>>(
      db,
      "SELECT title_en, title_zh, title_fr, description_en, description_zh, description_fr FROM products",
    );
    expect([stores.length, products.length]).toEqual([100, 1000]);
    for (const row of [...stores, ...products]) {
      for (const [column, value] of Object.entries(row)) {
        expect(value.trim().length, column).toBeGreaterThan(0);
        expect(value, column).not.toMatch(/undefined|null|TODO|lorem|Product \d/i);
        if (column.endsWith("_zh")) expect(cjk.test(value), `${column}: ${value}`).toBe(true);
      }
    }
    // French and English differ (the French is written, not copied).
    const copied = one<{ n: number }>(
      db,
      "SELECT count(*) n FROM products WHERE title_fr = title_en OR description_fr = description_en",
    );
    expect(copied.n).toBe(0);
  });

  test("slugs and SKUs are unique, images and prices are present and plausible", () => {
    expect(one(db, "SELECT count(DISTINCT slug) n FROM products")).toEqual({ n: 1000 });
    expect(one(db, "SELECT count(DISTINCT sku) n FROM products")).toEqual({ n: 1000 });
    expect(one(db, "SELECT count(DISTINCT slug) n FROM stores")).toEqual({ n: 100 });
    const products = all<{ slug: string; images: string; price_cents: number; currency: string }>(
      db,
      "SELECT slug, images, price_cents, currency FROM products",
    );
    for (const p of products) {
      expect(JSON.parse(p.images)).toEqual([`/art/products/${p.slug}.svg`]);
      expect(p.currency).toBe("USD");
      expect(Number.isInteger(p.price_cents)).toBe(true);
      expect(p.price_cents).toBeGreaterThanOrEqual(199);
      expect(p.price_cents).toBeLessThanOrEqual(150_000);
    }
    expect(one(db, "SELECT count(*) n FROM stores WHERE logo_url IS NULL")).toEqual({ n: 0 });
  });

  test("some products are sold out, some are low, most are in stock", () => {
    const stock = one<{ soldOut: number; low: number; inStock: number }>(
      db,
      "SELECT sum(stock = 0) soldOut, sum(stock BETWEEN 1 AND 5) low, sum(stock > 5) inStock FROM products",
    );
    expect(stock.soldOut).toBeGreaterThan(20);
    expect(stock.low).toBeGreaterThan(20);
    expect(stock.inStock).toBeGreaterThan(700);
  });

  test("demo accounts: one organizer and an owner per store, with the demo password hashed by argon2id", async () => {
    const organizer = one<{ role: string; password_hash: string }>(
      db,
      "SELECT role, password_hash FROM users WHERE email = ?",
      ORGANIZER_EMAIL,
    );
    expect(organizer.role).toBe("organizer");
    expect(organizer.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(organizer.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(organizer.password_hash, "wrong password")).toBe(false);
    const owners = all<{ email: string; slug: string }>(
      db,
      "SELECT u.email, s.slug FROM stores s JOIN users u ON u.id = s.owner_id WHERE u.role = 'owner'",
    );
    expect(owners).toHaveLength(100);
    for (const o of owners) expect(o.email).toBe(ownerEmail(o.slug));
  });

  test("features in-stock products on the home page, from different categories and countries", () => {
    const featured = all<{ category_id: number; country_code: string; stock: number }>(
      db,
      "SELECT p.category_id, s.country_code, p.stock FROM featured_products f JOIN products p ON p.id = f.product_id JOIN stores s ON s.id = p.store_id ORDER BY f.position",
    );
    expect(featured.length).toBeGreaterThanOrEqual(8);
    expect(new Set(featured.map((f) => f.category_id)).size).toBe(featured.length);
    expect(new Set(featured.map((f) => f.country_code)).size).toBe(featured.length);
    for (const f of featured) expect(f.stock).toBeGreaterThan(0);
  });
});

const dump = (db: DB) =>
  ["countries", "categories", "users", "stores", "products", "featured_products"].map((table) =>
    db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
  );

// A small catalog where the property does not depend on the size: the same code runs for every size.
const SMALL = { stores: 12, products: 90 };

test("is deterministic: the same input gives identical rows, another seed a different catalog", async () => {
  // Against the base database, seeded by another process (possibly on an earlier run).
  const fresh = await seededDatabase();
  expect(dump(fresh)).toEqual(dump(defaultSeed()));
  const small = dump(await seededDatabase(SMALL));
  expect(dump(await seededDatabase(SMALL))).toEqual(small);
  expect(dump(await seededDatabase({ ...SMALL, seed: 7 }))).not.toEqual(small);
});

test("re-seeding after clearing gives the same database again", async () => {
  const db = await seededDatabase(SMALL);
  const before = dump(db);
  expect(before.every((rows) => rows.length > 0)).toBe(true);
  clearCatalog(db);
  expect(one(db, "SELECT count(*) n FROM products")).toEqual({ n: 0 });
  await seedDatabase(db, SMALL);
  expect(dump(db)).toEqual(before);
});

test("scales to other sizes with exact counts and unique slugs", async () => {
  // Past the 100 base stores, stores are numbered branches selling the same items: slugs must still be unique.
  const db = await seededDatabase({ stores: 130, products: 1300 });
  expect(one(db, "SELECT count(*) n FROM stores")).toEqual({ n: 130 });
  expect(one(db, "SELECT count(DISTINCT slug) n FROM stores")).toEqual({ n: 130 });
  expect(one(db, "SELECT count(*) n, count(DISTINCT slug) s, count(DISTINCT sku) k FROM products")).toEqual({
    n: 1300,
    s: 1300,
    k: 1300,
  });
  // More products per store than a store has distinct items: later ones are numbered lots.
  const dense = await seededDatabase({ stores: 2, products: 200 });
  expect(one(dense, "SELECT count(*) n, count(DISTINCT slug) s FROM products")).toEqual({ n: 200, s: 200 });
  expect(one<{ n: number }>(dense, "SELECT count(*) n FROM products WHERE title_en LIKE '%(Lot %'").n).toBeGreaterThan(
    0,
  );
});

test("refuses impossible sizes", async () => {
  await expect(seededDatabase({ stores: 10, products: 5 })).rejects.toThrow(
    /at least one store and one product per store/,
  );
});
