import path from "node:path";
import { expect, test } from "vitest";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { useTempDirs } from "#tests/support/temp.ts";

const tempDir = useTempDirs("srm-migrate-");

test("migrations apply to an empty database, twice without harm, with WAL and foreign keys on", () => {
  const file = path.join(tempDir(), "empty.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  migrateDatabase(db);
  const tables = db.$client
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .pluck()
    .all();
  expect(tables.filter((t) => !String(t).startsWith("products_fts_"))).toEqual([
    "audit_log",
    "cart_items",
    "carts",
    "categories",
    "countries",
    "featured_products",
    "festival_deals",
    "festival_sessions",
    "festival_stores",
    "festivals",
    "order_items",
    "orders",
    "payment_events",
    "payments",
    "products",
    "products_fts",
    "search_outbox",
    "search_queries",
    "search_state",
    "search_synonyms",
    "stores",
    "users",
  ]);
  expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
  expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  // Foreign keys are enforced: a product cannot point at a store that does not exist.
  expect(() =>
    db.$client
      .prepare(
        "INSERT INTO products (store_id, slug, sku, title_en, category_id, price_cents) VALUES (999, 'x', 'x', 'x', 999, 100)",
      )
      .run(),
  ).toThrow(/FOREIGN KEY/);
  db.$client.close();
});

test("the full-text table follows product and store writes through its triggers", () => {
  const file = path.join(tempDir(), "fts.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  const run = (q: string, ...p: unknown[]) => db.$client.prepare(q).run(...p);
  const titles = (q: string) =>
    db.$client.prepare("SELECT title_en FROM products_fts WHERE products_fts MATCH ?").pluck().all(q);
  run("INSERT INTO countries VALUES ('KE', 'Kenya', '肯尼亚', 'Kenya', 'Kenyan', 'du Kenya', 'east', '[]')");
  run("INSERT INTO categories (slug, name_en, name_zh, name_fr) VALUES ('tea', 'Tea', '茶', 'Thé')");
  run("INSERT INTO users (email, password_hash) VALUES ('o@x', 'h')");
  run(
    "INSERT INTO stores (slug, owner_id, name_en, name_zh, name_fr, country_code, city_en, city_zh, city_fr) VALUES ('s', 1, 'Kericho Leaf', '凯里乔茶园', 'Thés de Kericho', 'KE', 'Kericho', '凯里乔', 'Kericho')",
  );
  run(
    "INSERT INTO products (store_id, slug, sku, title_en, title_zh, category_id, price_cents) VALUES (1, 'p', 'p', 'Purple Tea', '紫茶叶礼盒', 1, 900)",
  );
  expect(titles('"purple"')).toEqual(["Purple Tea"]);
  expect(titles('"紫茶叶"')).toEqual(["Purple Tea"]);
  run("UPDATE products SET title_en = 'Silver Tips' WHERE id = 1");
  expect(titles('"purple"')).toEqual([]);
  expect(titles('"silver"')).toEqual(["Silver Tips"]);
  run("UPDATE stores SET name_en = 'Nandi Hills Estate' WHERE id = 1");
  expect(titles('"nandi"')).toEqual(["Silver Tips"]);
  run("DELETE FROM products WHERE id = 1");
  expect(titles('"silver"')).toEqual([]);
  db.$client.close();
});
