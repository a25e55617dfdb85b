import path from "node:path";

export const TEST_DATA_DIR = path.resolve(import.meta.dirname, "../../data/test");
/** Migrated and seeded once per run by global-setup; each test file works on its own copy. */
export const BASE_DB = path.join(TEST_DATA_DIR, "base.db");
