/**
 * An address as lines on a page, a packing slip or an email (decision 026): a mainland China
 * address from the largest division down (province city district, then the detailed address); an
 * international one in the western order (street, city/region/postcode, country). Orders from before
 * structured addresses show what was typed.
 */
export interface AddressParts {
  country: string;
  countryName: string;
  address: string;
  address2: string;
  city: string;
  region: string;
  district: string;
  postcode: string;
  /** False for orders placed before structured addresses: shown as typed. */
  structured: boolean;
}

/** Where the postcode follows the city and region ("Springfield, IL 62701"). */
const POSTCODE_LAST = new Set([
  "US",
  "CA",
  "AU",
  "GB",
  "IE",
  "NZ",
  "JP",
  "KR",
  "SG",
  "IN",
  "ZA",
  "NG",
  "KE",
  "GH",
  "EG",
]);

export function addressLines(a: AddressParts): string[] {
  const lines = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  if (!a.structured) return lines([a.address, [a.city, a.postcode].filter(Boolean).join(" "), a.country]);
  if (a.country === "CN") {
    // A municipality's city has the province's name (上海市 上海市): said once.
    const divisions = [a.region, a.city === a.region ? "" : a.city, a.district].filter(Boolean).join(" ");
    return lines([divisions, a.address, a.postcode, a.countryName]);
  }
  const place = POSTCODE_LAST.has(a.country)
    ? [[a.city, a.region].filter(Boolean).join(", "), a.postcode].filter(Boolean).join(" ")
    : [[a.postcode, a.city].filter(Boolean).join(" "), a.region].filter(Boolean).join(", ");
  return lines([a.address, a.address2, place, a.countryName]);
}
