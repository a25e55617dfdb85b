/**
 * Carriers and tracking numbers. Owners choose the carrier from CARRIERS; what is stored is the
 * carrier's name as written here (the column also holds older free-text names, which still show and
 * still link). The names are brands, so emails and exports can show them as stored.
 */
export const CARRIERS = [
  { name: "China Post / EMS", key: "carrier.chinaPost" },
  { name: "SF Express", key: "carrier.sfExpress" },
  { name: "DHL", key: "carrier.dhl" },
  { name: "FedEx", key: "carrier.fedex" },
  { name: "UPS", key: "carrier.ups" },
  { name: "Aramex", key: "carrier.aramex" },
  { name: "Cainiao", key: "carrier.cainiao" },
  { name: "YunExpress", key: "carrier.yunExpress" },
  { name: "Postal service", key: "carrier.post" },
] as const;

export type CarrierName = (typeof CARRIERS)[number]["name"];
export const CARRIER_NAMES = CARRIERS.map((c) => c.name) as [CarrierName, ...CarrierName[]];

/** The message key of a carrier from the list (its translated name), or null for older free text. */
export function carrierKey(carrier: string): (typeof CARRIERS)[number]["key"] | null {
  return CARRIERS.find((c) => c.name === carrier)?.key ?? null;
}

/**
 * A tracking number: letters, digits and hyphens. The same text is the form's `pattern`, which
 * browsers compile with the `v` flag (where a bare `-` in a class is a syntax error, so it is
 * escaped), and the server's check.
 */
export const TRACKING_NUMBER_PATTERN = "[A-Za-z0-9\\-]{4,80}";
const TRACKING_NUMBER = new RegExp(`^(?:${TRACKING_NUMBER_PATTERN})$`, "v");

export function isTrackingNumber(value: string): boolean {
  return TRACKING_NUMBER.test(value);
}

/**
 * A link where the shopper can follow a parcel: the carrier's own tracking page when we know it,
 * else 17TRACK, which recognises the numbers of most postal services and couriers. Null when the
 * number is not a plain tracking number (nothing of the owner's text goes into a URL unchecked).
 */
const CARRIER_PAGES: [RegExp, (n: string) => string][] = [
  [/\bdhl\b/i, (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`],
  [/fedex/i, (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`],
  [/\bups\b/i, (n) => `https://www.ups.com/track?tracknum=${n}`],
  [/\bsf\b|顺丰/i, (n) => `https://www.sf-express.com/chn/en/waybill/waybill-detail/${n}`],
  [/aramex/i, (n) => `https://www.aramex.com/track/results?ShipmentNumber=${n}`],
];

export function trackingUrl(carrier: string, trackingNumber: string): string | null {
  if (!isTrackingNumber(trackingNumber)) return null;
  const n = encodeURIComponent(trackingNumber);
  const page = CARRIER_PAGES.find(([pattern]) => pattern.test(carrier));
  return page ? page[1](n) : `https://t.17track.net/en#nums=${n}`;
}
