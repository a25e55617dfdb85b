import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { getDb } from "#app/utils/db.server.ts";
import { backupDatabase } from "#db/backup.ts";
import { createProduct } from "#tests/support/factories.ts";
import { useTempDirs } from "#tests/support/temp.ts";

const tempDir = useTempDirs("srm-backup-");

const tables = (db: Database.Database) =>
  db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'products_fts%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
const dump = (db: Database.Database) =>
  Object.fromEntries(tables(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));

describe("npm run db:backup", () => {
  test("a restored backup holds every row of every table", async () => {
    const source = process.env.DATABASE_PATH!;
    const out = path.join(tempDir(), "copy.db");
    getDb(); // the app's connection is open (WAL), as while serving
    await backupDatabase(source, out);
    // Restore: the copy alone, opened as the app would open it.
    const restoredPath = path.join(path.dirname(out), "restored.db");
    fs.copyFileSync(out, restoredPath);
    const restored = new Database(restoredPath, { readonly: true });
    const live = new Database(source, { readonly: true });
    expect(dump(restored)).toEqual(dump(live));
    expect((restored.prepare("SELECT count(*) n FROM products").get() as { n: number }).n).toBeGreaterThanOrEqual(1000);
    restored.close();
    live.close();
  });

  test("writes during the backup leave a consistent copy that passes the integrity check", async () => {
    const source = process.env.DATABASE_PATH!;
    const before = (getDb().$client.prepare("SELECT count(*) n FROM products").get() as { n: number }).n;
    const out = path.join(tempDir(), "copy.db");
    let writes = 0;
    const writer = setInterval(() => {
      createProduct(getDb());
      writes++;
    }, 1);
    try {
      await backupDatabase(source, out);
    } finally {
      clearInterval(writer);
    }
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const copied = (copy.prepare("SELECT count(*) n FROM products").get() as { n: number }).n;
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(before + writes);
    // Every product in the copy has its outbox row (both were written in one transaction).
    expect(
      copy
        .prepare(
          "SELECT count(*) n FROM products p WHERE p.id > ? AND NOT EXISTS (SELECT 1 FROM search_outbox o WHERE o.entity_id = p.id)",
        )
        .get(before),
    ).toEqual({ n: 0 });
    copy.close();
  });
});
