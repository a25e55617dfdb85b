import { openDatabase, type DB } from "#db/client.ts";
import { loadEnv } from "./env.server.ts";

// One connection per process; kept on globalThis so Vite's dev reloads do not open a new one each time.
const globalForDb = globalThis as unknown as { __silkRoadDb?: DB };

export function getDb(): DB {
  globalForDb.__silkRoadDb ??= openDatabase(loadEnv().DATABASE_PATH);
  return globalForDb.__silkRoadDb;
}
