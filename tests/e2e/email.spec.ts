import { fillShanghai } from "./address-form.ts";
import type { Page } from "@playwright/test";
import { expect, hydrated, seriousViolations, test } from "./fixtures.ts";

/** Opens the newest message to `to` whose subject matches, in /dev/mail (the local mailbox). */
async function openMail(page: Page, to: string, subject: RegExp) {
  // The mail-sender job runs every 2 s: reload until the message is there.
  await expect(async () => {
    await page.goto("/dev/mail");
    await expect(
      page.getByTestId("mailbox").getByRole("link").filter({ hasText: to }).filter({ hasText: subject }).first(),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page
    .getByTestId("mailbox")
    .getByRole("link")
    .filter({ hasText: to })
    .filter({ hasText: subject })
    .first()
    .click();
  await expect(page.getByTestId("mail-to")).toHaveText(to);
  return page.frameLocator("[data-testid=mail-html]");
}

test("a guest buys in Chinese, reads the confirmation in /dev/mail, signs up from another browser with the same address, verifies, and finds the order", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const email = `mail-journey-${Date.now()}@example.com`;

  // A guest buys one item in demo mode, in Chinese.
  await page.goto("/zh/categories/coffee");
  await page.locator("main article").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/zh\/products\//);
  await hydrated(page);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto("/zh/checkout");
  await hydrated(page);
  await page.getByLabel("电子邮箱").fill(email);
  await fillShanghai(page, { name: "王芳" });
  await page.getByRole("button", { name: "提交订单并付款" }).click();
  await page.getByRole("button", { name: "付款（演示）" }).click();
  await expect(page.getByTestId("success-state")).toHaveText("付款成功，谢谢！");
  const orderId = (await page.getByText(/#\d+/).first().textContent())!.match(/#(\d+)/)![1]!;

  // The confirmation is in the local mailbox, in Chinese, with the order's lines.
  const confirmation = await openMail(page, email, new RegExp(`订单 #${orderId} 已付款`));
  await expect(confirmation.getByText("感谢您的订购")).toBeVisible();
  await expect(confirmation.getByText(title.trim()).first()).toBeVisible();
  await testInfo.attach("confirmation email", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  // Its link opens the order in a new tab, as from a mail client (a guest's link carries the order's token).
  const orderTab = page.waitForEvent("popup");
  await confirmation.getByRole("link", { name: "查看订单" }).click();
  const order = await orderTab;
  await expect(order).toHaveURL(new RegExp(`/zh/account/orders/${orderId}\\?token=`));
  await expect(order.getByTestId("order-status")).toBeVisible();

  // From another browser (the guest cart is not there), the shopper signs up with the same address.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/zh/signup");
  await other.getByLabel("电子邮箱").fill(email);
  await other.getByLabel("密码").fill("baobab-sunrise-42");
  await other.getByRole("button", { name: "注册" }).click();
  await expect(other).toHaveURL(/\/zh\/account/);
  // Not verified yet: the order is not in the account.
  await other.goto("/zh/account/orders");
  await expect(other.getByRole("link", { name: new RegExp(`#${orderId}\\b`) })).toHaveCount(0);

  // The verification email, followed: its page asks for one click, which verifies.
  const verification = await openMail(other, email, /请验证您的邮箱地址/);
  const verifyTab = other.waitForEvent("popup");
  await verification.getByRole("link", { name: "验证邮箱" }).click();
  const verify = await verifyTab;
  await expect(verify).toHaveURL(/\/zh\/account\/verify\?token=/);
  expect(await seriousViolations(verify)).toEqual([]);
  await verify.getByRole("button", { name: "确认我的邮箱" }).click();
  await expect(verify).toHaveURL(/\/zh\/account\?done=verified/);

  // The verified address claimed the guest's order.
  await other.goto("/zh/account/orders");
  await expect(other.getByRole("link", { name: new RegExp(`#${orderId}\\b`) }).first()).toBeVisible();
  await testInfo.attach("orders after verifying", {
    body: await other.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  await context.close();
});
