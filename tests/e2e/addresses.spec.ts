import type { Page } from "@playwright/test";
import { fillShanghai, TEST_RESIDENT_ID } from "./address-form.ts";
import { expect, hydrated, test } from "./fixtures.ts";

/** Puts one coffee from the catalog into this browser's cart (through the product page). */
async function addCoffee(page: Page, { js = true } = {}) {
  await page.goto("/zh/categories/coffee");
  await page.locator("main article").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/products\//);
  if (js) await hydrated(page);
  await page.getByRole("button", { name: "加入购物车" }).click();
  if (js) await expect(page.getByTestId("cart-count")).not.toHaveText("0");
}

test("a guest in /zh checks out to 上海市 / 上海市 / 浦东新区 with a resident ID and sees it masked on the order page", async ({
  page,
}, testInfo) => {
  test.slow(true, "product, checkout, payment and order pages, with screenshots at two widths");
  await addCoffee(page);
  await page.goto("/zh/checkout");
  await hydrated(page);
  // Chinese pages default to mainland China.
  await expect(page.getByLabel("收货国家/地区")).toHaveValue("CN");
  await page.getByLabel("电子邮箱").fill(`addr-${Date.now()}@example.com`);
  await fillShanghai(page);
  // Only one level travels at a time: the city select was filled from /api/regions, not a bundled table.
  await expect(page.getByLabel("区/县").locator("option")).toHaveCount(17); // 16 districts + "请选择"
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`checkout-zh-${width}.png`), fullPage: true });
  }
  // A wrong check digit is named beside the field; the chosen district and typed address stay.
  await page.getByLabel(/^身份证号码/).fill(`${TEST_RESIDENT_ID.slice(0, 17)}0`);
  await page.getByRole("button", { name: "提交订单并付款" }).click();
  await expect(page.getByText("身份证号码校验不通过")).toBeVisible();
  await expect(page.getByLabel("区/县")).toHaveValue("310115");
  await expect(page.getByLabel("收货人", { exact: true })).toHaveValue("李伟");
  await page.getByLabel(/^身份证号码/).fill(TEST_RESIDENT_ID);
  await page.getByRole("button", { name: "提交订单并付款" }).click();
  await expect(page.getByTestId("demo-label")).toBeVisible();
  await page.getByRole("button", { name: "付款（演示）" }).click();
  await expect(page.getByTestId("success-state")).toHaveText("付款成功，谢谢！");
  const address = page.getByTestId("ship-address");
  await expect(address).toContainText("上海市 浦东新区");
  await expect(address).toContainText("世纪大道 100 号 8 楼 801 室");
  await expect(address).toContainText("138 0013 8000");
  await expect(page.getByTestId("customs-id")).toContainText("3101**********1239");
  await expect(page.locator("body")).not.toContainText(TEST_RESIDENT_ID);
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`order-zh-${width}.png`), fullPage: true });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("province, city and district are chosen with 'update the form', keeping what was typed", async ({
    page,
  }, testInfo) => {
    test.slow(true, "four full page loads without JavaScript on a busy machine");
    await addCoffee(page, { js: false });
    await page.goto("/zh/checkout");
    await page.getByLabel("收货人", { exact: true }).fill("李伟");
    await page.getByLabel("省份").selectOption({ label: "广东省" });
    await page.getByRole("button", { name: "更新表单" }).click();
    await expect(page.getByLabel("城市", { exact: true }).locator("option", { hasText: "深圳市" })).toHaveCount(1);
    await expect(page.getByLabel("收货人", { exact: true })).toHaveValue("李伟");
    await page.getByLabel("城市", { exact: true }).selectOption({ label: "深圳市" });
    await page.getByRole("button", { name: "更新表单" }).click();
    await expect(page.getByLabel("省份")).toHaveValue("440000");
    await page.getByLabel("区/县").selectOption({ label: "南山区" });
    await expect(page.getByLabel("收货人", { exact: true })).toHaveValue("李伟");
    await page.screenshot({ path: testInfo.outputPath("checkout-nojs-zh-390.png"), fullPage: true });
    // Another destination: the international form, still without JavaScript.
    await page.getByLabel("收货国家/地区").selectOption("FR");
    await page.getByRole("button", { name: "更新表单" }).click();
    await expect(page.getByLabel("地址第一行")).toBeVisible();
    await expect(page.getByLabel("省份")).toHaveCount(0);
  });
});
