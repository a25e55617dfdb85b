import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DB, TEST_DATA_DIR } from "./paths.ts";

// Each test file gets its own copy of the seeded base database (per worker, per file), so files are
// isolated without re-migrating or re-seeding.
const file = path.join(TEST_DATA_DIR, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}.db`);
fs.copyFileSync(BASE_DB, file);
process.env.DATABASE_PATH = file;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-session-secret-that-is-long-enough-0123456789";

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

afterAll(() => {
  globals.__silkRoadDb?.$client.close();
  globals.__silkRoadDb = undefined;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
});
