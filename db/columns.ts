import type { Column } from "drizzle-orm";

/** The column suffixes of the three catalog languages (English, 简体中文, français). */
export const LOCALE_COLUMN_SUFFIXES = ["En", "Zh", "Fr"] as const;
type Suffix = (typeof LOCALE_COLUMN_SUFFIXES)[number];

/** The field names a table holds in all three languages: "name" for nameEn, nameZh and nameFr. */
export type LocalizedField<T> = {
  [K in keyof T]: K extends `${infer F}En`
    ? `${F}Zh` extends keyof T
      ? `${F}Fr` extends keyof T
        ? T[K] extends Column
          ? F
          : never
        : never
      : never
    : never;
}[keyof T];

export type LocalizedColumns<T, F extends string, As extends string> = {
  [S in Suffix as `${As}${S}`]: T[`${F}${S}` & keyof T];
};

/**
 * A field's three language columns for a select, so lists of `nameEn`, `nameZh`, `nameFr` are not
 * spelled out by hand: `localizedColumns(stores, "name")` → `{ nameEn, nameZh, nameFr }`, and
 * `localizedColumns(stores, "name", "storeName")` → `{ storeNameEn, storeNameZh, storeNameFr }`
 * (the keys `pick(row, "storeName", locale)` reads).
 */
export function localizedColumns<T extends object, F extends LocalizedField<T> & string, As extends string = F>(
  table: T,
  field: F,
  as?: As,
): LocalizedColumns<T, F, As> {
  const source = table as Record<string, unknown>;
  return Object.fromEntries(
    LOCALE_COLUMN_SUFFIXES.map((suffix) => [`${as ?? field}${suffix}`, source[`${field}${suffix}`]]),
  ) as LocalizedColumns<T, F, As>;
}
