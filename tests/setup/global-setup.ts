import fs from "node:fs";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { seedDatabase } from "#db/seed/seed.ts";
import { BASE_DB, TEST_DATA_DIR } from "./paths.ts";

/** Builds the base database once: migrated and seeded with the default catalog. */
export default async function setup() {
  fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_DATA_DIR, { recursive: true });
  const db = openDatabase(BASE_DB);
  migrateDatabase(db);
  await seedDatabase(db);
  // Fold the WAL into the main file so a plain file copy is a complete database.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
