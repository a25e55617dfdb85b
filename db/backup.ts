import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * A consistent copy of a live database through SQLite's online backup API: pages are copied in
 * steps while other connections keep reading and writing; a write from another connection during
 * the copy makes SQLite restart it, so the result is always one consistent snapshot. WAL mode lets
 * the app keep writing while the copy reads.
 */
export async function backupDatabase(
  sourcePath: string,
  destination: string,
): Promise<{ path: string; pages: number }> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    // After the first step, copy everything left in one step: on a busy database, small steps would
    // restart again and again as the app keeps writing between them.
    const result = await source.backup(destination, {
      progress: ({ remainingPages }) => Math.max(remainingPages, 100),
    });
    const check = new Database(destination, { readonly: true });
    try {
      const integrity = check.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") throw new Error(`backup failed its integrity check: ${String(integrity)}`);
    } finally {
      check.close();
    }
    return { path: destination, pages: result.totalPages };
  } finally {
    source.close();
  }
}
