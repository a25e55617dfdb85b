import type { Locale } from "#app/i18n/locales.ts";
import { countryName } from "#app/utils/address-form.server.ts";
import { addressLines } from "#app/utils/address-format.ts";
import type { orders } from "#db/schema/index.ts";

/** The order's address as lines for its destination, the country named in `locale`. */
export function orderAddressLines(order: typeof orders.$inferSelect, locale: Locale): string[] {
  return addressLines({
    country: order.shipCountry,
    countryName: countryName(order.shipCountry, locale),
    address: order.shipAddress,
    address2: order.shipAddress2,
    city: order.shipCity,
    region: order.shipRegion,
    district: order.shipDistrict,
    postcode: order.shipPostcode,
    structured: /^[A-Z]{2}$/.test(order.shipCountry) && (order.shipRegionCodes !== null || order.shipCountry !== "CN"),
  });
}
