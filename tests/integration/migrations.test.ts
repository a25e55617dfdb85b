import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";

test("migrations apply to an empty database, twice without harm, with WAL and foreign keys on", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "srm-migrate-")), "empty.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  migrateDatabase(db);
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .pluck()
    .all();
  expect(tables).toEqual(["categories", "countries", "featured_products", "products", "stores", "users"]);
  expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
  expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  // Foreign keys are enforced: a product cannot point at a store that does not exist.
  expect(() =>
    db.$client.prepare("INSERT INTO products (store_id, slug, sku, title_en, category_id, price_cents) VALUES (999, 'x', 'x', 'x', 999, 100)").run(),
  ).toThrow(/FOREIGN KEY/);
  db.$client.close();
});
