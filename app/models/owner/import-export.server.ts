import { asc, eq } from "drizzle-orm";
import type { MessageKey, Vars } from "#app/i18n/translate.ts";
import { getDb } from "#app/utils/db.server.ts";
import { CSV_COLUMNS, type CsvColumn } from "#app/utils/csv.ts";
import { belowReservedVars } from "#app/utils/inventory.ts";
import { productInputSchema, type ProductInput } from "#app/utils/product-form.ts";
import type { ProductStatus } from "#db/rules.ts";
import { PRODUCT_STATUSES, categories, products } from "#db/schema/index.ts";
import { slugify, uniqueSlug } from "#db/text.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import type { OwnStore } from "../access.server.ts";
import { ordersHoldingUnits, setOnHand } from "../inventory.server.ts";
import { ownProductCondition, productColumns } from "./listings.server.ts";

/** CSV import and export of the owner's listings, in one format so export → edit → import round-trips. */
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

export interface ImportRow {
  line: number;
  sku: string;
  errors: { column: CsvColumn; key: MessageKey; vars?: Vars }[];
  input?: ProductInput & { status: ProductStatus };
}

/**
 * Checks every row against the same schema as the product form, plus file-level rules (unique
 * SKUs, own SKUs only) and the units reserved: `stock` is the count on hand, and a count below what
 * open orders hold is refused for that row, naming the orders (decision 014).
 */
export function validateImport(store: OwnStore, records: Record<CsvColumn, string>[]): ImportRow[] {
  const db = getDb();
  const categorySlugs = new Set(
    db
      .select({ slug: categories.slug })
      .from(categories)
      .all()
      .map((c) => c.slug),
  );
  const skuOwners = new Map(
    db
      .select({ sku: products.sku, storeId: products.storeId, id: products.id, reserved: products.reserved })
      .from(products)
      .all()
      .map((p) => [p.sku, p]),
  );
  const seen = new Set<string>();
  return records.map((record, i) => {
    const line = i + 2; // header is line 1
    const errors: ImportRow["errors"] = [];
    const values = Object.fromEntries(
      Object.entries(CSV_TO_FIELD).map(([field, column]) => [
        field,
        column === "tags" ? record.tags.replace(/\|/g, ",") : record[column],
      ]),
    );
    const parsed = productInputSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = CSV_TO_FIELD[String(issue.path[0])]!;
        if (!errors.some((e) => e.column === column))
          errors.push({
            column,
            key: (issue.message.startsWith("form.") ? issue.message : "form.invalid") as MessageKey,
          });
      }
    }
    const status = record.status === "" ? "draft" : record.status;
    const knownStatus = isProductStatus(status);
    if (!knownStatus) errors.push({ column: "status", key: "form.status" });
    if (parsed.success && !categorySlugs.has(parsed.data.categorySlug))
      errors.push({ column: "category", key: "form.chooseCategory" });
    const sku = record.sku.trim();
    if (sku && seen.has(sku)) errors.push({ column: "sku", key: "form.skuDuplicate" });
    else if (sku && skuOwners.has(sku) && skuOwners.get(sku)!.storeId !== store.id)
      errors.push({ column: "sku", key: "form.skuTaken" });
    const own = skuOwners.get(sku);
    if (parsed.success && own?.storeId === store.id && parsed.data.stock < own.reserved)
      errors.push({
        column: "stock",
        key: "inventory.belowReserved",
        vars: belowReservedVars(ordersHoldingUnits(db, own.id)),
      });
    seen.add(sku);
    return errors.length === 0 && parsed.success && knownStatus
      ? { line, sku, errors, input: { ...parsed.data, status } }
      : { line, sku, errors };
  });
}

/**
 * Imports the valid rows in one transaction, upserting by SKU within the store. A row equal
 * to what is stored changes nothing (not even updatedAt), so importing the same file twice is a no-op.
 * Skipped rows come back with their problems (a count on hand that orders placed since the preview
 * no longer allow among them).
 */
export function importListings(
  store: OwnStore,
  records: Record<CsvColumn, string>[],
): { created: number; updated: number; unchanged: number; skipped: number; problems: ImportRow[] } {
  const rows = validateImport(store, records);
  const problems = rows.filter((r) => !r.input);
  const db = getDb();
  const categoryIds = new Map(
    db
      .select({ slug: categories.slug, id: categories.id })
      .from(categories)
      .all()
      .map((c) => [c.slug, c.id]),
  );
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: rows.filter((r) => !r.input).length };
  db.transaction((tx) => {
    const touched: number[] = [];
    const existing = new Map(
      tx
        .select()
        .from(products)
        .where(eq(products.storeId, store.id))
        .all()
        .map((p) => [p.sku, p]),
    );
    const slugs = new Set(
      tx
        .select({ slug: products.slug })
        .from(products)
        .all()
        .map((p) => p.slug),
    );
    const now = new Date();
    for (const row of rows) {
      if (!row.input) continue;
      const input = row.input;
      const fields = { ...productColumns(input, categoryIds.get(input.categorySlug)!), status: input.status };
      const current = existing.get(input.sku);
      if (current) {
        const same = (Object.keys(fields) as (keyof typeof fields)[]).every(
          (k) => JSON.stringify(current[k]) === JSON.stringify(fields[k]),
        );
        if (same) {
          counts.unchanged++;
          continue;
        }
        const { onHand, ...rest } = fields;
        const written = setOnHand(tx, ownProductCondition(store, current.id), onHand, { ...rest, updatedAt: now });
        if (!written.ok) {
          counts.skipped++;
          if (written.error === "belowReserved")
            problems.push({
              line: row.line,
              sku: row.sku,
              errors: [{ column: "stock", key: "inventory.belowReserved", vars: belowReservedVars(written) }],
            });
          continue;
        }
        touched.push(current.id);
        counts.updated++;
      } else {
        const slug = uniqueSlug(slugify(input.titleEn) || "product", (s) => slugs.has(s));
        slugs.add(slug);
        const [created] = tx
          .insert(products)
          .values({ ...fields, sku: input.sku, storeId: store.id, slug, images: [], createdAt: now, updatedAt: now })
          .returning({ id: products.id })
          .all();
        touched.push(created!.id);
        counts.created++;
      }
    }
    enqueueSearchSync(tx, "product", touched);
  });
  return { ...counts, problems: problems.map(({ line, sku, errors }) => ({ line, sku, errors })) };
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
    ...rows.map(({ product: p, category }) => [
      p.sku,
      p.titleEn,
      p.titleZh,
      p.titleFr,
      p.descriptionEn,
      p.descriptionZh,
      p.descriptionFr,
      category,
      p.tags.join("|"),
      (p.priceCents / 100).toFixed(2),
      String(p.onHand),
      p.status,
    ]),
  ];
}
