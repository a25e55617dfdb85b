import { and, eq } from "drizzle-orm";
import type { MessageKey } from "#app/i18n/translate.ts";
import { getDb } from "#app/utils/db.server.ts";
import { dollarsToCents, formText } from "#app/utils/form-values.ts";
import { now as clockNow } from "#db/clock.ts";
import { shippingProfiles, type ShippingZoneRate } from "#db/schema/index.ts";
import type { OwnStore } from "../access.server.ts";
import { rateProblem, SHIPPING_METHODS, type ShippingMethod } from "../shipping/quote.ts";
import { ZONES } from "../shipping/zones.ts";

/** A store's shipping as the owner console edits it (amounts as typed, so a refused form keeps them). */
export interface ShippingForm {
  method: ShippingMethod;
  offered: boolean;
  pricing: "item" | "weight";
  freeOver: string;
  rates: Record<string, { first: string; additional: string; minDays: string; maxDays: string }>;
}

const dollars = (cents: number) => (cents / 100).toFixed(2);

/** The owner's own store's profiles (the OwnStore brand is the ownership check: only requireOwner makes one). */
export function getOwnShipping(store: OwnStore): ShippingForm[] {
  const rows = getDb().select().from(shippingProfiles).where(eq(shippingProfiles.storeId, store.id)).all();
  return SHIPPING_METHODS.map((method) => {
    const row = rows.find((r) => r.method === method);
    const rates = (row?.rates ?? {}) as Record<string, ShippingZoneRate>;
    return {
      method,
      offered: Boolean(row),
      pricing: row?.pricing ?? (method === "express" ? "weight" : "item"),
      freeOver: row?.freeOverCents != null ? dollars(row.freeOverCents) : "",
      rates: Object.fromEntries(
        ZONES.map((zone) => {
          const r = rates[zone];
          return [
            zone,
            r
              ? {
                  first: dollars(r.firstCents),
                  additional: dollars(r.additionalCents),
                  minDays: String(r.minDays),
                  maxDays: String(r.maxDays),
                }
              : { first: "", additional: "", minDays: "", maxDays: "" },
          ];
        }),
      ),
    };
  });
}

export type SaveShippingResult =
  | { ok: true }
  | { ok: false; errors: Record<string, MessageKey>; formError: MessageKey | null; values: ShippingForm[] };

/** Reads the console's form: `${method}.offer`, `.pricing`, `.freeOver`, `${method}.${zone}.first|additional|min|max`. */
export function readShippingForm(form: FormData): ShippingForm[] {
  return SHIPPING_METHODS.map((method) => ({
    method,
    offered: formText(form, `${method}.offer`) === "on",
    pricing: formText(form, `${method}.pricing`) === "weight" ? "weight" : "item",
    freeOver: formText(form, `${method}.freeOver`).trim(),
    rates: Object.fromEntries(
      ZONES.map((zone) => [
        zone,
        {
          first: formText(form, `${method}.${zone}.first`).trim(),
          additional: formText(form, `${method}.${zone}.additional`).trim(),
          minDays: formText(form, `${method}.${zone}.min`).trim(),
          maxDays: formText(form, `${method}.${zone}.max`).trim(),
        },
      ]),
    ),
  }));
}

/**
 * Saves the owner's shipping in one transaction: each offered method with the zones it prices (a
 * zone with no first price is not shipped to). Refused, with a message per field, when an amount or a
 * day count is off, or when nothing would ship anywhere.
 */
export function saveOwnShipping(store: OwnStore, values: ShippingForm[]): SaveShippingResult {
  const errors: Record<string, MessageKey> = {};
  const profiles: {
    method: ShippingMethod;
    pricing: "item" | "weight";
    freeOverCents: number | null;
    rates: Record<string, ShippingZoneRate>;
  }[] = [];
  for (const v of values) {
    if (!v.offered) continue;
    let freeOverCents: number | null = null;
    if (v.freeOver !== "") {
      freeOverCents = dollarsToCents(v.freeOver);
      if (freeOverCents === null || freeOverCents > 10_000_000) errors[`${v.method}.freeOver`] = "shipping.errorAmount";
    }
    const rates: Record<string, ShippingZoneRate> = {};
    for (const zone of ZONES) {
      const r = v.rates[zone]!;
      if (r.first === "") continue;
      const firstCents = dollarsToCents(r.first);
      const additionalCents = r.additional === "" ? 0 : dollarsToCents(r.additional);
      const minDays = Number(r.minDays);
      const maxDays = Number(r.maxDays);
      if (firstCents === null || additionalCents === null) {
        errors[`${v.method}.${zone}`] = "shipping.errorAmount";
        continue;
      }
      const rate = { firstCents, additionalCents, minDays, maxDays };
      const problem = r.minDays === "" || r.maxDays === "" ? "shipping.errorDays" : rateProblem(rate);
      if (problem) errors[`${v.method}.${zone}`] = problem;
      else rates[zone] = rate;
    }
    profiles.push({ method: v.method, pricing: v.pricing, freeOverCents, rates });
  }
  const shipsSomewhere = profiles.some((p) => Object.keys(p.rates).length > 0);
  if (Object.keys(errors).length > 0 || !shipsSomewhere)
    return { ok: false, errors, formError: shipsSomewhere ? null : "shipping.console.needOne", values };
  const at = clockNow();
  getDb().transaction((tx) => {
    for (const method of SHIPPING_METHODS) {
      const p = profiles.find((x) => x.method === method && Object.keys(x.rates).length > 0);
      if (!p) {
        tx.delete(shippingProfiles)
          .where(and(eq(shippingProfiles.storeId, store.id), eq(shippingProfiles.method, method)))
          .run();
        continue;
      }
      tx.insert(shippingProfiles)
        .values({ storeId: store.id, ...p, updatedAt: at })
        .onConflictDoUpdate({
          target: [shippingProfiles.storeId, shippingProfiles.method],
          set: { pricing: p.pricing, freeOverCents: p.freeOverCents, rates: p.rates, updatedAt: at },
        })
        .run();
    }
  });
  return { ok: true };
}
