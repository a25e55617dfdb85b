import { AXE_BUDGET, expect, seriousViolations, test } from "./fixtures.ts";

/**
 * The organizer's import-tax and exchange-rate page in Chinese (issue #15, decision 033): works
 * without JavaScript (plain form posts), refuses a bad rate beside the field, and a new rate is
 * shown with its time. Screenshots at 390 and 1366 px.
 */
test.use({ signedInAs: "organizer@silkroad.example" });

const shot = (name: string) => `test-results/tax-admin/${name}.png`;

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an organizer sets a rate and edits a class's rates in plain forms; a bad rate is refused beside the field", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/zh/admin");
    await page.getByRole("link", { name: "税率与汇率" }).click();
    await expect(page).toHaveURL(/\/zh\/admin\/tax$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("进口税与汇率");
    await expect(page.getByTestId("fx-current")).toContainText("1美元 =");

    await page.getByLabel("新汇率（每美元兑人民币）").fill("七点一");
    await page.getByRole("button", { name: "设置汇率" }).click();
    await expect(page.locator("#fx-rate-error")).toHaveText(/请输入如 7.1186 的汇率/);
    await expect(page.getByLabel("新汇率（每美元兑人民币）")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("新汇率（每美元兑人民币）").fill("7.1190");
    await page.getByRole("button", { name: "设置汇率" }).click();
    await expect(page.getByText("汇率已更新。")).toBeVisible();
    await expect(page.getByTestId("fx-current")).toContainText("1美元 = 7.1190元");

    const cosmetics = page.getByLabel("高档化妆品: 消费税率 %");
    await cosmetics.fill("15.5");
    await page.getByRole("button", { name: "保存" }).first().click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await expect(page.getByLabel("高档化妆品: 消费税率 %")).toHaveValue("15.5");

    await page.screenshot({ path: shot("tax-zh-1366"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot("tax-zh-390"), fullPage: true });

    // The audit log names what was done.
    await page.goto("/zh/admin/audit?action=fx.rate.set");
    await expect(page.getByRole("cell", { name: "设置汇率" }).first()).toBeVisible();
    await expect(page.getByText("7.1190").first()).toBeVisible();
  });
});

test("the page has no serious accessibility violations", async ({ page }) => {
  test.setTimeout(AXE_BUDGET);
  await page.goto("/zh/admin/tax");
  expect(await seriousViolations(page, "main")).toEqual([]);
});
