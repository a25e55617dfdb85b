import { beforeEach, describe, expect, test } from "vitest";
import * as account from "#app/routes/($lang).account._index.tsx";
import * as festivalPage from "#app/routes/($lang).festivals.$slug.tsx";
import * as login from "#app/routes/($lang).login.tsx";
import * as searchPage from "#app/routes/($lang).search.tsx";
import * as signup from "#app/routes/($lang).signup.tsx";
import * as apiSearch from "#app/routes/api.search.ts";
import * as apiSuggest from "#app/routes/api.suggest.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { festivals } from "#db/schema/index.ts";
import { DEMO_PASSWORD, ORGANIZER_EMAIL } from "#db/seed/seed.ts";
import { getSearchConnection } from "#search/client.ts";
import { cookieFrom, routeArgs, runAction, runLoader } from "#tests/support/loaders.ts";

/**
 * Issue #13, "500s on odd input": odd characters in a sign-in redirect or a search box answer
 * normally. This file has no Meilisearch, so every search here is answered by the SQLite fallback.
 */
beforeEach(() => resetRateLimits());

const ODD_REDIRECTS: [string, string][] = [
  ["/搜索", "/%E6%90%9C%E7%B4%A2"],
  ["/a\u2028b", "/a%E2%80%A8b"],
  ["/fr/stores?q=🧺 panier", "/fr/stores?q=%F0%9F%A7%BA%20panier"],
  ["/café?x=é#à", "/caf%C3%A9?x=%C3%A9#%C3%A0"],
  ["/already%20encoded?q=caf%C3%A9", "/already%20encoded?q=caf%C3%A9"],
];

async function signedInAs(response: Response) {
  const request = new Request("http://localhost:3000/account", { headers: { Cookie: cookieFrom(response) } });
  return (await account.loader(await routeArgs(request))).user;
}

describe("a redirectTo with characters a Location header cannot carry", () => {
  test.each(ODD_REDIRECTS)("sign-in with redirectTo=%j goes to %s, signed in", async (to, location) => {
    const response = (await runAction(login.action, "/login", {
      email: ORGANIZER_EMAIL,
      password: DEMO_PASSWORD,
      redirectTo: to,
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(location);
    expect(await signedInAs(response)).toMatchObject({ email: ORGANIZER_EMAIL });
  });

  test.each(ODD_REDIRECTS)("sign-up with redirectTo=%j goes to %s, signed in", async (to, location) => {
    const email = `odd-${Math.random().toString(36).slice(2, 10)}@example.com`;
    const response = (await runAction(signup.action, "/signup", {
      email,
      password: "baobab-sunrise-42",
      redirectTo: to,
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(location);
    expect(await signedInAs(response)).toMatchObject({ email });
  });

  // (A broken surrogate pair cannot reach an action: form encoding turns it into U+FFFD.)
  test.each(["/a\u0000b", "/x\u0085y", "/\t/evil.example"])(
    "an unusable redirectTo (%j) falls back to the account page",
    async (to) => {
      const response = (await runAction(login.action, "/login", {
        email: ORGANIZER_EMAIL,
        password: DEMO_PASSWORD,
        redirectTo: to,
      })) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/account");
      expect(await signedInAs(response)).toMatchObject({ email: ORGANIZER_EMAIL });
    },
  );
});

const ODD_QUERIES = [
  "tea\u0000",
  "\u0000",
  "honey\u0000\u0001\u001f\u007f",
  "shea\u0085butter",
  "vanilla\u200b",
  "\uD800tea",
  "tea\u2028honey",
];

describe("control characters in search input (SQLite fallback)", () => {
  test("no search engine is configured here", () => {
    expect(getSearchConnection()).toBeNull();
  });

  test.each(ODD_QUERIES)("/api/suggest?q=%j answers 200", async (q) => {
    const response = await runLoader(apiSuggest.loader, `/api/suggest?${new URLSearchParams({ q })}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { products: { title: string }[] };
    expect(Array.isArray(body.products)).toBe(true);
  });

  test("a NUL inside a word does not hide what the word finds", async () => {
    const response = await runLoader(apiSuggest.loader, `/api/suggest?${new URLSearchParams({ q: "shea\u0000" })}`);
    const body = (await response.json()) as { products: { title: string }[] };
    expect(body.products.length).toBeGreaterThan(0);
    expect(body.products.every((p) => /shea/i.test(p.title))).toBe(true);
  });

  test.each(ODD_QUERIES)("/api/search?q=%j answers 200 from SQLite", async (q) => {
    const response = await runLoader(apiSearch.loader, `/api/search?${new URLSearchParams({ q })}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { engine: string }).engine).toBe("sqlite");
  });

  test.each(ODD_QUERIES)("the /search page with q=%j renders", async (q) => {
    const page = await runLoader(searchPage.loader, `/search?${new URLSearchParams({ q })}`);
    expect(page.result.engine).toBe("sqlite");
    // eslint-disable-next-line no-control-regex -- checking that none is left
    expect(page.result.query).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  test("the /search page finds what the words find", async () => {
    const page = await runLoader(searchPage.loader, `/search?${new URLSearchParams({ q: "shea\u0000butter" })}`);
    expect(page.result.totalHits).toBeGreaterThan(0);
  });

  test.each(ODD_QUERIES)("festival search with q=%j renders", async (q) => {
    const festival = getDb()
      .select()
      .from(festivals)
      .all()
      .find((f) => f.published)!;
    const page = await runLoader(festivalPage.loader, `/festivals/${festival.slug}?${new URLSearchParams({ q })}`, {
      slug: festival.slug,
    });
    // Nothing but control characters is no search at all.
    if (q.replace(/[^a-z]/g, "") === "") expect(page.search).toBeNull();
    else expect(page.search?.engine).toBe("sqlite");
  });
});
