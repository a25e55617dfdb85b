import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { LRUCache } from "lru-cache";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { pinyinSearchText } from "../search/pinyin.ts";
import * as schema from "./schema/index.ts";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle a `db.transaction((tx) => …)` callback receives. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/**
 * Opens (creating if needed) the SQLite file with the pragmas every connection must have:
 * WAL so readers never block the writer, foreign keys enforced, and a busy timeout so a
 * concurrent writer waits instead of failing with SQLITE_BUSY.
 */
export function openDatabase(filePath: string): DB {
  if (filePath !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // The FTS5 fallback index's triggers fill its `pinyin` column with this (migration 0014), so
  // every connection that writes products or stores must have it.
  sqlite.function("pinyin_text", { deterministic: true }, (text: unknown) =>
    pinyinSearchText(typeof text === "string" ? text : ""),
  );
  reuseStatements(sqlite);
  const db = drizzle({ client: sqlite, schema, casing: "snake_case" }) as DB;
  // Transactions take the write lock when they begin (BEGIN IMMEDIATE), not at their first write.
  // With several processes on the file (decision 031), a deferred transaction that has read and
  // then writes fails at once with SQLITE_BUSY when another process wrote in between — the busy
  // timeout cannot help it — while an immediate one waits its turn. A caller may still ask for
  // "deferred" (a read-only snapshot).
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as DB["transaction"];
  return db;
}

/**
 * Drizzle asks better-sqlite3 to prepare a query's SQL on every call, and SQLite compiles it every
 * time: 3 % of a product page's CPU (decision 037). Statements are reusable, so the connection keeps
 * the most recent ones by their SQL text. A statement comes back in its default mode (rows as
 * objects): one caller's `.raw()` or `.pluck()` must not leak into the next caller's results.
 */
function reuseStatements(sqlite: Database.Database, max = 500) {
  const statements = new LRUCache<string, Database.Statement>({ max });
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = prepare(source);
      statements.set(source, statement);
    } else if (statement.reader) {
      statement.pluck(false);
      statement.raw(false);
    }
    return statement;
  }) as Database.Database["prepare"];
}
