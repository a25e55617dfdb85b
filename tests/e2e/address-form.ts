import type { Page } from "@playwright/test";

/** A made-up resident ID number with a valid check digit (belongs to nobody). */
export const TEST_RESIDENT_ID = "310115199003071239";

/**
 * Fills the /zh checkout's mainland China address: 上海市 / 上海市 / 浦东新区 (the page must be
 * hydrated: each select fills the next in place), detailed address, mobile and customs details.
 */
export async function fillShanghai(page: Page, { name = "李伟", withCustoms = true } = {}) {
  await page.getByLabel("收货国家/地区").selectOption("CN");
  await page.getByLabel("省份").selectOption({ label: "上海市" });
  await page.getByLabel("城市", { exact: true }).selectOption({ label: "上海市" });
  await page.getByLabel("区/县").selectOption({ label: "浦东新区" });
  await page.getByLabel(/^详细地址/).fill("世纪大道 100 号 8 楼 801 室");
  await page.getByLabel("收货人", { exact: true }).fill(name);
  await page.getByLabel("手机号码").fill("13800138000");
  if (withCustoms) {
    await page.getByLabel(/^支付人真实姓名/).fill(name);
    await page.getByLabel(/^身份证号码/).fill(TEST_RESIDENT_ID);
  }
}

/** Fills the English checkout's international address (Paris, France). */
export async function fillParis(page: Page, { name = "Amina Diallo" } = {}) {
  await page.getByLabel("Destination").selectOption("FR");
  await page.getByLabel("Recipient").fill(name);
  await page.getByLabel("Phone number").fill("06 12 34 56 78");
  await page.getByLabel("Address line 1").fill("12 rue de la Paix");
  await page.getByLabel("City", { exact: true }).fill("Paris");
  await page.getByLabel("Postcode", { exact: true }).fill("75002");
}
