import { and, asc, eq, or, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { localizedColumns } from "#db/columns.ts";
import { storeIsOpen } from "#db/rules.ts";
import { countries, stores } from "#db/schema/index.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { pick } from "../localize.ts";
import { parseSearchParams, searchCatalog } from "../search.server.ts";

/**
 * What the organizers' pickers offer (decision 030): products through the discovery engine (the
 * same search shoppers use, not recorded in the insights), open stores by name or slug. Answers the
 * combobox's JSON endpoint and the search forms that work without JavaScript.
 */
export const PICKER_KINDS = ["product", "store"] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];

export interface PickerOption {
  id: number;
  slug: string;
  label: string;
  detail: string;
}

export const PICKER_LIMIT = 8;

export async function pickerOptions(
  actor: Actor,
  kind: PickerKind,
  text: string,
  locale: Locale,
  limit = PICKER_LIMIT,
): Promise<PickerOption[]> {
  assertOrganizer(actor);
  const query = text.trim().slice(0, 100);
  if (query === "") return [];
  if (kind === "product") {
    const { params } = parseSearchParams(new URLSearchParams({ q: query }));
    const result = await searchCatalog(params, locale, { record: false });
    return result.hits
      .slice(0, limit)
      .map((h) => ({ id: h.id, slug: h.slug, label: h.title, detail: `${h.storeName} · #${h.id}` }));
  }
  const pattern = `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const match = (column: SQLiteColumn) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;
  return getDb()
    .select({
      id: stores.id,
      slug: stores.slug,
      ...localizedColumns(stores, "name"),
      ...localizedColumns(countries, "name", "country"),
    })
    .from(stores)
    .innerJoin(countries, eq(countries.code, stores.countryCode))
    .where(and(storeIsOpen, or(match(stores.nameEn), match(stores.nameZh), match(stores.nameFr), match(stores.slug))))
    .orderBy(asc(stores.nameEn))
    .limit(limit)
    .all()
    .map((r) => ({
      id: r.id,
      slug: r.slug,
      label: pick(r, "name", locale),
      detail: `${pick(r, "country", locale)} · ${r.slug}`,
    }));
}
