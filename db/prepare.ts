import { count } from "drizzle-orm";
import { openDatabase } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { products } from "./schema/index.ts";
import { DEMO_ORDERS, DEMO_PASSWORD, ORGANIZER_EMAIL, seedDatabase } from "./seed/seed.ts";
import { SHOPPER_EMAIL } from "./seed/orders.ts";
import { now as clockNow } from "./clock.ts";
import { logger } from "#app/utils/logger.server.ts";

/** Migrates the database and seeds it only when it has no products, so restarts keep data. */
export async function prepareDatabase(databasePath: string, log: (line: string) => void = (line) => logger.info(line)) {
  const db = openDatabase(databasePath);
  try {
    migrateDatabase(db);
    const [row] = db.select({ n: count() }).from(products).all();
    if ((row?.n ?? 0) === 0) {
      // Dated back from today, so the demo's dashboards show recent orders (tests anchor a fixed date).
      const summary = await seedDatabase(db, { orders: DEMO_ORDERS, now: clockNow() });
      log(
        `Seeded an empty database at ${databasePath}: ${summary.stores} stores, ${summary.products} products, ${summary.orders} orders, ${summary.reviews} reviews.`,
      );
      log(
        `Demo accounts (demo only): ${ORGANIZER_EMAIL}, owner+<store-slug>@silkroad.example and the shopper ${SHOPPER_EMAIL}, password "${DEMO_PASSWORD}".`,
      );
    }
    // Query-planner statistics: without them SQLite walks 100,000 products by status to find one
    // country's (260 ms) instead of going through that country's stores (10 ms). 0x10002 analyzes
    // tables that have never been analyzed, then keeps the statistics fresh.
    db.$client.exec("PRAGMA optimize=0x10002");
  } finally {
    db.$client.close();
  }
}
