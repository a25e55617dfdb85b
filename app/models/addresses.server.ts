import { and, desc, eq, ne } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { countryName, displayPhone, type AddressValue } from "#app/utils/address-form.server.ts";
import { addressLines } from "#app/utils/address-format.ts";
import { regionName } from "#app/utils/china-regions.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { addresses } from "#db/schema/index.ts";

/**
 * A signed-in shopper's address book (decision 026). Every function takes the shopper's id and
 * touches only their rows: another shopper's address id is "not found" (null/false) and nothing
 * changes. At most one default; the first address saved becomes it.
 */
export const MAX_ADDRESSES = 20;

export interface SavedAddress extends AddressValue {
  id: number;
  isDefault: boolean;
  /** The phone as people write it (`phone` stays E.164, the form's value). */
  phoneDisplay: string;
  /** Formatted for display in the shopper's language. */
  lines: string[];
}

type Row = typeof addresses.$inferSelect;

function toSaved(row: Row, locale: Locale): SavedAddress {
  const value: AddressValue = {
    country: row.country,
    name: row.name,
    phone: row.phone,
    provinceCode: row.provinceCode,
    cityCode: row.cityCode,
    districtCode: row.districtCode,
    address: row.address,
    address2: row.address2,
    city: row.country === "CN" ? (regionName(row.cityCode) ?? "") : row.city,
    region: row.country === "CN" ? (regionName(row.provinceCode) ?? "") : row.region,
    district: row.country === "CN" ? (regionName(row.districtCode) ?? "") : "",
    postcode: row.postcode,
  };
  return {
    ...value,
    id: row.id,
    isDefault: row.isDefault,
    phoneDisplay: displayPhone(value.phone, value.country),
    lines: addressLines({ ...value, countryName: countryName(value.country, locale), structured: true }),
  };
}

export function listAddresses(userId: number, locale: Locale): SavedAddress[] {
  return getDb()
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), desc(addresses.id))
    .all()
    .map((r) => toSaved(r, locale));
}

export function getAddress(userId: number, id: number, locale: Locale): SavedAddress | null {
  const row = getDb()
    .select()
    .from(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
    .get();
  return row ? toSaved(row, locale) : null;
}

function columns(value: AddressValue) {
  return {
    country: value.country,
    name: value.name,
    phone: value.phone,
    provinceCode: value.provinceCode,
    cityCode: value.cityCode,
    districtCode: value.districtCode,
    address: value.address,
    address2: value.address2,
    city: value.country === "CN" ? "" : value.city,
    region: value.country === "CN" ? "" : value.region,
    postcode: value.postcode,
  };
}

export type SaveResult = { ok: true; id: number } | { ok: false; error: "not-found" | "too-many" };

/** Adds (id null) or replaces one of the shopper's addresses. */
export function saveAddress(
  userId: number,
  id: number | null,
  value: AddressValue,
  opts: { makeDefault?: boolean } = {},
): SaveResult {
  const at = clockNow();
  return getDb().transaction(
    (tx) => {
      const mine = tx.select({ id: addresses.id }).from(addresses).where(eq(addresses.userId, userId)).all();
      let savedId: number;
      if (id === null) {
        if (mine.length >= MAX_ADDRESSES) return { ok: false, error: "too-many" } as const;
        const [row] = tx
          .insert(addresses)
          .values({ ...columns(value), userId, isDefault: mine.length === 0, createdAt: at, updatedAt: at })
          .returning({ id: addresses.id })
          .all();
        savedId = row!.id;
      } else {
        if (!mine.some((r) => r.id === id)) return { ok: false, error: "not-found" } as const;
        tx.update(addresses)
          .set({ ...columns(value), updatedAt: at })
          .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
          .run();
        savedId = id;
      }
      if (opts.makeDefault) makeDefault(tx, userId, savedId);
      return { ok: true, id: savedId } as const;
    },
    { behavior: "immediate" },
  );
}

function makeDefault(tx: Tx, userId: number, id: number) {
  tx.update(addresses)
    .set({ isDefault: false })
    .where(and(eq(addresses.userId, userId), ne(addresses.id, id)))
    .run();
  tx.update(addresses)
    .set({ isDefault: true })
    .where(and(eq(addresses.userId, userId), eq(addresses.id, id)))
    .run();
}

/** False when the address is not the shopper's (nothing changes). */
export function setDefaultAddress(userId: number, id: number): boolean {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .get();
      if (!row) return false;
      makeDefault(tx, userId, id);
      return true;
    },
    { behavior: "immediate" },
  );
}

/** False when the address is not the shopper's. Deleting the default makes the newest other one default. */
export function deleteAddress(userId: number, id: number): boolean {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .get();
      if (!row) return false;
      tx.delete(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .run();
      if (row.isDefault) {
        const next = tx
          .select({ id: addresses.id })
          .from(addresses)
          .where(eq(addresses.userId, userId))
          .orderBy(desc(addresses.id))
          .get();
        if (next) makeDefault(tx, userId, next.id);
      }
      return true;
    },
    { behavior: "immediate" },
  );
}
