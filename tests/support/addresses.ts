import type { ShippingDetails } from "#app/models/checkout.server.ts";

/**
 * Addresses for tests (decision 026). The resident ID numbers are made up: valid check digits and
 * birth dates, belonging to nobody.
 */
export const TEST_RESIDENT_ID = "310115199003071239";
/** Check character X. */
export const TEST_RESIDENT_ID_X = "31011519880101105X";

/** The checkout form for 上海市 / 上海市 / 浦东新区, with customs details. */
export const SHANGHAI_FORM = {
  country: "CN",
  provinceCode: "310000",
  cityCode: "310100",
  districtCode: "310115",
  address: "世纪大道 100 号 8 楼 801 室",
  name: "李伟",
  phone: "13800138000",
  customsName: "李伟",
  customsId: TEST_RESIDENT_ID,
};

/** The checkout form for 北京市 / 北京市 / 朝阳区, with customs details. */
export const BEIJING_FORM = {
  country: "CN",
  provinceCode: "110000",
  cityCode: "110100",
  districtCode: "110105",
  address: "建国路 88 号 SOHO 现代城 1 号楼 1201",
  name: "王芳",
  phone: "13911112222",
  customsName: "王芳",
  customsId: "110105198511200020",
};

/** A validated address as the checkout action would hand it to placeOrder (international by default). */
export function shippingDetails(
  given: Pick<ShippingDetails, "email" | "name" | "address" | "city" | "country"> & Partial<ShippingDetails>,
): ShippingDetails {
  return {
    phone: "",
    provinceCode: "",
    cityCode: "",
    districtCode: "",
    address2: "",
    region: "",
    district: "",
    postcode: "",
    customs: null,
    ...given,
  };
}
