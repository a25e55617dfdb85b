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
  if (!/^[A-Za-z0-9-]{4,80}$/.test(trackingNumber)) return null;
  const n = encodeURIComponent(trackingNumber);
  const page = CARRIER_PAGES.find(([pattern]) => pattern.test(carrier));
  return page ? page[1](n) : `https://t.17track.net/en#nums=${n}`;
}
