import { and, asc, count, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Meilisearch } from "meilisearch";
import type { DB } from "#db/client.ts";
import { products, searchOutbox } from "#db/schema/index.ts";
import { createClient, getSearchConnection, indexNames, type SearchConnection } from "./client.ts";
import { bumpIndexGeneration } from "./generation.ts";
import { applySynonymsIfChanged, loadProductDocuments, loadStoreDocuments, setSearchState } from "./indexer.ts";

type Tx = Pick<DB, "insert">;
type EntityType = "product" | "store";

/**
 * Records that these products or stores changed. Call it inside the same transaction as the change,
 * so the change and the promise to index it commit (or roll back) together.
 */
export function enqueueSearchSync(tx: Tx, entityType: EntityType, ids: number[]) {
  if (ids.length === 0) return;
  tx.insert(searchOutbox)
    .values(ids.map((entityId) => ({ entityType, entityId })))
    .run();
}

export function outboxBacklog(db: DB): number {
  return db.select({ n: count() }).from(searchOutbox).where(isNull(searchOutbox.doneAt)).get()?.n ?? 0;
}

const TASK_WAIT = { timeout: 60_000, interval: 50 };

export interface DrainResult {
  processed: number;
  failed: number;
  error?: string;
}

/**
 * Sends one batch of pending changes to Meilisearch: visible products and stores are upserted, the
 * rest (archived, draft, suspended, deleted) are removed. Rows are marked done only after the tasks
 * succeed; on failure every row of the batch is kept and retried later with backoff.
 */
export async function drainOutbox(
  db: DB,
  client: Meilisearch,
  connection: SearchConnection,
  options: { batchSize?: number; now?: Date } = {},
): Promise<DrainResult> {
  const now = options.now ?? new Date();
  const rows = db
    .select()
    .from(searchOutbox)
    .where(and(isNull(searchOutbox.doneAt), lte(searchOutbox.availableAt, now)))
    .orderBy(asc(searchOutbox.id))
    .limit(options.batchSize ?? 500)
    .all();
  if (rows.length === 0) return { processed: 0, failed: 0 };

  const storeIds = [...new Set(rows.filter((r) => r.entityType === "store").map((r) => r.entityId))];
  const productIds = new Set(rows.filter((r) => r.entityType === "product").map((r) => r.entityId));
  // A store change (name, status) changes every one of its products' documents.
  if (storeIds.length > 0) {
    for (const p of db.select({ id: products.id }).from(products).where(inArray(products.storeId, storeIds)).all())
      productIds.add(p.id);
  }
  const ids = [...productIds];
  const rowIds = rows.map((r) => r.id);
  try {
    const names = indexNames(connection);
    const docs = ids.length > 0 ? loadProductDocuments(db, ids) : [];
    const visible = new Set(docs.map((d) => d.id));
    const gone = ids.filter((id) => !visible.has(id));
    const storeDocs = storeIds.length > 0 ? loadStoreDocuments(db, storeIds) : [];
    const storesGone = storeIds.filter((id) => !storeDocs.some((s) => s.id === id));
    const tasks = [];
    if (docs.length > 0)
      tasks.push(
        await client
          .index(names.products)
          .addDocuments(docs as unknown as Record<string, unknown>[])
          .waitTask(TASK_WAIT),
      );
    if (gone.length > 0) tasks.push(await client.index(names.products).deleteDocuments(gone).waitTask(TASK_WAIT));
    if (storeDocs.length > 0)
      tasks.push(
        await client
          .index(names.stores)
          .addDocuments(storeDocs as unknown as Record<string, unknown>[])
          .waitTask(TASK_WAIT),
      );
    if (storesGone.length > 0)
      tasks.push(await client.index(names.stores).deleteDocuments(storesGone).waitTask(TASK_WAIT));
    const failedTask = tasks.find((t) => t.status !== "succeeded");
    if (failedTask)
      throw new Error(`task ${failedTask.uid} ${failedTask.status}: ${failedTask.error?.message ?? "no detail"}`);
    db.update(searchOutbox).set({ doneAt: new Date() }).where(inArray(searchOutbox.id, rowIds)).run();
    setSearchState(db, "lastSyncAt", new Date());
    bumpIndexGeneration(db);
    return { processed: rows.length, failed: 0 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    db.update(searchOutbox)
      .set({
        attempts: sql`${searchOutbox.attempts} + 1`,
        // 1 s, 2 s, 4 s … capped at 30 s (SET sees the old attempts), so a long outage is still
        // retried often enough to catch up soon after Meilisearch returns.
        availableAt: sql`${now.getTime()} + min(30000, 1000 * (1 << min(${searchOutbox.attempts}, 15)))`,
        lastError: message.slice(0, 500),
      })
      .where(inArray(searchOutbox.id, rowIds))
      .run();
    return { processed: 0, failed: rows.length, error: message };
  }
}

/** Drains until nothing is due (used by tests and the reindex script). */
export async function drainAll(
  db: DB,
  client: Meilisearch,
  connection: SearchConnection,
  now?: Date,
): Promise<DrainResult> {
  const total: DrainResult = { processed: 0, failed: 0 };
  for (;;) {
    const result = await drainOutbox(db, client, connection, { now });
    total.processed += result.processed;
    total.failed += result.failed;
    if (result.error) total.error = result.error;
    if (result.processed === 0) return total;
  }
}

/**
 * One pass of the search sync: drain what is due, then apply synonym edits once documents sync
 * again (a failed drain means the server is away). Returns the error to report, if any; a no-op
 * when no search server is configured. The background jobs run it every half second.
 */
export async function syncSearchOnce(db: DB): Promise<string | undefined> {
  const connection = getSearchConnection();
  if (!connection) return undefined;
  const client = createClient(connection, 10_000);
  const result = await drainOutbox(db, client, connection);
  if (result.error) return result.error;
  try {
    await applySynonymsIfChanged(db, client, connection);
  } catch (e) {
    return `synonyms: ${e instanceof Error ? e.message : String(e)}`;
  }
  return undefined;
}
