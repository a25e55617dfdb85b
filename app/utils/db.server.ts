import { remember } from "@epic-web/remember";
import { openDatabase, type DB } from "#db/client.ts";
import { loadEnv } from "./env.server.ts";

// One connection per process, shared by the start script and the server build (and kept across
// Vite's dev reloads), so it lives in a process-wide slot rather than in this module.
const holder = remember("db", () => ({ db: undefined as DB | undefined }));

export function getDb(): DB {
  holder.db ??= openDatabase(loadEnv().DATABASE_PATH);
  return holder.db;
}

/** Closes the connection (shutdown, end of a test file); the next getDb() opens it again. */
export function closeDb() {
  holder.db?.$client.close();
  holder.db = undefined;
}

/**
 * A query built and prepared once per connection, for the hottest pages (decision 037): drizzle
 * otherwise builds the SQL text on every call. Values go in through `sql.placeholder(name)`.
 */
export function preparedQuery<Q>(build: (db: DB) => Q): () => Q {
  const byConnection = new WeakMap<DB, Q>();
  return () => {
    const db = getDb();
    let query = byConnection.get(db);
    if (!query) {
      query = build(db);
      byConnection.set(db, query);
    }
    return query;
  };
}
