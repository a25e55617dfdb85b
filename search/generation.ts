import { sql } from "drizzle-orm";
import type { DB } from "#db/client.ts";

/**
 * A counter bumped whenever the index changes what it returns (outbox drained, reindex, synonyms
 * applied). Caches of search results key on it, so a change is visible at once. It lives in the
 * database, not in the process: with several worker processes (decision 031) only the one running
 * the background jobs drains the outbox, and every worker must see its bump.
 */
export function indexGeneration(db: Pick<DB, "get">): number {
  const row = db.get<{ value: string } | undefined>(sql`SELECT value FROM search_state WHERE key = 'indexGeneration'`);
  return row ? Number(row.value) : 0;
}

export function bumpIndexGeneration(db: Pick<DB, "run">) {
  db.run(
    sql`INSERT INTO search_state (key, value) VALUES ('indexGeneration', '1')
        ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
  );
}
