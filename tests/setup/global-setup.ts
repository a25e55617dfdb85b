import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startMeilisearch, type MeiliServer } from "#search/server.ts";
import { alive } from "./alive.ts";
import { ensureBaseDatabase } from "./base-database.ts";
import { FILES_DIR, MEILI_DATA_DIR, TEST_DATA_DIR } from "./paths.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated and seeded database each integration test file copies. */
    baseDatabase: string;
  }
}

/**
 * Once per run of the integration project: the base database (built only when its inputs changed),
 * and a real Meilisearch server — MEILI_HOST when set, otherwise the bundled binary on a free port.
 * Test files share the server through the environment and keep apart by index prefix.
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

  let server: MeiliServer | undefined;
  if (!process.env.MEILI_HOST) {
    // Indexes left by earlier runs are of no use.
    fs.rmSync(path.join(MEILI_DATA_DIR, "db"), { recursive: true, force: true });
    server = await startMeilisearch({ dataDir: MEILI_DATA_DIR });
    process.env.MEILI_HOST = server.host;
    process.env.MEILI_MASTER_KEY = server.masterKey;
  }
  return async () => {
    await server?.stop();
  };
}
