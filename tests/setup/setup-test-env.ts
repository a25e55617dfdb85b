import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { flushSearchLog, resetSearchBreaker } from "#app/models/search.server.ts";
import { closeDb } from "#app/utils/db.server.ts";
import { resetEnv } from "#app/utils/env.server.ts";
import { clearSearchConnection } from "#search/client.ts";
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
// A busy machine must not turn a Meilisearch answer into a fallback one; the test of the 300 ms
// budget itself sets it back.
process.env.SEARCH_TIMEOUT_MS = "10000";
// Only files that ask for an index (tests/support/search.ts) talk to Meilisearch; the others search
// through the SQLite fallback directly instead of failing over from a server that has no index for them.
delete process.env.MEILI_HOST;
delete process.env.MEILI_MASTER_KEY;

// Process-wide state starts fresh for each file, through the functions that own it.
closeDb();
resetEnv();
clearSearchConnection();
resetSearchBreaker();

afterAll(() => {
  // Searches are logged in batches a second later; write the last batch while the database is still here.
  flushSearchLog();
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
