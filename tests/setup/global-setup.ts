import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { seedDatabase } from "#db/seed/seed.ts";
import { startMeilisearch, type MeiliServer } from "#search/server.ts";
import { BASE_DB, TEST_DATA_DIR } from "./paths.ts";

/**
 * Once per run: the base database (migrated and seeded with the default catalog), and a real
 * Meilisearch server — MEILI_HOST when set, otherwise the bundled binary on a free port. Test files
 * share the server through the environment and keep apart by index prefix.
 */
export default async function setup() {
  fs.rmSync(TEST_DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_DATA_DIR, { recursive: true });
  const db = openDatabase(BASE_DB);
  migrateDatabase(db);
  await seedDatabase(db);
  // Fold the WAL into the main file so a plain file copy is a complete database.
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();

  let server: MeiliServer | undefined;
  if (!process.env.MEILI_HOST) {
    server = await startMeilisearch({ dataDir: path.join(TEST_DATA_DIR, "meilisearch") });
    process.env.MEILI_HOST = server.host;
    process.env.MEILI_MASTER_KEY = server.masterKey;
  }
  return async () => {
    await server?.stop();
  };
}
