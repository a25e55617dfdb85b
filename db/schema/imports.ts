import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { stores } from "./catalog.ts";
import { users } from "./users.ts";

/**
 * CSV import jobs (decision 029). The upload is streamed to disk once, parsed as a stream into
 * `import_rows` (only the rows that would change something, and the refused ones), and shown as a
 * diff; the owner then confirms the job by its id and it is applied in one transaction. A job that
 * is not confirmed expires: the `import-expiry` job deletes its rows and any file left behind.
 */
export const IMPORT_JOB_STATUSES = ["parsing", "ready", "imported", "expired"] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export const importJobs = sqliteTable(
  "import_jobs",
  {
    /** Random, URL-safe; the owner's store is checked on every use (another owner's id is a 404). */
    id: text().primaryKey(),
    storeId: integer()
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text({ enum: IMPORT_JOB_STATUSES }).notNull().default("parsing"),
    fileName: text().notNull(),
    /** The upload on disk while it is parsed; null once parsed (the rows hold what is needed). */
    filePath: text(),
    bytes: integer().notNull().default(0),
    /** Data rows in the file, and what the preview found among them. */
    rowCount: integer().notNull().default(0),
    newCount: integer().notNull().default(0),
    changedCount: integer().notNull().default(0),
    unchangedCount: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    /** What the confirmed import did (null until then). */
    createdCount: integer(),
    updatedCount: integer(),
    skippedCount: integer(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull(),
    expiresAt: integer({ mode: "timestamp_ms" }).notNull(),
    importedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    index("import_jobs_store_idx").on(t.storeId, t.createdAt),
    index("import_jobs_expiry_idx").on(t.status, t.expiresAt),
  ],
);

export const IMPORT_ROW_KINDS = ["new", "changed", "error", "skipped"] as const;
export type ImportRowKind = (typeof IMPORT_ROW_KINDS)[number];

/**
 * One row of a job's diff, at the physical line where its record starts. `values` (JSON) is the
 * checked listing for new and changed rows; `changes` (JSON) the changed columns, old → new;
 * `errors` (JSON) every problem of a refused row (kind "error"), or why the confirmed import
 * skipped it after all (kind "skipped"). Unchanged rows are only counted.
 */
export const importRows = sqliteTable(
  "import_rows",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    jobId: text()
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    line: integer().notNull(),
    sku: text().notNull(),
    kind: text({ enum: IMPORT_ROW_KINDS }).notNull(),
    values: text(),
    changes: text(),
    errors: text(),
  },
  (t) => [index("import_rows_job_idx").on(t.jobId, t.kind, t.line)],
);
