import { count } from "drizzle-orm";
import { openDatabase } from "./client.ts";
import { migrateDatabase } from "./migrate.ts";
import { products } from "./schema/index.ts";
import { DEMO_PASSWORD, ORGANIZER_EMAIL, seedDatabase } from "./seed/seed.ts";

/** Migrates the database and seeds it only when it has no products, so restarts keep data. */
export async function prepareDatabase(databasePath: string, log: (line: string) => void = console.log) {
  const db = openDatabase(databasePath);
  try {
    migrateDatabase(db);
    const [row] = db.select({ n: count() }).from(products).all();
    if ((row?.n ?? 0) === 0) {
      const summary = await seedDatabase(db);
      log(`Seeded an empty database at ${databasePath}: ${summary.stores} stores, ${summary.products} products.`);
      log(`Demo accounts (demo only): ${ORGANIZER_EMAIL} and owner+<store-slug>@silkroad.example, password "${DEMO_PASSWORD}".`);
    }
  } finally {
    db.$client.close();
  }
}
