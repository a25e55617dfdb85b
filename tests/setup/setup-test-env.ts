import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, vi } from "vitest";
import { resetSearchBreaker } from "#app/models/search.server.ts";
import { closeDb } from "#app/utils/db.server.ts";
import { resetEnv } from "#app/utils/env.server.ts";
import { clearSearchConnection } from "#search/client.ts";
import { BASE_DB, TEST_DATA_DIR } from "./paths.ts";

// Each test file gets its own copy of the seeded base database (per worker, per file), so files are
// isolated without re-migrating or re-seeding.
const file = path.join(TEST_DATA_DIR, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${process.pid}-${Date.now()}.db`);
fs.copyFileSync(BASE_DB, file);
process.env.DATABASE_PATH = file;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-session-secret-that-is-long-enough-0123456789";

// Process-wide state starts fresh for each file, through the functions that own it.
closeDb();
resetEnv();
clearSearchConnection();
resetSearchBreaker();

afterAll(() => {
  closeDb();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
});

// An unexpected console.error fails the test: errors must be handled, not just printed.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
  // Keep the harness warnings out of the output; everything else still prints (and fails the test).
  const original = errorSpy.getMockImplementation();
  errorSpy.mockImplementation((...args: unknown[]) => {
    if (HARNESS_WARNINGS.some((w) => w.test(String(args[0])))) return;
    (original ?? console.warn)(...args);
  });
});
// React warns when a client router (createRemixStub) renders to a string; that is the test harness, not the app.
const HARNESS_WARNINGS = [/useLayoutEffect does nothing on the server/];
afterEach(() => {
  const calls = errorSpy.mock.calls.filter((c) => !HARNESS_WARNINGS.some((w) => w.test(String(c[0]))));
  errorSpy.mockRestore();
  if (calls.length > 0)
    throw new Error(`Unexpected console.error: ${calls.map((c) => c.map(String).join(" ")).join("\n")}`);
});
