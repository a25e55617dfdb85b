import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { alive } from "./alive.ts";
import { ensureBaseDatabase } from "./base-database.ts";
import { FILES_DIR, TEST_DATA_DIR } from "./paths.ts";
import { startSearchBroker } from "./search-broker.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated and seeded database each integration test file copies. */
    baseDatabase: string;
    /** Where a test file asks for the shared Meilisearch server (started on first request). */
    searchBroker: string;
  }
}

/**
 * Once per run of the integration project: the base database (built only when its inputs changed)
 * and the Meilisearch broker. The unit project has no global setup at all.
 */
export default async function setup(project: TestProject) {
  // Leftovers of runs that were killed before their files could clean up, and of the older layout
  // (worker-*.db and media/ directly under data/test).
  fs.mkdirSync(FILES_DIR, { recursive: true });
  for (const entry of fs.readdirSync(TEST_DATA_DIR)) {
    if (/^worker-.*\.db/.test(entry) || entry === "media" || entry === "base.db")
      fs.rmSync(path.join(TEST_DATA_DIR, entry), { recursive: true, force: true });
  }
  for (const entry of fs.readdirSync(FILES_DIR)) {
    const pid = Number(entry.split("-")[1]);
    if (!Number.isInteger(pid) || !alive(pid)) fs.rmSync(path.join(FILES_DIR, entry), { recursive: true, force: true });
  }

  const base = await ensureBaseDatabase();
  project.provide("baseDatabase", base.file);
  const broker = await startSearchBroker(base.file);
  project.provide("searchBroker", broker.url);
  return () => broker.close();
}
