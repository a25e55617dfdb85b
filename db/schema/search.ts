import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Changes waiting to reach the search index. A row is written in the same transaction as the change
 * itself, so nothing is lost if the process or Meilisearch goes down; the worker marks it done only
 * after Meilisearch confirms the task, and retries with backoff otherwise.
 */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    entityType: text({ enum: ["product", "store"] }).notNull(),
    entityId: integer().notNull(),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
    attempts: integer().notNull().default(0),
    availableAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
    doneAt: integer({ mode: "timestamp_ms" }),
    lastError: text(),
  },
  (t) => [index("search_outbox_pending_idx").on(t.doneAt, t.availableAt, t.id)],
);

/** What shoppers search for (no user, no IP: only the words, the language and the outcome). */
export const searchQueries = sqliteTable(
  "search_queries",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    query: text().notNull(),
    locale: text().notNull(),
    hits: integer().notNull(),
    engine: text({ enum: ["meilisearch", "sqlite"] }).notNull(),
    at: integer({ mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index("search_queries_at_idx").on(t.at)],
);

/** Small key/value facts about the index (last successful sync, last full reindex). */
export const searchState = sqliteTable("search_state", {
  key: text().primaryKey(),
  value: text().notNull(),
});

/**
 * Synonym groups (every word in a group means the same), edited by organizers. The database is the
 * source of truth: Meilisearch's `synonyms` setting and the SQLite fallback are built from it.
 */
export const searchSynonyms = sqliteTable("search_synonyms", {
  id: integer().primaryKey({ autoIncrement: true }),
  words: text({ mode: "json" }).$type<string[]>().notNull(),
  updatedAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
