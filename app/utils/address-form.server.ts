import { getCountries, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator";
import type { Locale } from "#app/i18n/locales.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { checkChinaRegion, chinaCities, chinaDistricts, chinaProvinces, type Region } from "./china-regions.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { normalizeResidentId, residentIdProblem } from "./resident-id.ts";

/**
 * The address forms (decision 026), validated here on the server only: mainland China
 * (province → city → district from GB/T 2260, detailed address, CN mobile) and international
 * (country-aware postcode and phone). One module for checkout and the address book.
 */

/** A validated address as orders and the address book keep it. */
export interface AddressValue {
  /** ISO 3166-1 alpha-2 destination; CN = mainland China. */
  country: string;
  name: string;
  /** E.164, e.g. +8613800138000. */
  phone: string;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  /** CN: the detailed address (street, building, room); international: first line. */
  address: string;
  address2: string;
  /** CN: the city's name; international: as typed. */
  city: string;
  /** CN: the province's name; international: state/province/county, may be empty. */
  region: string;
  /** CN: the district's name. */
  district: string;
  postcode: string;
}

export type AddressField =
  | "country"
  | "name"
  | "phone"
  | "provinceCode"
  | "cityCode"
  | "districtCode"
  | "address"
  | "address2"
  | "city"
  | "region"
  | "postcode"
  | "customsName"
  | "customsId"
  | "email";

export type FieldErrors = Partial<Record<AddressField, MessageKey>>;

/** Destinations offered: every country libphonenumber knows (its phone rules are checked). */
const COUNTRIES = new Set<string>(getCountries());
export const isCountryCode = (code: string) => COUNTRIES.has(code);

/** The country select: code and name in the page's language, sorted as that language sorts. */
export function countryOptions(locale: Locale): Region[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const collator = new Intl.Collator(locale === "zh" ? "zh-u-co-pinyin" : locale);
  return [...COUNTRIES]
    .map((code) => ({ code, name: code === "CN" ? countryNameForCN(locale) : (names.of(code) ?? code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The destination CN is mainland China (Hong Kong, Macau and Taiwan have their own codes). */
function countryNameForCN(locale: Locale) {
  return { zh: "中国大陆", en: "Mainland China", fr: "Chine continentale" }[locale];
}

export function countryName(code: string, locale: Locale): string {
  if (code === "CN") return countryNameForCN(locale);
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** What the form shows in its selects for the chosen province and city (server-rendered). */
export function regionOptions(provinceCode: string, cityCode: string) {
  const cities = chinaCities(provinceCode);
  return {
    provinces: chinaProvinces(),
    cities,
    districts: cities.some((c) => c.code === cityCode) ? chinaDistricts(cityCode) : [],
  };
}

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value.trim() : "";
};

export type ParsedAddress = { ok: true; value: AddressValue } | { ok: false; errors: FieldErrors };

/** Reads and checks the address fields of a submitted form. */
export function parseAddress(form: FormData): ParsedAddress {
  const errors: FieldErrors = {};
  const country = text(form, "country").toUpperCase();
  if (!isCountryCode(country)) errors.country = "address.errorCountry";
  const name = text(form, "name");
  if (!name) errors.name = "checkout.errorRequired";
  else if (name.length > 100) errors.name = "checkout.errorTooLong";

  const phoneInput = text(form, "phone");
  let phone = "";
  if (!phoneInput) errors.phone = "checkout.errorRequired";
  else if (isCountryCode(country)) {
    const parsed = parsePhoneNumberFromString(phoneInput, country as CountryCode);
    const isMobile = (t: string | undefined) => t === "MOBILE" || t === "FIXED_LINE_OR_MOBILE";
    if (!parsed || !parsed.isValid()) errors.phone = country === "CN" ? "address.errorMobileCN" : "address.errorPhone";
    else if (country === "CN" && (parsed.country !== "CN" || !isMobile(parsed.getType())))
      errors.phone = "address.errorMobileCN";
    else phone = parsed.number;
  }

  const address = text(form, "address");
  if (!address) errors.address = "checkout.errorRequired";
  else if (address.length > 200) errors.address = "checkout.errorTooLong";

  const value: AddressValue = {
    country,
    name,
    phone,
    provinceCode: "",
    cityCode: "",
    districtCode: "",
    address,
    address2: "",
    city: "",
    region: "",
    district: "",
    postcode: "",
  };

  if (country === "CN") {
    const provinceCode = text(form, "provinceCode");
    const cityCode = text(form, "cityCode");
    const districtCode = text(form, "districtCode");
    const region = checkChinaRegion(provinceCode, cityCode, districtCode);
    if (!region.ok) errors[region.field] = !text(form, region.field) ? "address.errorChoose" : "address.errorRegion";
    else
      Object.assign(value, {
        provinceCode,
        cityCode,
        districtCode,
        region: region.province,
        city: region.city,
        district: region.district,
      });
    const postcode = text(form, "postcode");
    if (postcode && !/^\d{6}$/.test(postcode)) errors.postcode = "address.errorPostcode";
    value.postcode = postcode;
  } else if (isCountryCode(country)) {
    value.address2 = text(form, "address2");
    value.city = text(form, "city");
    value.region = text(form, "region");
    value.postcode = text(form, "postcode").toUpperCase();
    if (value.address2.length > 200) errors.address2 = "checkout.errorTooLong";
    if (!value.city) errors.city = "checkout.errorRequired";
    else if (value.city.length > 100) errors.city = "checkout.errorTooLong";
    if (value.region.length > 100) errors.region = "checkout.errorTooLong";
    if (postcodeValidatorExistsForCountry(country)) {
      if (!value.postcode) errors.postcode = "checkout.errorRequired";
      else if (!postcodeValidator(value.postcode, country)) errors.postcode = "address.errorPostcode";
    } else if (value.postcode.length > 20) errors.postcode = "checkout.errorTooLong";
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

export interface CustomsValue {
  name: string;
  /** Normalized (upper-case X, no spaces); never logged nor echoed back to the page. */
  idNumber: string;
}

/** The payer's real name and resident ID number, required for mainland China. */
export function parseCustoms(
  form: FormData,
  today: Date = clockNow(),
): { ok: true; value: CustomsValue } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = text(form, "customsName");
  if (!name) errors.customsName = "checkout.errorRequired";
  else if (name.length > 50) errors.customsName = "checkout.errorTooLong";
  const idNumber = normalizeResidentId(text(form, "customsId"));
  const problem = idNumber ? residentIdProblem(idNumber, today) : "length";
  if (!idNumber) errors.customsId = "checkout.errorRequired";
  else if (problem === "length") errors.customsId = "address.errorIdLength";
  else if (problem === "birthDate") errors.customsId = "address.errorIdBirth";
  else if (problem) errors.customsId = "address.errorIdCheck";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: { name, idNumber } };
}

/** The form's values to show again after a refusal or an "update": never the ID number. */
export function echoValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [
    "email",
    "country",
    "name",
    "phone",
    "provinceCode",
    "cityCode",
    "districtCode",
    "address",
    "address2",
    "city",
    "region",
    "postcode",
    "customsName",
    "saveAddress",
    "addressId",
  ]) {
    const value = form.get(key);
    if (typeof value === "string") out[key] = value.slice(0, 300);
  }
  return out;
}

/** Everything the address fields render from (app/components/address-fields.tsx). */
export function addressFormState(values: Record<string, string>, errors: FieldErrors, locale: Locale) {
  return {
    values,
    errors: errors as Record<string, string>,
    countries: countryOptions(locale),
    regions: regionOptions(values.provinceCode ?? "", values.cityCode ?? ""),
  };
}

/** A saved or validated address as form values. */
export function addressValues(a: AddressValue): Record<string, string> {
  return {
    country: a.country,
    name: a.name,
    phone: a.phone,
    provinceCode: a.provinceCode,
    cityCode: a.cityCode,
    districtCode: a.districtCode,
    address: a.address,
    address2: a.address2,
    city: a.country === "CN" ? "" : a.city,
    region: a.country === "CN" ? "" : a.region,
    postcode: a.postcode,
  };
}

/**
 * A stored phone number (E.164) as people write it: nationally when it belongs to the destination
 * country ("131 2345 6789" for a mainland mobile shipped to China), else internationally
 * ("+33 6 12 34 56 78"). A number libphonenumber cannot read is shown as stored.
 */
export function displayPhone(stored: string, destination: string): string {
  const parsed = parsePhoneNumberFromString(stored);
  if (!parsed) return stored;
  return parsed.country === destination ? parsed.formatNational() : parsed.formatInternational();
}
