/**
 * npm run db:backup [-- --out path/to/copy.db]
 * Writes a consistent copy of DATABASE_PATH (SQLite online backup) while the app keeps serving.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadEnv } from "#app/utils/env.server.ts";
import { backupDatabase } from "#db/backup.ts";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const env = loadEnv();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = values.out ?? path.join(path.dirname(env.DATABASE_PATH), "backups", `market-${stamp}.db`);
try {
  const result = await backupDatabase(env.DATABASE_PATH, out);
  console.log(`Backed up ${env.DATABASE_PATH} to ${result.path} (${result.pages} pages, integrity ok).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
