import { countries, type TCountryCode } from "countries-list";

/**
 * Shipping zones (issue #15). A destination is an ISO 3166-1 alpha-2 code (what checkout submits as
 * `shipping.country`); its zone comes from the continent that `countries-list` (a maintained ISO
 * data package) gives the country, with two exceptions the continents cannot express: mainland
 * China (CN) and the Hong Kong / Macau / Taiwan zone (HK, MO, TW), which are priced apart.
 */
export const ZONES = ["cn", "hkmotw", "asia", "europe", "africa", "americas", "oceania"] as const;
export type Zone = (typeof ZONES)[number];

const CONTINENT_ZONE: Record<string, Zone | undefined> = {
  AS: "asia",
  EU: "europe",
  AF: "africa",
  NA: "americas",
  SA: "americas",
  OC: "oceania",
  // AN (Antarctica, and the islands the package files under it): no zone, nothing ships there.
};

export function isCountryCode(code: string): code is TCountryCode {
  return /^[A-Z]{2}$/.test(code) && Object.hasOwn(countries, code);
}

/** The zone of a destination country, or null for a code we do not know or cannot ship to. */
export function zoneOf(countryCode: string): Zone | null {
  const code = countryCode.trim().toUpperCase();
  if (!isCountryCode(code)) return null;
  if (code === "CN") return "cn";
  if (code === "HK" || code === "MO" || code === "TW") return "hkmotw";
  return CONTINENT_ZONE[countries[code].continent] ?? null;
}

/**
 * The destination code for what the current checkout form's free-text country field holds: an
 * alpha-2 code as it is, or a country's English or native name (中国, China, France, Nigeria), or
 * a few common Chinese and French names. Null when nothing matches. (The addresses work replaces the
 * free text with a country select submitting the code; then only the first case is used.)
 */
export function destinationCode(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const upper = text.toUpperCase();
  if (isCountryCode(upper)) return upper;
  const folded = fold(text);
  for (const [code, info] of Object.entries(countries)) {
    if (fold(info.name) === folded || fold(info.native) === folded) return code;
  }
  return EXTRA_NAMES[folded] ?? null;
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

const EXTRA_NAMES: Record<string, string> = {
  中国大陆: "CN",
  中國: "CN",
  中华人民共和国: "CN",
  chine: "CN",
  prc: "CN",
  mainlandchina: "CN",
  台湾: "TW",
  澳门: "MO",
  香港: "HK",
  美国: "US",
  usa: "US",
  etatsunis: "US",
  英国: "GB",
  uk: "GB",
  royaumeuni: "GB",
  法国: "FR",
  德国: "DE",
  allemagne: "DE",
  日本: "JP",
  japon: "JP",
  新加坡: "SG",
  澳大利亚: "AU",
  australie: "AU",
  加拿大: "CA",
  尼日利亚: "NG",
  肯尼亚: "KE",
  埃塞俄比亚: "ET",
  南非: "ZA",
  afriquedusud: "ZA",
};
