import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { and, asc, count, eq, gt, inArray, lt, lte, sql } from "drizzle-orm";
import type { MessageKey, Vars } from "#app/i18n/translate.ts";
import { CSV_COLUMNS, CsvError, IMPORT_PAGE_SIZE, type CsvColumn } from "#app/utils/csv.ts";
import { readCsvRecords } from "#app/utils/csv-stream.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { belowReservedVars } from "#app/utils/inventory.ts";
import { productInputSchema, type ProductInput } from "#app/utils/product-form.ts";
import type { ProductStatus } from "#db/rules.ts";
import {
  PRODUCT_STATUSES,
  categories,
  importJobs,
  importRows,
  products,
  type ImportRowKind,
} from "#db/schema/index.ts";
import { slugify, uniqueSlug } from "#db/text.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import type { OwnStore } from "../access.server.ts";
import { ordersHoldingUnits, setOnHand } from "../inventory.server.ts";
import { ownProductCondition, productColumns } from "./listings.server.ts";

/**
 * CSV import as jobs, and export, in one format so export → edit → import round-trips (decision 029).
 *
 * 1. The upload is streamed to a file in data/imports/ (the route), then read as a stream
 *    (`createImportJob`): each record is checked against the product form's schema and the file's
 *    rules, and compared with the store's listing of the same SKU. New and changed rows (with
 *    each changed column, old → new) and refused rows (with every problem and the physical line the
 *    record starts on) are kept in `import_rows`; unchanged rows are counted. The file is deleted.
 * 2. The owner reads the diff, page by page (`getImportJob`).
 * 3. The owner confirms the job by its id (`confirmImportJob`): one transaction claims the job
 *    (ready and not expired → imported, so a second confirm finds nothing to do) and writes every
 *    new and changed row; a database error rolls all of it back and the job stays ready.
 * 4. Jobs not confirmed expire (`expireImportJobs`, a background job): rows and files deleted.
 */

/** How long a checked file waits for its confirmation. */
export const IMPORT_JOB_TTL_MS = 2 * 60 * 60_000;
/** Job records (counts only, their rows are gone) are kept this long for the owner's history. */
const IMPORT_JOB_KEEP_MS = 30 * 24 * 60 * 60_000;
/** Rows written per statement while a file is read, and per step of a confirmed import. */
const BATCH = 500;

/** Uploaded import files wait beside the database while they are read: data/market.db → data/imports/. */
export function importDir(): string {
  return path.join(path.dirname(path.resolve(loadEnv().DATABASE_PATH)), "imports");
}

const isProductStatus = (value: string): value is ProductStatus =>
  (PRODUCT_STATUSES as readonly string[]).includes(value);

const CSV_TO_FIELD: Record<string, CsvColumn> = {
  titleEn: "title_en",
  titleZh: "title_zh",
  titleFr: "title_fr",
  descriptionEn: "description_en",
  descriptionZh: "description_zh",
  descriptionFr: "description_fr",
  categorySlug: "category",
  tags: "tags",
  price: "price_usd",
  stock: "stock",
  sku: "sku",
};

/** The columns a diff compares (the SKU is what rows are matched by). */
export const DIFF_COLUMNS = CSV_COLUMNS.filter((c) => c !== "sku");
type DiffColumn = (typeof DIFF_COLUMNS)[number];

export type ImportValues = ProductInput & { status: ProductStatus };
export interface RowError {
  column: CsvColumn;
  key: MessageKey;
  vars?: Vars;
}
export interface FieldChange {
  column: DiffColumn;
  old: string;
  new: string;
}

/** A listing as the CSV writes it, column by column: what export writes and what the diff compares. */
function csvValues(p: {
  titleEn: string;
  titleZh: string;
  titleFr: string;
  descriptionEn: string;
  descriptionZh: string;
  descriptionFr: string;
  category: string;
  tags: string[];
  priceCents: number;
  onHand: number;
  status: string;
}): Record<DiffColumn, string> {
  return {
    title_en: p.titleEn,
    title_zh: p.titleZh,
    title_fr: p.titleFr,
    description_en: p.descriptionEn,
    description_zh: p.descriptionZh,
    description_fr: p.descriptionFr,
    category: p.category,
    tags: p.tags.join("|"),
    price_usd: (p.priceCents / 100).toFixed(2),
    stock: String(p.onHand),
    status: p.status,
  };
}

const valuesAsCsv = (v: ImportValues) =>
  csvValues({ ...v, category: v.categorySlug, priceCents: v.price, onHand: v.stock });

type Checked =
  | { kind: "unchanged" }
  | { kind: "new"; sku: string; values: ImportValues }
  | { kind: "changed"; sku: string; values: ImportValues; changes: FieldChange[] }
  | { kind: "error"; sku: string; errors: RowError[] };

/** Looks up a listing by SKU in any store (SKUs are unique across the market), with its category's slug. */
function skuLookup() {
  return getDb()
    .select({
      id: products.id,
      storeId: products.storeId,
      titleEn: products.titleEn,
      titleZh: products.titleZh,
      titleFr: products.titleFr,
      descriptionEn: products.descriptionEn,
      descriptionZh: products.descriptionZh,
      descriptionFr: products.descriptionFr,
      category: categories.slug,
      tags: products.tags,
      priceCents: products.priceCents,
      onHand: products.onHand,
      reserved: products.reserved,
      status: products.status,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.sku, sql.placeholder("sku")))
    .prepare();
}

/**
 * The checks of one file, row by row, in order: every problem of a row is reported (the form's
 * schema on every field, the status, the category, a SKU twice in the file or another store's, and
 * a count on hand below what open orders hold, naming the orders — decision 014); a valid row is
 * compared with the store's listing of the same SKU.
 */
function rowChecker(store: OwnStore) {
  const db = getDb();
  const categorySlugs = new Set(
    db
      .select({ slug: categories.slug })
      .from(categories)
      .all()
      .map((c) => c.slug),
  );
  const bySku = skuLookup();
  const seen = new Set<string>();
  return (record: Record<CsvColumn, string>): Checked => {
    const errors: RowError[] = [];
    const add = (error: RowError) => {
      if (!errors.some((e) => e.column === error.column && e.key === error.key)) errors.push(error);
    };
    const values = Object.fromEntries(
      Object.entries(CSV_TO_FIELD).map(([field, column]) => [
        field,
        column === "tags" ? record.tags.replace(/\|/g, ",") : record[column],
      ]),
    );
    const parsed = productInputSchema.safeParse(values);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        add({
          column: CSV_TO_FIELD[String(issue.path[0])]!,
          key: (issue.message.startsWith("form.") ? issue.message : "form.invalid") as MessageKey,
        });
    const status = record.status === "" ? "draft" : record.status;
    if (!isProductStatus(status)) add({ column: "status", key: "form.status" });
    if (!categorySlugs.has(record.category)) add({ column: "category", key: "form.chooseCategory" });
    const sku = record.sku;
    const current = sku ? bySku.get({ sku }) : undefined;
    if (sku && seen.has(sku)) add({ column: "sku", key: "form.skuDuplicate" });
    else if (current && current.storeId !== store.id) add({ column: "sku", key: "form.skuTaken" });
    seen.add(sku);
    const stock = productInputSchema.shape.stock.safeParse(record.stock);
    if (current?.storeId === store.id && stock.success && stock.data < current.reserved)
      add({
        column: "stock",
        key: "inventory.belowReserved",
        vars: belowReservedVars(ordersHoldingUnits(db, current.id)),
      });
    if (errors.length > 0 || !parsed.success || !isProductStatus(status)) return { kind: "error", sku, errors };
    const input: ImportValues = { ...parsed.data, status };
    if (!current) return { kind: "new", sku, values: input };
    const before = csvValues(current);
    const after = valuesAsCsv(input);
    const changes = DIFF_COLUMNS.filter((c) => before[c] !== after[c]).map((c) => ({
      column: c,
      old: before[c],
      new: after[c],
    }));
    return changes.length === 0 ? { kind: "unchanged" } : { kind: "changed", sku, values: input, changes };
  };
}

export type ImportFileError = CsvError;

/**
 * Reads an uploaded file (already on disk, or any byte stream) into a new job of the store, as a
 * stream: memory holds one record and one batch of rows at a time, whatever the file's size. A
 * file-level problem (not UTF-8, malformed, no required columns, too many rows, empty) leaves no
 * job. The file is deleted once read, whatever happened.
 */
export async function createImportJob(
  store: OwnStore,
  userId: number,
  upload: { filePath: string; fileName: string; bytes: number } | { stream: Readable; fileName: string; bytes: number },
): Promise<{ ok: true; jobId: string } | { ok: false; error: CsvError }> {
  const db = getDb();
  const id = crypto.randomBytes(12).toString("base64url");
  const now = new Date();
  const filePath = "filePath" in upload ? upload.filePath : null;
  db.insert(importJobs)
    .values({
      id,
      storeId: store.id,
      userId,
      status: "parsing",
      fileName: upload.fileName.slice(0, 200),
      filePath,
      bytes: upload.bytes,
      createdAt: now,
      expiresAt: new Date(now.getTime() + IMPORT_JOB_TTL_MS),
    })
    .run();
  const counts = { rowCount: 0, newCount: 0, changedCount: 0, unchangedCount: 0, errorCount: 0 };
  let batch: (typeof importRows.$inferInsert)[] = [];
  const flush = () => {
    if (batch.length > 0) db.insert(importRows).values(batch).run();
    batch = [];
  };
  try {
    const check = rowChecker(store);
    const input = "stream" in upload ? upload.stream : fs.createReadStream(upload.filePath);
    for await (const { line, record } of readCsvRecords(input)) {
      counts.rowCount++;
      const row = check(record);
      if (row.kind === "unchanged") {
        counts.unchangedCount++;
        continue;
      }
      counts[`${row.kind}Count`]++;
      batch.push({
        jobId: id,
        line,
        sku: row.sku.slice(0, 100),
        kind: row.kind,
        values: "values" in row ? JSON.stringify(row.values) : null,
        changes: "changes" in row ? JSON.stringify(row.changes) : null,
        errors: "errors" in row ? JSON.stringify(row.errors) : null,
      });
      if (batch.length >= BATCH) flush();
    }
    flush();
    db.update(importJobs)
      .set({ ...counts, status: "ready", filePath: null })
      .where(eq(importJobs.id, id))
      .run();
    return { ok: true, jobId: id };
  } catch (error) {
    db.delete(importJobs).where(eq(importJobs.id, id)).run();
    if (error instanceof CsvError) return { ok: false, error };
    throw error;
  } finally {
    if (filePath) await fs.promises.rm(filePath, { force: true });
  }
}

const ownJob = (store: OwnStore, jobId: string) => and(eq(importJobs.id, jobId), eq(importJobs.storeId, store.id))!;

export type ImportJobView = NonNullable<ReturnType<typeof getImportJob>>;
export type ImportShow = "errors" | "changed" | "new" | "skipped";
const KIND_OF: Record<ImportShow, ImportRowKind> = {
  errors: "error",
  changed: "changed",
  new: "new",
  skipped: "skipped",
};

/**
 * One of the store's jobs with one page of one part of its diff, or null when the id is not one of
 * the store's jobs (another owner's job is "not found"). A ready job past its expiry reads as expired.
 */
export function getImportJob(store: OwnStore, jobId: string, { show, page }: { show: ImportShow; page: number }) {
  const db = getDb();
  const job = db.select().from(importJobs).where(ownJob(store, jobId)).get();
  if (!job) return null;
  const status = job.status === "ready" && job.expiresAt.getTime() <= Date.now() ? "expired" : job.status;
  const total = db
    .select({ n: count() })
    .from(importRows)
    .where(and(eq(importRows.jobId, job.id), eq(importRows.kind, KIND_OF[show])))
    .get()!.n;
  const pages = Math.max(1, Math.ceil(total / IMPORT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = db
    .select()
    .from(importRows)
    .where(and(eq(importRows.jobId, job.id), eq(importRows.kind, KIND_OF[show])))
    .orderBy(asc(importRows.line))
    .limit(IMPORT_PAGE_SIZE)
    .offset((current - 1) * IMPORT_PAGE_SIZE)
    .all()
    .map((r) => ({
      line: r.line,
      sku: r.sku,
      values: r.values ? (JSON.parse(r.values) as ImportValues) : null,
      changes: r.changes ? (JSON.parse(r.changes) as FieldChange[]) : [],
      errors: r.errors ? (JSON.parse(r.errors) as RowError[]) : [],
    }));
  const { filePath: _path, userId: _user, storeId: _store, ...shown } = job;
  return { job: { ...shown, status }, show, page: current, pages, total, rows };
}

export type ConfirmResult =
  | { ok: true; created: number; updated: number; unchanged: number; skipped: number }
  | { ok: false; error: "notFound" | "imported" | "expired" | "notReady" };

/**
 * Applies one of the store's ready jobs, in one transaction. The claim (ready and not expired →
 * imported) is the transaction's first write, so two confirms of one job — a double click, two
 * tabs, two processes — import once; the second is told the job was imported. Each row is checked
 * again against the listings as they are now: a SKU another store took since is skipped, and a
 * count on hand below the units now reserved is skipped by the inventory model's conditional write
 * (decision 014), so an import never oversells. Skipped rows are kept with their reasons; every
 * listing written gets its search-sync row in the same transaction. A database error rolls back
 * everything, the claim included: nothing changed, and the job can be confirmed again.
 */
export function confirmImportJob(store: OwnStore, jobId: string): ConfirmResult {
  const db = getDb();
  const categoryIds = new Map(
    db
      .select({ slug: categories.slug, id: categories.id })
      .from(categories)
      .all()
      .map((c) => [c.slug, c.id]),
  );
  const bySku = skuLookup();
  return db.transaction((tx): ConfirmResult => {
    const job = tx.select().from(importJobs).where(ownJob(store, jobId)).get();
    if (!job) return { ok: false, error: "notFound" };
    const now = new Date();
    const claimed = tx
      .update(importJobs)
      .set({ status: "imported", importedAt: now })
      .where(and(ownJob(store, jobId), eq(importJobs.status, "ready"), gt(importJobs.expiresAt, now)))
      .run();
    if (claimed.changes !== 1)
      return {
        ok: false,
        error: job.status === "imported" ? "imported" : job.status === "parsing" ? "notReady" : "expired",
      };
    const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
    const slugTaken = tx
      .select({ id: products.id })
      .from(products)
      .where(eq(products.slug, sql.placeholder("slug")))
      .prepare();
    const skip = (rowId: number, errors: RowError[]) => {
      counts.skipped++;
      tx.update(importRows)
        .set({ kind: "skipped", errors: JSON.stringify(errors) })
        .where(eq(importRows.id, rowId))
        .run();
    };
    for (const kind of ["new", "changed"] as const) {
      let after = 0;
      for (;;) {
        const rows = tx
          .select({ id: importRows.id, line: importRows.line, values: importRows.values })
          .from(importRows)
          .where(and(eq(importRows.jobId, job.id), eq(importRows.kind, kind), gt(importRows.line, after)))
          .orderBy(asc(importRows.line))
          .limit(BATCH)
          .all();
        if (rows.length === 0) break;
        after = rows.at(-1)!.line;
        const touched: number[] = [];
        for (const row of rows) {
          const input = JSON.parse(row.values!) as ImportValues;
          const categoryId = categoryIds.get(input.categorySlug);
          if (categoryId === undefined) {
            skip(row.id, [{ column: "category", key: "form.chooseCategory" }]);
            continue;
          }
          const fields = { ...productColumns(input, categoryId), status: input.status };
          const current = bySku.get({ sku: input.sku });
          if (current && current.storeId !== store.id) {
            skip(row.id, [{ column: "sku", key: "form.skuTaken" }]);
            continue;
          }
          if (current) {
            const before = csvValues(current);
            const wanted = valuesAsCsv(input);
            if (DIFF_COLUMNS.every((c) => before[c] === wanted[c])) {
              counts.unchanged++;
              continue;
            }
            const { onHand, ...rest } = fields;
            const written = setOnHand(tx, ownProductCondition(store, current.id), onHand, { ...rest, updatedAt: now });
            if (!written.ok) {
              skip(row.id, [
                written.error === "belowReserved"
                  ? { column: "stock", key: "inventory.belowReserved", vars: belowReservedVars(written) }
                  : { column: "sku", key: "form.skuTaken" },
              ]);
              continue;
            }
            touched.push(current.id);
            counts.updated++;
          } else {
            const slug = uniqueSlug(
              slugify(input.titleEn) || "product",
              (s) => slugTaken.get({ slug: s }) !== undefined,
            );
            const [created] = tx
              .insert(products)
              .values({
                ...fields,
                sku: input.sku,
                storeId: store.id,
                slug,
                images: [],
                createdAt: now,
                updatedAt: now,
              })
              .returning({ id: products.id })
              .all();
            touched.push(created!.id);
            counts.created++;
          }
        }
        enqueueSearchSync(tx, "product", touched);
      }
    }
    tx.update(importJobs)
      .set({
        createdCount: counts.created,
        updatedCount: counts.updated,
        skippedCount: counts.skipped,
        unchangedCount: job.unchangedCount + counts.unchanged,
      })
      .where(eq(importJobs.id, job.id))
      .run();
    return { ok: true, ...counts };
  });
}

/**
 * The background job's sweep: jobs not confirmed in time expire (their rows and any file left by
 * an interrupted read are deleted), rows of jobs imported over the same delay ago are deleted, job
 * records over 30 days old go, and files in the import folder no job refers to (a crash between the
 * upload and its job) are removed once older than a job lives. Returns the number of jobs expired.
 */
export async function expireImportJobs(now = new Date()): Promise<number> {
  const db = getDb();
  const due = db
    .select({ id: importJobs.id, filePath: importJobs.filePath })
    .from(importJobs)
    .where(and(inArray(importJobs.status, ["parsing", "ready"]), lte(importJobs.expiresAt, now)))
    .all();
  for (const job of due) if (job.filePath) await fs.promises.rm(job.filePath, { force: true });
  db.transaction((tx) => {
    for (let i = 0; i < due.length; i += BATCH) {
      const ids = due.slice(i, i + BATCH).map((j) => j.id);
      tx.update(importJobs).set({ status: "expired", filePath: null }).where(inArray(importJobs.id, ids)).run();
    }
    tx.delete(importRows)
      .where(
        inArray(
          importRows.jobId,
          tx
            .select({ id: importJobs.id })
            .from(importJobs)
            .where(and(inArray(importJobs.status, ["expired", "imported"]), lte(importJobs.expiresAt, now))),
        ),
      )
      .run();
    tx.delete(importJobs)
      .where(lt(importJobs.createdAt, new Date(now.getTime() - IMPORT_JOB_KEEP_MS)))
      .run();
  });
  const dir = importDir();
  if (fs.existsSync(dir)) {
    const inUse = new Set(
      db
        .select({ filePath: importJobs.filePath })
        .from(importJobs)
        .all()
        .map((j) => j.filePath),
    );
    for (const name of await fs.promises.readdir(dir)) {
      const file = path.join(dir, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat?.isFile() && !inUse.has(file) && now.getTime() - stat.mtimeMs > IMPORT_JOB_TTL_MS)
        await fs.promises.rm(file, { force: true });
    }
  }
  return due.length;
}

/** The store's listings in the import format, so export → edit → import round-trips. */
export function exportListings(store: OwnStore): string[][] {
  const rows = getDb()
    .select({ product: products, category: categories.slug })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.storeId, store.id))
    .orderBy(asc(products.id))
    .all();
  return [
    [...CSV_COLUMNS],
    ...rows.map(({ product: p, category }) => {
      const v = csvValues({ ...p, category });
      return [p.sku, ...DIFF_COLUMNS.map((c) => v[c])];
    }),
  ];
}
