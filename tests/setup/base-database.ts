import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "#db/client.ts";
import { migrateDatabase } from "#db/migrate.ts";
import { seedDatabase } from "#db/seed/seed.ts";
import { alive } from "./alive.ts";
import { ROOT, TEST_DATA_DIR } from "./paths.ts";

/**
 * What the base database is made of. It is rebuilt only when one of these files changes (or the
 * day changes, below), so a run whose migrations and seed are unchanged starts from the last file.
 */
const INPUTS = [
  "db/migrations",
  "db/schema",
  "db/seed",
  // Imported by the seed or the migrator, so they shape the rows too.
  "db/client.ts",
  "db/migrate.ts",
  "db/text.ts",
  "search/synonyms.ts",
  // Dependency versions (drizzle, better-sqlite3, argon2) can change what is written.
  "package-lock.json",
  "tests/setup/base-database.ts",
];

function filesUnder(relative: string): string[] {
  const absolute = path.join(ROOT, relative);
  if (!fs.existsSync(absolute)) return [];
  if (fs.statSync(absolute).isFile()) return [relative];
  return fs
    .readdirSync(absolute, { recursive: true, encoding: "utf8" })
    .map((entry) => path.join(relative, entry))
    .filter((file) => fs.statSync(path.join(ROOT, file)).isFile());
}

/**
 * The seed places its festivals (one live, one upcoming, one ended) around the UTC day it runs, so
 * the day is an input like the files: a base database from yesterday would show yesterday's festivals.
 */
export function baseDatabaseKey(day: string): string {
  const hash = crypto.createHash("sha256");
  for (const file of INPUTS.flatMap(filesUnder).sort()) {
    hash.update(`${file.split(path.sep).join("/")}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
    hash.update("\0");
  }
  hash.update(day);
  return hash.digest("hex").slice(0, 16);
}

/**
 * The migrated and seeded database every integration test file copies: reused while its inputs
 * are unchanged, otherwise built into a temporary file and renamed into place (a run that stops
 * half-way leaves nothing that looks finished). Older base files are removed.
 */
export async function ensureBaseDatabase(): Promise<{ file: string; built: boolean }> {
  const anchor = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
  const key = baseDatabaseKey(anchor.toISOString().slice(0, 10));
  const file = path.join(TEST_DATA_DIR, `base-${key}.db`);
  fs.mkdirSync(TEST_DATA_DIR, { recursive: true });
  if (fs.existsSync(file)) return { file, built: false };

  const partial = `${file}.${process.pid}.partial`;
  const db = openDatabase(partial);
  try {
    migrateDatabase(db);
    await seedDatabase(db, { festivalAnchor: anchor });
    // Fold the WAL into the main file so a plain file copy is a complete database.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
  } catch (error) {
    db.$client.close();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
  db.$client.close();
  // Read-only on disk: the base is shared by every file and every later run, so nothing may write to it.
  fs.chmodSync(partial, 0o444);
  fs.renameSync(partial, file);
  for (const entry of fs.readdirSync(TEST_DATA_DIR)) {
    if (!entry.startsWith("base-") || entry === path.basename(file)) continue;
    // Another run may be building its own right now; only its process may remove that.
    const builder = entry.match(/\.(\d+)\.partial(-wal|-shm)?$/);
    if (builder && alive(Number(builder[1]))) continue;
    fs.rmSync(path.join(TEST_DATA_DIR, entry), { force: true });
  }
  return { file, built: true };
}
