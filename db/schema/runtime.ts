import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Who runs the background jobs (decision 031). Every worker process tries to take or renew the
 * lease; the one holding an unexpired lease runs the jobs, so each job runs in exactly one place,
 * and a holder that dies is replaced once its lease runs out (seconds).
 */
export const jobLeases = sqliteTable("job_leases", {
  name: text().primaryKey(),
  /** host:pid:random of the process holding it. */
  holder: text().notNull(),
  /** Real time (not the injectable business clock): a lease measures how long a process has been silent. */
  expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
});
