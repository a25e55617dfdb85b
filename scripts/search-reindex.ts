/**
 * npm run search:reindex — rebuild the product and store indexes from the database into fresh
 * indexes and swap them in atomically; searches keep answering from the old index meanwhile.
 * Uses MEILI_HOST, else the server `npm start` is running on this data directory, else starts one.
 */
import { loadEnv } from "#app/utils/env.server.ts";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { createClient, type SearchConnection } from "#search/client.ts";
import { meiliDataDir, runningServer } from "#search/connect.ts";
import { reindexAll } from "#search/indexer.ts";
import { startMeilisearch, type MeiliServer } from "#search/server.ts";

const env = loadEnv();
const db = openDatabase(env.DATABASE_PATH);
migrateDatabase(db);
let server: MeiliServer | undefined;
let connection: SearchConnection | null = env.MEILI_HOST
  ? { host: env.MEILI_HOST, apiKey: env.MEILI_MASTER_KEY, indexPrefix: env.MEILI_INDEX_PREFIX }
  : await runningServer(meiliDataDir(env.DATABASE_PATH));
if (!connection) {
  server = await startMeilisearch({ dataDir: meiliDataDir(env.DATABASE_PATH), log: console.log });
  connection = { host: server.host, apiKey: server.masterKey, indexPrefix: env.MEILI_INDEX_PREFIX };
}
const started = performance.now();
try {
  await reindexAll(db, createClient(connection, 120_000), connection, console.log);
  console.log(`Reindexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  db.$client.close();
  await server?.stop();
}
