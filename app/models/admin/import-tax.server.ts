import { and, asc, desc, eq } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now } from "#db/clock.ts";
import { localizedColumns } from "#db/columns.ts";
import { categories, categoryTaxClasses, exchangeRates, taxClasses, users } from "#db/schema/index.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { pick } from "../localize.ts";
import { currentRate } from "../shipping/delivery.server.ts";
import { formatRate, parseRate } from "../shipping/fx.ts";

/**
 * The organizer's editors for the China import tax (tax classes, which class each product category
 * uses) and the USD → CNY rate (decision 033). Orders keep what they were charged: order_taxes holds
 * the tax and the rate used, so editing a class or setting a rate changes only orders placed after.
 */

/** The largest VAT or consumption-tax rate accepted, in percent (today's highest is 56 % on cigarettes). */
const MAX_PERCENT = 60;

/** "13" → 1300, "9.5" → 950, "0,25" → 25 basis points; null unless 0–60 with at most two decimals. */
export function parsePercent(text: string): number | null {
  const m = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bp <= MAX_PERCENT * 100 ? bp : null;
}

/** 1300 → "13", 950 → "9.5", 25 → "0.25". */
export function formatPercent(bp: number): string {
  return String(bp / 100);
}

export interface TaxClassRow {
  id: number;
  code: string;
  name: string;
  vat: string;
  consumption: string;
  updatedAt: string;
}

export interface CategoryClassRow {
  id: number;
  name: string;
  /** The class the category's goods are taxed in (the general class when it has no row of its own). */
  taxClassId: number;
}

export interface RateRow {
  id: number;
  rate: string;
  asOf: string;
  setBy: string | null;
}

export interface TaxSettings {
  classes: TaxClassRow[];
  categories: CategoryClassRow[];
  rate: { rate: string; asOf: string };
  /** The newest rates first (orders placed while each was in force keep it). */
  history: RateRow[];
}

const GENERAL_CODE = "general";

export function getTaxSettings(actor: Actor, locale: Locale): TaxSettings {
  assertOrganizer(actor);
  const db = getDb();
  const classRows = db.select().from(taxClasses).orderBy(asc(taxClasses.id)).all();
  const general = classRows.find((c) => c.code === GENERAL_CODE) ?? classRows[0];
  const mapping = new Map(
    db
      .select()
      .from(categoryTaxClasses)
      .all()
      .map((r) => [r.categoryId, r.taxClassId]),
  );
  const cats = db
    .select({ id: categories.id, ...localizedColumns(categories, "name") })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
  const rate = currentRate(db);
  const history = db
    .select({
      id: exchangeRates.id,
      rateMicros: exchangeRates.rateMicros,
      asOf: exchangeRates.asOf,
      email: users.email,
    })
    .from(exchangeRates)
    .leftJoin(users, eq(users.id, exchangeRates.setBy))
    .where(and(eq(exchangeRates.base, "USD"), eq(exchangeRates.quote, "CNY")))
    .orderBy(desc(exchangeRates.id))
    .limit(10)
    .all();
  return {
    classes: classRows.map((c) => ({
      id: c.id,
      code: c.code,
      name: pick(c, "name", locale),
      vat: formatPercent(c.vatBp),
      consumption: formatPercent(c.consumptionBp),
      updatedAt: c.updatedAt.toISOString(),
    })),
    categories: cats.map((c) => ({
      id: c.id,
      name: pick(c, "name", locale),
      taxClassId: mapping.get(c.id) ?? general?.id ?? 0,
    })),
    rate: { rate: formatRate(rate.rateMicros), asOf: rate.asOf },
    history: history.map((h) => ({
      id: h.id,
      rate: formatRate(h.rateMicros),
      asOf: h.asOf.toISOString(),
      setBy: h.email,
    })),
  };
}

export type EditResult =
  | { ok: true; changed: number }
  | {
      ok: false;
      error: MessageKey;
      /** Field name → what was refused there (the form shows each beside its field). */
      fields: Record<string, MessageKey>;
      values: Record<string, string>;
    };

/**
 * Saves every class's VAT and consumption-tax rates from the form (`vat.<id>`, `consumption.<id>`).
 * All or nothing: one refused field and nothing is written. One audit row per class that changed.
 */
export function saveTaxClasses(actor: Actor, form: Record<string, string>): EditResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const rows = tx.select().from(taxClasses).orderBy(asc(taxClasses.id)).all();
    const fields: Record<string, MessageKey> = {};
    const wanted = rows.map((row) => {
      const vat = parsePercent(form[`vat.${row.id}`] ?? "");
      const consumption = parsePercent(form[`consumption.${row.id}`] ?? "");
      if (vat === null) fields[`vat.${row.id}`] = "admin.tax.errorRate";
      if (consumption === null) fields[`consumption.${row.id}`] = "admin.tax.errorRate";
      return { row, vat, consumption };
    });
    if (Object.keys(fields).length > 0)
      return { ok: false, error: "admin.tax.errorRate", fields, values: valuesOf(form) } as const;
    let changed = 0;
    for (const { row, vat, consumption } of wanted) {
      if (vat === row.vatBp && consumption === row.consumptionBp) continue;
      tx.update(taxClasses)
        .set({ vatBp: vat!, consumptionBp: consumption!, updatedAt: now() })
        .where(eq(taxClasses.id, row.id))
        .run();
      recordAudit(
        tx,
        actor,
        "tax.class.update",
        { type: "taxClass", id: row.id },
        { code: row.code, vatPercent: formatPercent(row.vatBp), consumptionPercent: formatPercent(row.consumptionBp) },
        { code: row.code, vatPercent: formatPercent(vat!), consumptionPercent: formatPercent(consumption!) },
      );
      changed += 1;
    }
    return { ok: true, changed } as const;
  });
}

/**
 * Saves which class each category uses (`category.<id>` = class id). A category put in the general
 * class keeps an explicit row, so the table says what the page showed. One audit row per change.
 */
export function saveCategoryClasses(actor: Actor, form: Record<string, string>): EditResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const classes = tx.select().from(taxClasses).all();
    const byId = new Map(classes.map((c) => [c.id, c]));
    const general = classes.find((c) => c.code === GENERAL_CODE) ?? classes[0];
    const mapping = new Map(
      tx
        .select()
        .from(categoryTaxClasses)
        .all()
        .map((r) => [r.categoryId, r.taxClassId]),
    );
    const cats = tx.select({ id: categories.id, slug: categories.slug }).from(categories).all();
    const fields: Record<string, MessageKey> = {};
    const wanted: { id: number; slug: string; from: number; to: number }[] = [];
    for (const cat of cats) {
      const raw = form[`category.${cat.id}`];
      if (raw === undefined) continue;
      const to = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
      if (!byId.has(to)) {
        fields[`category.${cat.id}`] = "admin.tax.errorClass";
        continue;
      }
      const from = mapping.get(cat.id) ?? general?.id ?? 0;
      if (from !== to || !mapping.has(cat.id)) wanted.push({ id: cat.id, slug: cat.slug, from, to });
    }
    if (Object.keys(fields).length > 0)
      return { ok: false, error: "admin.tax.errorClass", fields, values: valuesOf(form) } as const;
    let changed = 0;
    for (const w of wanted) {
      tx.insert(categoryTaxClasses)
        .values({ categoryId: w.id, taxClassId: w.to })
        .onConflictDoUpdate({ target: categoryTaxClasses.categoryId, set: { taxClassId: w.to } })
        .run();
      if (w.from === w.to) continue; // made explicit, same class: nothing an organizer would call a change
      recordAudit(
        tx,
        actor,
        "tax.category.update",
        { type: "category", id: w.id },
        { category: w.slug, taxClass: byId.get(w.from)?.code ?? null },
        { category: w.slug, taxClass: byId.get(w.to)!.code },
      );
      changed += 1;
    }
    return { ok: true, changed } as const;
  });
}

/**
 * Sets a new USD → CNY rate: a new row, never an overwrite, so the rate in force before stays on
 * record (and orders keep the one they recorded). The rate's time is when it is set.
 */
export function setExchangeRate(actor: Actor, text: string): EditResult {
  assertOrganizer(actor);
  const micros = parseRate(text);
  if (micros === null)
    return { ok: false, error: "admin.fx.errorRate", fields: { rate: "admin.fx.errorRate" }, values: { rate: text } };
  return getDb().transaction((tx) => {
    const before = currentRate(tx);
    const asOf = now();
    const row = tx
      .insert(exchangeRates)
      .values({ base: "USD", quote: "CNY", rateMicros: micros, asOf, setBy: actor.id })
      .returning({ id: exchangeRates.id })
      .get();
    recordAudit(
      tx,
      actor,
      "fx.rate.set",
      { type: "exchangeRate", id: row.id },
      { pair: "USD/CNY", rate: formatRate(before.rateMicros), asOf: before.asOf },
      { pair: "USD/CNY", rate: formatRate(micros), asOf: asOf.toISOString() },
    );
    return { ok: true, changed: 1 } as const;
  });
}

/** What the form held, to fill it again after a refusal (strings only, bounded). */
function valuesOf(form: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form)
      .filter(([k]) => /^(vat|consumption|category)\.\d{1,9}$/.test(k))
      .slice(0, 500)
      .map(([k, v]) => [k, v.slice(0, 20)]),
  );
}
