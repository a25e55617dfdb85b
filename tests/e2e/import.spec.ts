import type { Page } from "@playwright/test";
import { expect, seriousViolations, signIn, test } from "./fixtures.ts";

const STORE = "blantyre-baobab";

/** A phone and a laptop; nothing may be wider than the phone's screen. Full-page shots under test-results/. */
async function screenshots(page: Page, name: string) {
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `test-results/import-${name}-${width}.png`, fullPage: true });
  }
}

test("in Chinese, an owner uploads a CSV, reads what it changes, confirms it by id and sees the listings changed", async ({
  page,
}) => {
  test.slow(); // a production build's first pages, and axe on three pages, on a busy two-core machine
  await signIn(page, `owner+${STORE}@silkroad.example`);
  await page.goto("/zh/sell/import");
  await expect(page.getByRole("heading", { name: "通过CSV导入商品" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The owner's export is the starting point: the first listing gets a new price and French title.
  const exported = await (await page.request.get("/sell/export.csv")).text();
  const [header, first] = exported.replace(/^\uFEFF/, "").split("\r\n");
  const columns = header!.split(",");
  expect(columns[0]).toBe("sku");
  const sku = first!.split(",")[0]!;
  const run = Date.now().toString(36).toUpperCase();
  const csv = [
    "sku,title_en,title_zh,title_fr,description_en,category,price_usd,stock,status",
    // A known SKU: only the columns in the file are compared; the others become empty if they were not.
    `${sku},Changed in the import,导入时修改,Modifié à l'import,,superfoods,19.99,7,active`,
    `NEW-${run},"Baobab seed oil","猴面包树籽油","Huile de graines de baobab","Cold-pressed.\nFor skin and hair.",superfoods,24.00,12,active`,
    `BAD-${run},,坏行,,,weapons,-3,lots,sold`,
  ].join("\r\n");

  await page
    .getByLabel("CSV文件")
    .setInputFiles({ name: "listings.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page).toHaveURL(/\/zh\/sell\/import\?job=[\w-]+$/);
  const jobUrl = page.url();

  // The diff: counts, then every problem of the refused row at its physical line (the new row's
  // description holds a line break, so the refused row starts on line 5, not 4).
  await expect(page.getByTestId("count-new")).toContainText("1");
  await expect(page.getByTestId("count-changed")).toContainText("1");
  await expect(page.getByTestId("count-errors")).toContainText("1");
  const problem = page.getByTestId("import-rows-errors").getByTestId("import-row");
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText("第5行");
  await expect(problem).toContainText(`BAD-${run}`);
  await expect(problem.locator("li")).toHaveCount(5); // title, price, stock, status, category
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, "problems");

  await page.getByRole("link", { name: /^改动/ }).click();
  const change = page.getByTestId("import-rows-changed").getByTestId("import-row");
  await expect(change).toContainText(sku);
  await expect(change.locator("ins").filter({ hasText: "19.99" })).toBeVisible();
  await expect(change).toContainText("Changed in the import");
  await page.getByRole("link", { name: /^新商品/ }).click();
  await expect(page.getByTestId("import-rows-new")).toContainText("Baobab seed oil · 猴面包树籽油 · US$24.00");
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, "changes");

  // Nothing has changed in the shop yet.
  const before = await (await page.request.get("/sell/export.csv")).text();
  expect(before).not.toContain(`NEW-${run}`);

  // Confirm: the job's id is all that is posted.
  const confirm = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/sell/import"));
  await page.getByRole("button", { name: "导入2个商品" }).click();
  const body = (await confirm).postData() ?? "";
  expect(body).toMatch(/^intent=confirm&job=[\w-]+$/);
  await expect(page.getByTestId("import-done")).toContainText("导入完成：新增1，更新1");
  expect(page.url()).toBe(jobUrl);
  await expect(page.getByTestId("import-confirm")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, "done");

  // The listings changed: the new one is in the owner's list, the changed one has its new price.
  // (The Chinese console shows the Chinese title.)
  await page.goto(`/zh/sell/products?q=${encodeURIComponent("猴面包树籽油")}`);
  await expect(page.getByText("猴面包树籽油").first()).toBeVisible();
  const after = await (await page.request.get("/sell/export.csv")).text();
  expect(after).toContain(`NEW-${run},Baobab seed oil,猴面包树籽油`);
  expect(after).toContain(`${sku},Changed in the import,导入时修改,Modifié à l'import,`);
  expect(after).toMatch(new RegExp(`${sku},[^\\r]*,19\\.99,7,active\\r\\n`));

  // Back to the job, confirming again (a second tab, a double click) imports nothing twice.
  await page.goto(jobUrl);
  await expect(page.getByTestId("import-done")).toBeVisible();
});
