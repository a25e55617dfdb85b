import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type DB } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { SHOPPER_EMAIL } from "#db/seed/orders.ts";
import { DEMO_ORDERS, seedDatabase } from "#db/seed/seed.ts";
import { useTempDirs } from "#tests/support/temp.ts";

const tempDir = useTempDirs("srm-seed-reviews-");
const all = <T>(db: DB, query: string) => db.$client.prepare(query).all() as T[];
const one = <T>(db: DB, query: string) => db.$client.prepare(query).get() as T;

describe("the demo seed's orders and reviews (npm start)", () => {
  let db: DB;
  beforeAll(async () => {
    db = openDatabase(path.join(tempDir(), "market.db"));
    migrateDatabase(db);
    const summary = await seedDatabase(db, { orders: DEMO_ORDERS });
    expect(summary.orders).toBeGreaterThan(300);
    expect(summary.reviews).toBeGreaterThan(200);
  }, 120_000);

  test("reviews in Chinese, English and French, each by the buyer of a shipped line of that product", () => {
    const byLocale = Object.fromEntries(
      all<{ locale: string; n: number }>(db, "SELECT locale, count(*) AS n FROM reviews GROUP BY locale").map((r) => [
        r.locale,
        r.n,
      ]),
    );
    expect(byLocale.zh).toBeGreaterThan(50);
    expect(byLocale.en).toBeGreaterThan(30);
    expect(byLocale.fr).toBeGreaterThan(30);
    // Chinese reviews are written in Chinese, French ones in French.
    const zh = all<{ body: string }>(db, "SELECT body FROM reviews WHERE locale = 'zh'");
    expect(zh.every((r) => /[\u4e00-\u9fff]/.test(r.body))).toBe(true);
    const misfits = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM reviews r
        JOIN order_items oi ON oi.id = r.order_item_id JOIN orders o ON o.id = oi.order_id
        WHERE oi.shipped_at IS NULL OR o.user_id <> r.user_id OR oi.product_id <> r.product_id
          OR oi.store_id <> r.store_id OR o.status NOT IN ('fulfilled', 'partially_fulfilled')
          OR r.created_at <= oi.shipped_at`,
    );
    expect(misfits.n).toBe(0);
    // Mostly good, some middling and a few poor ones; some with the store's reply.
    const ratings = all<{ rating: number; n: number }>(db, "SELECT rating, count(*) AS n FROM reviews GROUP BY rating");
    expect(ratings.map((r) => r.rating).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM reviews WHERE reply IS NOT NULL").n).toBeGreaterThan(30);
    // Not one text over and over.
    expect(one<{ n: number }>(db, "SELECT count(DISTINCT body) AS n FROM reviews").n).toBeGreaterThan(120);
  });

  test("each product's rating is the count and sum of its reviews; reserved units match the lines still to ship", () => {
    const wrong = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM products p WHERE p.rating_count <> (SELECT count(*) FROM reviews r WHERE r.product_id = p.id)
         OR p.rating_sum <> (SELECT coalesce(sum(rating), 0) FROM reviews r WHERE r.product_id = p.id)`,
    );
    expect(wrong.n).toBe(0);
    const reserved = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM products p WHERE p.reserved <> (SELECT coalesce(sum(oi.quantity), 0) FROM order_items oi
         JOIN orders o ON o.id = oi.order_id WHERE oi.product_id = p.id AND oi.shipped_at IS NULL AND o.status IN ('paid', 'partially_fulfilled'))`,
    );
    expect(reserved.n).toBe(0);
  });

  test("every order has its timeline and payment; the demo shopper has shipped lines left to review", () => {
    expect(
      one<{ n: number }>(
        db,
        "SELECT count(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)",
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        db,
        "SELECT count(*) AS n FROM orders o WHERE (SELECT to_status FROM order_events e WHERE e.order_id = o.id AND e.kind = 'status' ORDER BY e.id DESC LIMIT 1) <> o.status",
      ).n,
    ).toBe(0);
    const open = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM order_items oi JOIN orders o ON o.id = oi.order_id LEFT JOIN reviews r ON r.order_item_id = oi.id
        WHERE o.email = '${SHOPPER_EMAIL}' AND oi.shipped_at IS NOT NULL AND r.id IS NULL`,
    );
    expect(open.n).toBeGreaterThan(2);
  });
});
