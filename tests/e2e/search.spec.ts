import { AXE_SLOW, expect, hydrated, seriousViolations, test } from "./fixtures.ts";

test("Chinese shopper: type in the header box, pick a suggestion, refine by a facet", async ({ page }, testInfo) => {
  test.slow(true, "suggestions, two result pages and two screenshots (18 s under stress -c 2)");
  await page.goto("/zh");
  await hydrated(page); // suggestions come from the client-side widget
  const box = page.getByRole("combobox", { name: "搜索商品" });
  await box.fill("乳木果");
  const list = page.getByRole("listbox", { name: "搜索建议" });
  await expect(list.getByRole("option").first()).toBeVisible();
  await expect(list.getByRole("option", { name: /乳木果/ }).first()).toBeVisible();
  await testInfo.attach("suggestions", { body: await page.screenshot(), contentType: "image/png" });

  // Keyboard: the last option is "see all results"; ArrowUp from the top wraps to it.
  await box.press("ArrowUp");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/zh\/search\?q=%E4%B9%B3%E6%9C%A8%E6%9E%9C$/);
  await expect(page.getByTestId("result-count")).toContainText("乳木果");

  await page.getByTestId("facet-country").getByRole("link", { name: /加纳/ }).click();
  await expect(page).toHaveURL(/country=GH/);
  await expect(page.getByTestId("active-filters").getByRole("link", { name: "移除筛选条件：加纳" })).toBeVisible();
  const cards = page.getByTestId("search-results").getByRole("listitem");
  await expect(cards.first()).toContainText("加纳");
  for (const text of await cards.allTextContents()) expect(text).toContain("加纳");
  await testInfo.attach("refined", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  await page.getByRole("link", { name: "移除筛选条件：加纳" }).click();
  await expect(page).not.toHaveURL(/country=/);
});

test("picking a product suggestion opens the product", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await page.getByRole("combobox", { name: "Search products" }).fill("vanilla");
  const option = page
    .getByRole("listbox")
    .getByRole("option", { name: /Vanilla/ })
    .first();
  const name = (await option.textContent())!;
  await option.click();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("search as you type updates results in place, and Back works", async ({ page }) => {
  await page.goto("/categories/coffee");
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Search products" }).first().waitFor();
  await hydrated(page); // typing searches in place only once the page is interactive
  const input = page.locator("#search-q");
  await input.fill("kente");
  await expect(page).toHaveURL(/\/search\?q=kente$/);
  await expect(page.getByTestId("result-count")).toHaveText(/\d+ results? for “kente”/);
  await expect(page.getByTestId("search-results").locator("mark").first()).toHaveText(/kente/i);
  await input.fill("rooibos");
  await expect(page).toHaveURL(/\/search\?q=rooibos$/);
  await expect(page.getByTestId("search-results").getByRole("listitem").first()).toContainText(/Rooibos/);
  // Typing marks its requests so that insights do not log them as searches (issue #17).
  expect((await page.context().cookies()).find((c) => c.name === "search_typing")?.value).toBe("1");
  await page.goBack();
  await expect(page).toHaveURL(/\/categories\/coffee$/);
});

test("sorting and paging keep the query; an empty result suggests categories", async ({ page }) => {
  await page.goto("/fr/search?q=miel");
  await hydrated(page); // the sort menu applies itself on change with JavaScript
  await page.getByLabel("Trier par").selectOption("price-asc");
  await expect(page).toHaveURL(/q=miel/);
  await expect(page).toHaveURL(/sort=price-asc/);
  await page.goto("/fr/search?q=snowboard");
  await expect(page.getByText("Aucun résultat pour « snowboard » pour l'instant.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Catégories populaires" })).toBeVisible();
});

test("the search page and the open suggestion list have no serious accessibility violations", async ({ page }) => {
  test.slow(true, `two axe runs: ${AXE_SLOW}`);
  await page.goto("/search?q=coffee&country=KE");
  expect(await seriousViolations(page)).toEqual([]);
  // The search page has one box, its own (decision 027); the header's box is on every other page.
  await page.goto("/countries/KE");
  await hydrated(page);
  await page.getByRole("combobox", { name: "Search products" }).fill("tea");
  await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
  expect(await seriousViolations(page, "header")).toEqual([]);
});

test("Escape closes the suggestion list and keeps what was typed", async ({ page }) => {
  await page.goto("/zh");
  await hydrated(page);
  const box = page.getByRole("combobox", { name: "搜索商品" });
  await box.fill("咖啡");
  await expect(page.getByRole("listbox")).toBeVisible();
  await box.press("Escape");
  await expect(page.getByRole("listbox")).toBeHidden();
  await expect(box).toHaveValue("咖啡");
});

// This failed about two runs in five while the box closed its list in an effect on every location
// change: React commits a navigation's new location some time after the URL changes, and a box
// focused in that gap opened its list only to see it closed again. The list now closes when the
// shopper leaves through it. The search page has its own box (decision 027), so the gap is tried
// where the header's box stays in place: a product suggestion opens a product page.
test("the empty header box offers the shopper's recent searches after a search", async ({ page }) => {
  test.slow(true, "three page loads and two hydrations (5–10 s each under load average 25)");
  await page.goto("/zh");
  await hydrated(page);
  const box = page.getByRole("combobox", { name: "搜索商品" });
  await box.fill("kente");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/zh\/search\?q=kente$/);
  await expect(page.getByTestId("result-count")).toContainText("kente");

  await page.goto("/zh/countries/KE");
  await hydrated(page);
  const list = page.getByRole("listbox", { name: "搜索建议" });
  await box.fill("蜂蜜");
  await list.getByRole("option", { name: /蜂蜜/ }).first().click();
  await expect(page).toHaveURL(/\/zh\/products\//);
  await box.fill("");
  await expect(list.getByText("最近搜索")).toBeVisible();
  await expect(list.getByRole("option", { name: "kente" })).toBeVisible();
});

test("a thin Chinese search offers its pinyin reading", async ({ page }) => {
  await page.goto(`/zh/search?q=${encodeURIComponent("咖非")}`);
  await expect(page.getByTestId("pinyin-query")).toContainText("kafei");
  await expect(page.getByTestId("search-results").getByRole("listitem").first()).toContainText("咖啡");
});
