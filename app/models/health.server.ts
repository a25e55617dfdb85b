import { sql } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { errorMessage, logger } from "#app/utils/logger.server.ts";

export interface DatabaseHealth {
  ok: boolean;
  journalMode?: string;
  foreignKeys?: boolean;
  stores?: number;
  products?: number;
  error?: string;
}

export function getDatabaseHealth(): DatabaseHealth {
  try {
    const db = getDb();
    const journalMode = String(db.$client.pragma("journal_mode", { simple: true }));
    const foreignKeys = Number(db.$client.pragma("foreign_keys", { simple: true })) === 1;
    const [counts] = db.all<{ stores: number; products: number }>(
      sql`SELECT (SELECT count(*) FROM stores) AS stores, (SELECT count(*) FROM products) AS products`,
    );
    return { ok: true, journalMode, foreignKeys, stores: counts?.stores ?? 0, products: counts?.products ?? 0 };
  } catch (error) {
    // The reason goes to the server log, never to the client.
    logger.error(`healthz: database check failed: ${errorMessage(error)}`);
    return { ok: false, error: "database unavailable" };
  }
}
