/**
 * npm run db:seed [-- --stores N --products M --seed S]
 * Replaces the catalog in DATABASE_PATH with the deterministic seed.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { DEMO_ORDERS, DEMO_PASSWORD, ORGANIZER_EMAIL, clearCatalog, ownerEmail, seedDatabase } from "#db/seed/seed.ts";
import { SHOPPER_EMAIL } from "#db/seed/orders.ts";
import { now as clockNow } from "#db/clock.ts";
import { STORES } from "#db/seed/stores.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { progressBar } from "./progress.ts";

const { values } = parseArgs({
  options: { stores: { type: "string" }, products: { type: "string" }, seed: { type: "string" } },
});
const asCount = (name: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive whole number, got "${value}"`);
    process.exit(1);
  }
  return n;
};

const env = loadEnv();
const db = openDatabase(env.DATABASE_PATH);
migrateDatabase(db);
clearCatalog(db);
const started = performance.now();
const bar = progressBar("seeding products");
const summary = await seedDatabase(db, {
  stores: asCount("stores", values.stores),
  products: asCount("products", values.products),
  seed: asCount("seed", values.seed),
  orders: DEMO_ORDERS,
  now: clockNow(),
  onProgress: bar.update,
});
bar.done();
db.$client.close();

console.log(
  `Seeded ${env.DATABASE_PATH}: ${summary.stores} stores, ${summary.products} products, ${summary.countries} countries, ${summary.categories} categories, ${summary.orders} orders, ${summary.reviews} reviews in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`Demo accounts (demo only, never in production), password "${DEMO_PASSWORD}":`);
console.log(`  organizer: ${ORGANIZER_EMAIL}`);
console.log(`  shopper with shipped orders and reviews: ${SHOPPER_EMAIL}`);
console.log(`  store owner, e.g.: ${ownerEmail(STORES[0]!.slug)} (one per store: owner+<store-slug>@silkroad.example)`);
