import { expect, test } from "@playwright/test";

test("a shopper signs up in French, signs out and signs back in", async ({ page }) => {
  test.slow(true, "seven page loads and three deliberately slow password hashes (21 s under stress -c 2)");
  const email = `shopper-${Date.now()}@example.com`;
  await page.goto("/fr");
  await page.getByTestId("login-link").click();
  await expect(page).toHaveURL(/\/fr\/login$/);
  await page.getByRole("link", { name: "Nouveau ici ? Créez un compte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Créer un compte");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByRole("alert")).toHaveText("Utilisez au moins 10 caractères.");
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue(email);
  await page.getByLabel("Mot de passe").fill("baobab-sunrise-42");
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page).toHaveURL(/\/fr\/account$/);
  await expect(page.getByText(`Connecté en tant que ${email}`)).toBeVisible();
  await expect(page.getByTestId("account-role")).toHaveText("Acheteur");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/fr$/);
  await expect(page.getByTestId("login-link")).toBeVisible();

  await page.goto("/fr/account");
  await expect(page).toHaveURL(/\/fr\/login\?redirectTo=%2Ffr%2Faccount$/);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("wrong-password-1");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("L'adresse e-mail ou le mot de passe est incorrect.");
  await page.getByLabel("Mot de passe").fill("baobab-sunrise-42");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/fr\/account$/);
});

test("a cross-site form post is refused with 403 and changes nothing", async ({ page, request, baseURL }) => {
  const email = `csrf-${Date.now()}@example.com`;
  const forged = await request.post("/signup", {
    form: { email, password: "baobab-sunrise-42" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  const noOrigin = await request.post("/logout", { maxRedirects: 0, headers: { Origin: "null" } });
  expect(noOrigin.status()).toBe(403);
  // The forged sign-up created no account: signing in with it fails.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("baobab-sunrise-42");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("The email or the password is not right.");
  // The same form from our own origin works.
  const own = await request.post("/signup", {
    form: { email, password: "baobab-sunrise-42" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect([200, 204, 302, 303]).toContain(own.status());
});

test("signing out another browser from /account/security signs it out there", async ({ browser }) => {
  test.slow(true, "two browsers, two deliberately slow password hashes and six page loads");
  const email = `sessions-${Date.now()}@example.com`;
  const first = await browser.newContext();
  const second = await browser.newContext();
  const here = await first.newPage();
  await here.goto("/signup");
  await here.getByLabel("Email").fill(email);
  await here.getByLabel("Password").fill("baobab-sunrise-42");
  await here.getByRole("button", { name: "Create account" }).click();
  await expect(here).toHaveURL(/\/account$/);

  const there = await second.newPage();
  await there.goto("/login");
  await there.getByLabel("Email").fill(email);
  await there.getByLabel("Password").fill("baobab-sunrise-42");
  await there.getByRole("button", { name: "Sign in" }).click();
  await expect(there).toHaveURL(/\/account$/);

  await here.getByTestId("security-link").click();
  await expect(here.getByRole("heading", { level: 1 })).toHaveText("Sign-in and security");
  await expect(here.getByTestId("session-current")).toContainText("This device");
  await expect(here.getByTestId("session-other")).toHaveCount(1);
  await here
    .getByTestId("session-other")
    .getByRole("button", { name: /^Sign out/ })
    .click();
  await expect(here.getByTestId("security-done")).toHaveText("That browser is signed out.");
  await expect(here.getByTestId("session-other")).toHaveCount(0);

  await there.goto("/account");
  await expect(there).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await first.close();
  await second.close();
});
