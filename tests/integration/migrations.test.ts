import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { expect, test } from "vitest";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { useTempDirs } from "#tests/support/temp.ts";

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");

/** A copy of the committed migrations up to and including `lastTag`, to build a database as it was then. */
function migrationsUpTo(dir: string, lastTag: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last, lastTag).toBeGreaterThanOrEqual(0);
  const entries = journal.entries.slice(0, last + 1);
  fs.mkdirSync(path.join(dir, "meta"), { recursive: true });
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) fs.copyFileSync(path.join(MIGRATIONS, `${tag}.sql`), path.join(dir, `${tag}.sql`));
  return dir;
}

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
    "account_tokens",
    "addresses",
    "audit_log",
    "cart_items",
    "carts",
    "categories",
    "category_tax_classes",
    "countries",
    "email_unsubscribes",
    "exchange_rates",
    "featured_products",
    "festival_deals",
    "festival_sessions",
    "festival_stores",
    "festivals",
    "flash_slot_items",
    "flash_slots",
    "import_jobs",
    "import_rows",
    "job_leases",
    "notifications",
    "order_events",
    "order_items",
    "order_line_discounts",
    "order_shipments",
    "order_taxes",
    "orders",
    "payment_events",
    "payments",
    "products",
    "products_fts",
    "rate_limits",
    "refund_charges",
    "refund_lines",
    "refunds",
    "reminders",
    "reviews",
    "search_outbox",
    "search_queries",
    "search_state",
    "search_synonyms",
    "sessions",
    "shipping_profiles",
    "store_follows",
    "stores",
    "tax_classes",
    "users",
    "voucher_claims",
    "vouchers",
    "wishlist_items",
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

test("upgrading a database with orders under way: stock meant available, so held units are added back on hand", () => {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, "upgrade.db"));
  // The database as it was before the inventory split (migration 0004).
  migrate(db, { migrationsFolder: migrationsUpTo(path.join(dir, "migrations"), "0004_orders") });
  const run = (q: string, ...p: unknown[]) => db.$client.prepare(q).run(...p);
  const get = (q: string, ...p: unknown[]) => db.$client.prepare(q).get(...p) as Record<string, unknown>;
  run("INSERT INTO countries VALUES ('KE', 'Kenya', '肯尼亚', 'Kenya', 'Kenyan', 'du Kenya', 'east', '[]')");
  run("INSERT INTO categories (slug, name_en, name_zh, name_fr) VALUES ('tea', 'Tea', '茶', 'Thé')");
  run("INSERT INTO users (email, password_hash) VALUES ('o@x', 'h')");
  run(
    "INSERT INTO stores (slug, owner_id, name_en, name_zh, name_fr, country_code, city_en, city_zh, city_fr) VALUES ('s', 1, 'Kericho Leaf', '凯里乔茶园', 'Thés de Kericho', 'KE', 'Kericho', '凯里乔', 'Kericho')",
  );
  // stock = units available then: the held units were already taken off.
  run(
    "INSERT INTO products (id, store_id, slug, sku, title_en, category_id, price_cents, stock, status) VALUES (1, 1, 'purple', 'P-1', 'Purple Tea', 1, 900, 2, 'active'), (2, 1, 'silver', 'P-2', 'Silver Tips', 1, 1500, 7, 'active')",
  );
  run(
    "INSERT INTO festivals (id, slug, name_en, name_zh, name_fr, starts_at, ends_at, published) VALUES (1, 'f', 'F', 'F', 'F', 0, 9999999999999, 1)",
  );
  // The deal's sold_count counted pending and paid units alike: 2 (order 6, pending) + 3 (order 7, paid).
  run(
    "INSERT INTO festival_deals (id, festival_id, product_id, deal_price_cents, deal_stock, sold_count) VALUES (1, 1, 2, 1000, 10, 5)",
  );
  const order = (id: number, status: string) =>
    run(
      "INSERT INTO orders (id, email, ship_name, ship_address, ship_city, ship_country, total_cents, provider, reserved_until, status) VALUES (?, 'a@x', 'A', '1 Road', 'City', 'China', 1, 'demo', ?, ?)",
      id,
      Date.now() + 600_000,
      status,
    );
  const line = (orderId: number, productId: number, quantity: number, shipped: boolean, dealId: number | null = null) =>
    run(
      "INSERT INTO order_items (order_id, product_id, store_id, title, title_en, unit_cents, regular_cents, quantity, deal_id, shipped_at) VALUES (?, ?, 1, 't', 't', 1, 1, ?, ?, ?)",
      orderId,
      productId,
      quantity,
      dealId,
      shipped ? Date.now() : null,
    );
  order(1, "pending");
  line(1, 1, 3, false);
  order(2, "paid");
  line(2, 1, 1, false);
  order(3, "fulfilled");
  line(3, 1, 4, true);
  order(4, "cancelled");
  line(4, 1, 5, false);
  order(5, "partly_fulfilled");
  line(5, 1, 2, true);
  line(5, 2, 1, false);
  order(6, "pending");
  line(6, 2, 2, false, 1);
  order(7, "paid");
  line(7, 2, 3, false, 1);

  migrateDatabase(db);

  // The lifecycle's names (0009): pending → pending_payment, partly_fulfilled → partially_fulfilled;
  // each order's timeline starts with the status it had.
  expect(db.$client.prepare("SELECT id, status FROM orders ORDER BY id").all()).toEqual([
    { id: 1, status: "pending_payment" },
    { id: 2, status: "paid" },
    { id: 3, status: "fulfilled" },
    { id: 4, status: "cancelled" },
    { id: 5, status: "partially_fulfilled" },
    { id: 6, status: "pending_payment" },
    { id: 7, status: "paid" },
  ]);
  expect(
    db.$client.prepare("SELECT order_id, from_status, to_status FROM order_events ORDER BY order_id").all(),
  ).toHaveLength(7);

  // Product 1: held by order 1 (3, pending) and order 2 (1, paid, not shipped); shipped and cancelled lines hold nothing.
  expect(get("SELECT on_hand, reserved, stock FROM products WHERE id = 1")).toEqual({
    on_hand: 6,
    reserved: 4,
    stock: 2,
  });
  // Product 2: order 5's unshipped line (1), order 6 (2, pending), order 7 (3, paid).
  expect(get("SELECT on_hand, reserved, stock FROM products WHERE id = 2")).toEqual({
    on_hand: 13,
    reserved: 6,
    stock: 7,
  });
  expect(get("SELECT sold_count, reserved_count FROM festival_deals WHERE id = 1")).toEqual({
    sold_count: 3,
    reserved_count: 2,
  });

  // Available is derived, never written; reserved can neither pass on hand nor go below zero.
  expect(() => run("UPDATE products SET stock = 9 WHERE id = 1")).toThrow(/generated column/);
  expect(() => run("UPDATE products SET on_hand = 3 WHERE id = 1")).toThrow(/inventory/);
  expect(() => run("UPDATE products SET reserved = -1 WHERE id = 1")).toThrow(/inventory/);
  expect(() => run("UPDATE festival_deals SET reserved_count = -1 WHERE id = 1")).toThrow(/inventory/);
  run("UPDATE products SET on_hand = 4 WHERE id = 1");
  expect(get("SELECT stock FROM products WHERE id = 1")).toEqual({ stock: 0 });

  // The full-text triggers on products survived the column change.
  run("UPDATE products SET title_en = 'Golden Tips' WHERE id = 1");
  expect(
    db.$client.prepare("SELECT rowid FROM products_fts WHERE products_fts MATCH '\"golden\"'").pluck().all(),
  ).toEqual([1]);
  db.$client.close();
});
