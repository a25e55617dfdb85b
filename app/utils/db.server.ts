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
