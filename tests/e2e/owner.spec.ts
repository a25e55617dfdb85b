import sharp from "sharp";
import { expect, hydrated, seriousViolations, test } from "./fixtures.ts";

test("an owner signs in, lists a product in English and Chinese, finds it in search, edits stock and archives it", async ({
  page,
}) => {
  test.slow(true, "a long journey: a listing, a photo resized on the server, two waits for the search index");
  const sku = `E2E-${Date.now()}`;
  await page.goto(`/zh/login?redirectTo=${encodeURIComponent("/zh/sell")}`);
  await page.getByLabel("电子邮箱").fill("owner+rift-valley-macadamia@silkroad.example");
  await page.getByLabel("密码").fill("silkroad-demo-2025");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/zh\/sell$/);
  await expect(page.getByText("卖家中心")).toBeVisible();

  await page.getByRole("link", { name: "发布商品" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("发布商品");
  await page.getByLabel("英文标题").fill("Kenyan Salted Macadamia Snack Tin, 400 g");
  await page.getByLabel("中文标题").fill("肯尼亚盐焗夏威夷果罐装 400克");
  await page.getByLabel("分类", { exact: true }).selectOption("nuts-dried-fruit");
  await page.getByLabel("价格（美元）").fill("abc");
  await page.getByLabel("库存").fill("30");
  await page.getByLabel("货号").fill(sku);
  await page.getByRole("button", { name: "保存并上架" }).click();
  await expect(page.getByText("请输入大于0且不超过100,000的价格，例如12.50。")).toBeVisible();
  await expect(page.getByLabel("中文标题")).toHaveValue("肯尼亚盐焗夏威夷果罐装 400克");
  await page.getByLabel("价格（美元）").fill("21.90");
  await page.getByRole("button", { name: "保存并上架" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  // French is missing: flagged, not required.
  await expect(page.getByText("尚未填写：使用该语言的消费者将看到英文内容。").first()).toBeVisible();

  // A photo: decoded and re-encoded on the server, shown with a srcset on the product page.
  const photo = await sharp({
    create: { width: 1400, height: 1000, channels: 3, background: { r: 120, g: 80, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  await page.getByLabel("添加图片").setInputFiles({ name: "macadamia.jpg", mimeType: "image/jpeg", buffer: photo });
  await page.getByRole("button", { name: "上传" }).click();
  await expect(page.getByText("图片已添加。")).toBeVisible();
  await expect(page.getByTestId("photos").getByRole("img")).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);

  // The outbox worker syncs within a couple of seconds; search until it appears.
  await expect(async () => {
    await page.goto(`/zh/search?q=${encodeURIComponent("盐焗夏威夷果罐装")}`);
    await expect(page.getByTestId("search-results")).toContainText("肯尼亚盐焗夏威夷果罐装");
  }).toPass({ timeout: 30_000 });

  await page
    .getByTestId("search-results")
    .getByRole("link", { name: /肯尼亚盐焗夏威夷果罐装/ })
    .click();
  const hero = page.getByRole("img", { name: /肯尼亚盐焗夏威夷果罐装/ });
  await expect(hero).toHaveAttribute("srcset", /-320\.webp 320w, .*-640\.webp 640w, .*-1200\.webp 1200w/);
  // The browser decodes it (not merely an element pointing at a missing file); polled, as it loads after the HTML.
  await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await page.goto(`/zh/sell/products?q=${sku}`);
  await hydrated(page);
  const row = page.getByTestId(`row-${sku}`);
  await row.getByRole("textbox").fill("3");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("status")).toHaveText("已保存。");
  await row.getByRole("button", { name: "下架" }).click();
  await expect(row).toContainText("已下架");

  await expect(async () => {
    await page.goto(`/zh/search?q=${encodeURIComponent("盐焗夏威夷果罐装")}`);
    await expect(page.getByTestId("result-count")).toBeVisible();
    await expect(page.locator("main")).not.toContainText("肯尼亚盐焗夏威夷果罐装 400克");
  }).toPass({ timeout: 30_000 });
});
