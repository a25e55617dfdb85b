import { test, expect, FESTIVAL, hydrated, seriousViolations } from "./fixtures.ts";
import { fillShanghai } from "./address-form.ts";

/**
 * 秒杀 (decision 035): the seeded live festival runs flash-sale slots at 10:00, 14:00 and 20:00
 * Beijing time, each until the next one starts, so one is on whenever this runs. The festival page
 * shows the slot, its products and a countdown (the plain Beijing time without JavaScript); a
 * product bought in the slot is charged the slot price on the order.
 */
const SCREENSHOTS = "test-results/flash-sale";

test("the festival page shows the slot on now with its countdown; without JavaScript the plain time", async ({
  page,
  browser,
}) => {
  await page.goto(`/zh${FESTIVAL}`);
  const block = page.getByTestId("flash-sale");
  await expect(block.getByRole("heading", { level: 2 })).toContainText("秒杀");
  await expect(block).toContainText("正在疯抢");
  await expect(block.getByTestId("flash-item").first()).toBeVisible();
  await expect(block.getByTestId("flash-slot-chip").first()).toContainText(/\d\d:\d\d/);
  await hydrated(page);
  await expect(block.getByTestId("flash-countdown").getByRole("timer")).toHaveText(/^(\d+天 )?\d\d:\d\d:\d\d$/);
  expect(await seriousViolations(page, '[data-testid="flash-sale"]')).toEqual([]);
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await block.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/festival-zh-${width}.png` });
  }

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto(`/zh${FESTIVAL}`);
  const countdown = plain.getByTestId("flash-sale").getByTestId("flash-countdown");
  await expect(countdown).toContainText("北京时间");
  await expect(countdown.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await noJs.close();
});

test("a product bought in the slot gets the slot price on the order", async ({ page }) => {
  test.slow(
    true,
    "a journey over five pages: festival, product, checkout, payment, order (about 30 s under stress -c 2)",
  );
  await page.goto(`/zh${FESTIVAL}`);
  // The first product of the slot on now that still has units at the slot price.
  const item = page.getByTestId("flash-sale").getByTestId("flash-item").filter({ hasNotText: "已抢光" }).first();
  const slotPrice = (await item.getByTestId("flash-price").getByTestId("price").textContent())!.trim();
  await item.getByRole("link").click();
  await expect(page).toHaveURL(/\/zh\/products\//);
  const badge = page.getByTestId("flash-badge");
  await expect(badge).toContainText("秒杀价进行中");
  await expect(badge.getByTestId("price")).toHaveText(slotPrice);
  await hydrated(page);
  await expect(badge.getByTestId("flash-badge-countdown").getByRole("timer")).toBeVisible();
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/product-zh-${width}.png` });
  }
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  await page.goto("/zh/checkout");
  await hydrated(page);
  await expect(page.getByTestId("flash-line")).toContainText("1件按秒杀价");
  // A new shopper each run: the slot's limit per shopper counts earlier orders by email.
  await page.getByLabel("电子邮箱").fill(`flash-${Date.now()}@example.com`);
  await fillShanghai(page, { name: "陈静" });
  await page.getByRole("button", { name: "提交订单并付款" }).click();
  await expect(page.getByTestId("demo-label")).toBeVisible();
  await page.getByRole("button", { name: "付款（演示）" }).click();
  await expect(page.getByTestId("success-state")).toHaveText("付款成功，谢谢！");
  await expect(page.getByTestId("order-lines").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("order-lines").locator("tbody tr").first()).toContainText(slotPrice);
  await expect(page.getByTestId("order-lines").locator("tbody tr").first()).toContainText("秒杀");
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/order-zh-390.png`, fullPage: true });
});
