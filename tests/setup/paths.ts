import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Everything the integration tests write: the cached base database, per-file copies, Meilisearch. */
export const TEST_DATA_DIR = path.join(ROOT, "data/test");
/** One directory per test file (its database copy, uploaded media, session secret), removed after the file. */
export const FILES_DIR = path.join(TEST_DATA_DIR, "files");
export const MEILI_DATA_DIR = path.join(TEST_DATA_DIR, "meilisearch");
