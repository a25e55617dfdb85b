import { AXE_BUDGET, expect, hydrated, seriousViolations, test } from "./fixtures.ts";

/**
 * The organizer console in Chinese (issue #18, decision 030): the Africa map and trends, a picker
 * used with the keyboard, keyboard reordering saved in one POST, the no-JavaScript fallback, the
 * translated audit log, and axe on the new and changed pages. Screenshots at 390 and 1366 px.
 */
test.use({ signedInAs: "organizer@silkroad.example" });

const shot = (name: string) => `test-results/organizer-console/${name}.png`;

test("the dashboard draws the Africa map on the server, toggles stores/products by link, and shows trends", async ({
  page,
}) => {
  test.slow(); // the first map request projects the 50 m atlas (once per process)
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/zh/admin");
  const map = page.getByTestId("coverage-map-image");
  await expect(map).toHaveAttribute("alt", /非洲各国营业店铺数/);
  await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId("map-legend")).toContainText("尚未入驻");
  await expect(page.getByTestId("coverage-countries").locator("tbody tr")).toHaveCount(54);
  await expect(page.getByTestId("trend-orders")).toBeVisible();
  await expect(page.getByTestId("trend-zero-rate")).toBeVisible();
  await page.screenshot({ path: shot("dashboard-1366"), fullPage: true });
  await page.getByRole("link", { name: "商品", exact: true }).click();
  await expect(page).toHaveURL(/map=products/);
  await expect(page.getByRole("link", { name: "商品", exact: true })).toHaveAttribute("aria-current", "true");
  await expect(map).toHaveAttribute("src", /metric=products/);
  await page.getByRole("link", { name: /按周/ }).click();
  await expect(page).toHaveURL(/trend=week/);
  await expect(page).toHaveURL(/map=products/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot("dashboard-390"), fullPage: true });
});

test("an organizer picks products with the keyboard and moves the last featured product to the top in one action", async ({
  page,
}) => {
  test.slow(); // several searches and saves on a busy machine
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/zh/admin/featured");
  await hydrated(page);
  const picker = page.getByRole("combobox", { name: "按名称查找商品" });
  for (const word of ["咖啡", "乳木果", "蜂蜜"]) {
    await picker.fill(word);
    await expect(page.getByRole("listbox")).toBeVisible();
    await picker.press("ArrowDown");
    await picker.press("Enter");
    await expect(picker).not.toHaveValue(word);
    await page.getByTestId("featured-combobox").locator("..").getByRole("button", { name: "添加" }).click();
    await expect(page.getByText(/已添加|已加入|精选/).first()).toBeVisible();
  }
  const list = page.getByTestId("featured-list");
  const items = list.locator("li[data-sort-id]");
  await expect.poll(() => items.count()).toBeGreaterThanOrEqual(3);
  const lastId = await items.last().getAttribute("data-sort-id");
  const lastUp = items.last().locator('[data-control="up"]');
  await lastUp.focus();
  await page.keyboard.press("Alt+Home");
  await expect(items.first()).toHaveAttribute("data-sort-id", lastId!);
  await expect(page.getByTestId("featured-list-announce")).toContainText("第1位");
  // Alt+↓ then Alt+↑ from the moved item's focused control: still the keyboard, still first.
  await page.keyboard.press("Alt+ArrowDown");
  await expect(items.nth(1)).toHaveAttribute("data-sort-id", lastId!);
  await page.keyboard.press("Alt+ArrowUp");
  await expect(items.first()).toHaveAttribute("data-sort-id", lastId!);
  await page.getByTestId("featured-list-save").click();
  await expect(page.getByText("顺序已保存。")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("featured-list").locator("li[data-sort-id]").first()).toHaveAttribute(
    "data-sort-id",
    lastId!,
  );
  await page.screenshot({ path: shot("featured-1366"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot("featured-390"), fullPage: true });

  // The audit log names the action in Chinese and links the list.
  await page.goto("/zh/admin/audit?action=featured.reorder");
  const row = page.getByTestId("audit-log").locator('tr[data-audit-action="featured.reorder"]').first();
  await expect(row).toContainText("重新排列精选商品");
  await expect(row.getByRole("link")).toHaveAttribute("href", "/zh/admin/featured");
  await expect(page.getByRole("columnheader", { name: "时间（北京时间）" })).toBeVisible();
  await page.screenshot({ path: shot("audit-390"), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: shot("audit-1366"), fullPage: true });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("'move to position 1' moves the last featured product to the top in one submit", async ({ page }) => {
    await page.goto("/zh/admin/featured");
    const items = page.getByTestId("featured-list").locator("li[data-sort-id]");
    // The seed features several products; fewer than two would make this journey meaningless.
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    const lastId = await items.last().getAttribute("data-sort-id");
    await items.last().getByRole("spinbutton", { name: "位置" }).fill("1");
    await items
      .last()
      .getByRole("button", { name: /移到该位置/ })
      .click();
    await expect(page.getByText("顺序已保存。")).toBeVisible();
    await expect(items.first()).toHaveAttribute("data-sort-id", lastId!);
  });
});

test.describe("new and changed console pages pass axe (in Chinese)", () => {
  test.describe.configure({ timeout: AXE_BUDGET });
  for (const path of [
    "/zh/admin?map=products&trend=week",
    "/zh/admin/featured",
    "/zh/admin/festivals",
    "/zh/admin/stores?status=approved&q=a",
    "/zh/admin/insights",
    "/zh/admin/audit",
  ]) {
    test(path, async ({ page }) => {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    });
  }
});
