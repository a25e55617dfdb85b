import http from "node:http";
import { expect, hydrated, test } from "./fixtures.ts";

const XSS = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> javascript:window.__xss=3 </script><script>window.__xss=4</script>`;

test("scripts and javascript: URLs typed into listings, store stories and searches stay inert text", async ({
  page,
  browser,
}) => {
  test.slow(true, "a long journey: an owner edits a listing and a profile, a shopper waits for the search index");
  const sku = `XSS-${Date.now()}`;
  await page.goto(`/login?redirectTo=${encodeURIComponent("/sell/products/new")}`);
  await page.getByLabel("Email").fill("owner+kigali-tea-and-baskets@silkroad.example");
  await page.getByLabel("Password").fill("silkroad-demo-2025");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Title in English").fill(`Agaseke Basket ${sku} <script>window.__xss=5</script>`);
  await page.getByLabel("Description in English").fill(XSS);
  await page.getByLabel("Category", { exact: true }).selectOption("crafts-home-decor");
  await page.getByLabel("Price in US dollars").fill("19.00");
  await page.getByLabel("Units on hand").fill("4");
  await page.getByLabel("SKU").fill(sku);
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.goto("/sell/profile");
  await page.getByLabel("Tagline in English").fill(`Woven in Kigali ${XSS}`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Saved.").first()).toBeVisible();

  const shopperContext = await browser.newContext();
  const shopper = await shopperContext.newPage();
  const violations: string[] = [];
  shopper.on("console", (m) => m.type() === "error" && violations.push(m.text()));
  await expect(async () => {
    await shopper.goto(`/search?q=${encodeURIComponent(sku)}`);
    await expect(shopper.getByTestId("search-results")).toContainText(sku);
  }).toPass({ timeout: 30_000 });
  await shopper.getByTestId("search-results").getByRole("link").first().click();
  await expect(shopper.getByRole("heading", { level: 1 })).toContainText("<script>window.__xss=5</script>");
  await expect(shopper.locator("main")).toContainText("javascript:window.__xss=3");
  await shopper.goto("/stores/kigali-tea-and-baskets");
  await expect(shopper.locator("main")).toContainText("Woven in Kigali <script>");
  await shopper.goto(`/zh/search?q=${encodeURIComponent(XSS)}`);
  await hydrated(shopper); // every script the page runs has run
  expect(await shopper.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // No link anywhere points at a javascript: URL.
  expect(await shopper.locator('a[href^="javascript:"]').count()).toBe(0);
  // Nothing even tried to run: no script was blocked by the CSP either (it was all text).
  expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
  await shopperContext.close();
});

test("security headers on every page; HSTS only in production", async ({ request }) => {
  for (const path of ["/", "/zh/search?q=tea", "/login", "/api/search?q=tea", "/sitemap.xml"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"], path).toBeUndefined(); // the journeys run without NODE_ENV=production
  }
  const a = (await request.get("/login")).headers()["content-security-policy"];
  const b = (await request.get("/login")).headers()["content-security-policy"];
  expect(a).not.toBe(b); // a fresh nonce per rendered response
  // A micro-cached anonymous page keeps the nonce it was rendered with, in the header and the HTML alike.
  await request.get("/fr/countries");
  const cached = await request.get("/fr/countries");
  expect(cached.headers()["x-cache"]).toBe("HIT");
  const nonce = cached.headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1]!;
  expect(await cached.text()).toContain(`nonce="${nonce}"`);
});

const TEN_MB = 10 * 1024 * 1024;

test("a body announced as 10 MB is answered 413 before any of it is sent", async ({ baseURL }) => {
  // Only the headers go out: the server refuses on Content-Length alone, without reading a byte.
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.request(new URL("/login", baseURL), {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(TEN_MB),
        Origin: baseURL!,
      },
    });
    req.on("response", (res) => {
      res.resume();
      req.destroy();
      resolve(res);
    });
    req.on("error", reject);
    req.flushHeaders();
  });
  expect(response.statusCode).toBe(413);
  expect(response.headers.connection).toBe("close");
});

test("a 10 MB form body is refused, nothing of it is written, and the server keeps serving", async ({
  request,
  baseURL,
}) => {
  const email = `big-body-${Date.now()}@example.com`;
  const password = "baobab-sunrise-42";
  let refusal: string;
  try {
    const response = await request.post("/signup", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL! },
      data: `email=${encodeURIComponent(email)}&password=${password}&padding=${"a".repeat(TEN_MB)}`,
      maxRedirects: 0,
    });
    refusal = String(response.status());
  } catch (error) {
    // The server answers 413 and closes the connection without reading the body, so a client that
    // is still writing (the usual case on a busy machine) sees the socket closed instead of the 413.
    const message = (error as Error).message;
    refusal = /\b(EPIPE|ECONNRESET)\b/.exec(message)?.[1] ?? message;
  }
  expect(["413", "EPIPE", "ECONNRESET"]).toContain(refusal);
  test.info().annotations.push({ type: "refusal", description: refusal });

  // Nothing was written: the sign-up never ran, so the address is still free and can sign up now
  // (a second sign-up of a taken address is a 400). This also shows the server still serves.
  const again = await request.post("/signup", {
    form: { email, password },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(again.status(), "the oversized sign-up must not have created the account").toBe(302);
  expect((await request.get("/healthz")).status()).toBe(200);
});

test("a request naming another Host is refused before routing and poisons no cache: the next anonymous page links only to the canonical origin", async ({
  page,
  baseURL,
}) => {
  const base = new URL(baseURL!);
  for (const host of ["evil.example", "[::1", "a b"]) {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request({
        host: "127.0.0.1",
        port: Number(base.port),
        path: "/",
        headers: { Host: host, "X-Forwarded-Proto": "null" },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end();
    });
    expect(status, host).toBe(400);
  }
  // The page cache keeps anonymous pages 5 s: whatever it holds now must carry our origin only.
  const response = await page.goto("/");
  expect(await response!.text()).not.toContain("evil.example");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${base.origin}/`);
  for (const href of await page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) => links.map((l) => l.getAttribute("href"))))
    expect(href!.startsWith(`${base.origin}/`), href!).toBe(true);
});
