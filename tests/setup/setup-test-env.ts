import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { FILES_DIR } from "./paths.ts";

// Each test file gets its own copy of the seeded base database (per worker, per file), so files are
// isolated without re-migrating or re-seeding. Its directory also holds what the app keeps beside
// the database (uploaded media, the session secret) and goes away with the file.
const dir = path.join(FILES_DIR, `${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}`);
const file = path.join(dir, "market.db");
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(inject("baseDatabase"), file);
fs.chmodSync(file, 0o644); // the base is read-only on disk; the copy is this file's to change
process.env.DATABASE_PATH = file;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-session-secret-that-is-long-enough-0123456789";
// Only files that ask for an index (tests/support/search.ts) talk to Meilisearch; the others search
// through the SQLite fallback directly instead of failing over from a server that has no index for them.
delete process.env.MEILI_HOST;
delete process.env.MEILI_MASTER_KEY;

const globals = globalThis as {
  __silkRoadDb?: { $client: { close(): void } };
  __silkRoadEnv?: unknown;
  __silkRoadSearch?: unknown;
  __silkRoadSearchDownUntil?: number;
};
delete globals.__silkRoadEnv;
delete globals.__silkRoadSearch;
delete globals.__silkRoadSearchDownUntil;
globals.__silkRoadDb = undefined;

afterAll(async () => {
  // Searches are logged in batches a second later; write the last batch while the database is still here.
  (await import("#app/models/search.server.ts")).flushSearchLog();
  globals.__silkRoadDb?.$client.close();
  globals.__silkRoadDb = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});
