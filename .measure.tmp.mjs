import { chromium } from "@playwright/test";
const port = process.env.PORT ?? 3440;
const out = process.env.OUT ?? "/tmp/rem/shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--disable-gpu"] });
const pages = (process.env.PAGES ?? "/zh/festivals/african-products-online-shopping-festival").split(",");
const widths = (process.env.WIDTHS ?? "390").split(",").map(Number);
for (const path of pages) for (const width of widths) {
  const ctx = await browser.newContext({ viewport: { width, height: 844 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await page.goto(`http://localhost:${port}${path}`, { waitUntil: "networkidle" });
  await page.evaluate(async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); } window.scrollTo(0, 0); });
  await page.waitForTimeout(300);
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  const name = `${path.replace(/[^a-z0-9]+/gi, "_")}_${width}`;
  if (process.env.SHOT) await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${path} @${width}px: ${h}px`);
  await ctx.close();
}
await browser.close();
