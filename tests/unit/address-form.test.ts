import { expect, test } from "vitest";
import { countryOptions, displayPhone, parseAddress, parseCustoms } from "#app/utils/address-form.server.ts";
import { addressLines } from "#app/utils/address-format.ts";
import { checkChinaRegion, chinaCities, chinaDistricts, chinaProvinces } from "#app/utils/china-regions.server.ts";
import { SHANGHAI_FORM, TEST_RESIDENT_ID_X } from "#tests/support/addresses.ts";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const TODAY = new Date("2026-11-30T00:00:00Z");

test("GB/T 2260 levels: 31 mainland provinces; a municipality has one city of its name; 浦东新区 under 上海市", () => {
  expect(chinaProvinces()).toHaveLength(31);
  expect(chinaProvinces().map((p) => p.name)).not.toContain("香港特别行政区");
  expect(chinaCities("310000")).toEqual([{ code: "310100", name: "上海市" }]);
  expect(chinaDistricts("310100")).toContainEqual({ code: "310115", name: "浦东新区" });
  expect(chinaCities("440000").map((c) => c.name)).toContain("深圳市");
  expect(chinaDistricts("500100").map((d) => d.name)).toContain("巫山县"); // Chongqing's counties too
});

test("region codes are checked together: a district of another city, a city of another province are refused", () => {
  expect(checkChinaRegion("310000", "310100", "310115")).toEqual({
    ok: true,
    province: "上海市",
    city: "上海市",
    district: "浦东新区",
  });
  expect(checkChinaRegion("310000", "310100", "110105")).toEqual({ ok: false, field: "districtCode" });
  expect(checkChinaRegion("310000", "440300", "440304")).toEqual({ ok: false, field: "cityCode" });
  expect(checkChinaRegion("990000", "", "")).toEqual({ ok: false, field: "provinceCode" });
  expect(checkChinaRegion("440000", "441900", "")).toMatchObject({ ok: true, city: "东莞市", district: "" }); // no districts
});

test("a mainland China address: names from the codes, the mobile number in E.164", () => {
  const parsed = parseAddress(form(SHANGHAI_FORM));
  expect(parsed).toEqual({
    ok: true,
    value: expect.objectContaining({
      country: "CN",
      region: "上海市",
      city: "上海市",
      district: "浦东新区",
      phone: "+8613800138000",
    }),
  });
});

test("mainland China wants a mobile number; a tampered district is refused beside its field", () => {
  const landline = parseAddress(form({ ...SHANGHAI_FORM, phone: "021 6888 8888" }));
  expect(landline).toEqual({ ok: false, errors: { phone: "address.errorMobileCN" } });
  const foreign = parseAddress(form({ ...SHANGHAI_FORM, districtCode: "110105" }));
  expect(foreign).toEqual({ ok: false, errors: { districtCode: "address.errorRegion" } });
  const missing = parseAddress(form({ ...SHANGHAI_FORM, districtCode: "" }));
  expect(missing).toEqual({ ok: false, errors: { districtCode: "address.errorChoose" } });
});

test("international: postcode and phone checked for the country", () => {
  const paris = {
    country: "FR",
    name: "Amina Diallo",
    phone: "06 12 34 56 78",
    address: "12 rue de la Paix",
    city: "Paris",
    postcode: "75002",
  };
  expect(parseAddress(form(paris))).toMatchObject({ ok: true, value: { phone: "+33612345678", postcode: "75002" } });
  expect(parseAddress(form({ ...paris, postcode: "7500" }))).toEqual({
    ok: false,
    errors: { postcode: "address.errorPostcode" },
  });
  expect(parseAddress(form({ ...paris, phone: "12345" }))).toEqual({
    ok: false,
    errors: { phone: "address.errorPhone" },
  });
  const us = {
    ...paris,
    country: "US",
    phone: "+1 415 555 2671",
    city: "San Francisco",
    region: "CA",
    postcode: "94103",
  };
  expect(parseAddress(form(us))).toMatchObject({ ok: true });
  expect(parseAddress(form({ ...us, postcode: "SW1A 1AA" }))).toMatchObject({ ok: false });
  // A country without postcodes: none asked for.
  expect(parseAddress(form({ ...paris, country: "GH", phone: "+233 24 555 0100", postcode: "" }))).toMatchObject({
    ok: true,
  });
  expect(parseAddress(form({ ...paris, country: "Narnia" }))).toMatchObject({
    ok: false,
    errors: { country: "address.errorCountry" },
  });
});

test("customs: the ID's problem is named, never the ID", () => {
  expect(parseCustoms(form({ customsName: "李伟", customsId: TEST_RESIDENT_ID_X.toLowerCase() }), TODAY)).toEqual({
    ok: true,
    value: { name: "李伟", idNumber: TEST_RESIDENT_ID_X },
  });
  expect(parseCustoms(form({ customsName: "李伟", customsId: "3101151988" }), TODAY)).toEqual({
    ok: false,
    errors: { customsId: "address.errorIdLength" },
  });
  expect(parseCustoms(form({ customsName: "", customsId: "31011519880101105Y" }), TODAY)).toEqual({
    ok: false,
    errors: { customsName: "checkout.errorRequired", customsId: "address.errorIdCheck" },
  });
});

test("formatted: Chinese from the province down; international in the western order", () => {
  const base = { address2: "", district: "", postcode: "", structured: true };
  expect(
    addressLines({
      ...base,
      country: "CN",
      countryName: "中国大陆",
      region: "上海市",
      city: "上海市",
      district: "浦东新区",
      address: "世纪大道 100 号",
    }),
  ).toEqual(["上海市 浦东新区", "世纪大道 100 号", "中国大陆"]);
  expect(
    addressLines({
      ...base,
      country: "CN",
      countryName: "Mainland China",
      region: "广东省",
      city: "深圳市",
      district: "南山区",
      address: "科技园 1 号",
    }),
  ).toEqual(["广东省 深圳市 南山区", "科技园 1 号", "Mainland China"]);
  expect(
    addressLines({
      ...base,
      country: "US",
      countryName: "United States",
      region: "CA",
      city: "San Francisco",
      address: "1 Market St",
      postcode: "94103",
    }),
  ).toEqual(["1 Market St", "San Francisco, CA 94103", "United States"]);
  expect(
    addressLines({
      ...base,
      country: "FR",
      countryName: "France",
      region: "",
      city: "Paris",
      address: "12 rue de la Paix",
      postcode: "75002",
    }),
  ).toEqual(["12 rue de la Paix", "75002 Paris", "France"]);
  // Before structured addresses: as typed.
  expect(
    addressLines({
      ...base,
      structured: false,
      country: "China",
      countryName: "China",
      region: "",
      city: "Shanghai",
      address: "88 Century Ave",
    }),
  ).toEqual(["88 Century Ave", "Shanghai", "China"]);
});

test("countries named in the page's language, mainland China as such", () => {
  expect(countryOptions("zh").find((c) => c.code === "CN")?.name).toBe("中国大陆");
  expect(countryOptions("fr").find((c) => c.code === "DE")?.name).toBe("Allemagne");
  expect(countryOptions("en").find((c) => c.code === "HK")?.name).toMatch(/Hong Kong/);
});

test("a stored phone is shown as people write it: nationally at home, internationally abroad", () => {
  expect(displayPhone("+8613800138000", "CN")).toBe("138 0013 8000");
  expect(displayPhone("+33612345678", "FR")).toBe("06 12 34 56 78");
  expect(displayPhone("+33612345678", "CN")).toBe("+33 6 12 34 56 78");
  expect(displayPhone("+254712345678", "KE")).toBe("0712 345678");
  // Not a number libphonenumber can read: shown as stored rather than lost.
  expect(displayPhone("12ab", "CN")).toBe("12ab");
});
