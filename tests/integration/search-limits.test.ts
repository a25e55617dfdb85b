import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as festivalPage from "#app/routes/($lang).festivals.$slug.tsx";
import * as searchPage from "#app/routes/($lang).search.tsx";
import * as apiSearch from "#app/routes/api.search.ts";
import * as apiSuggest from "#app/routes/api.suggest.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { festivals } from "#db/schema/index.ts";
import { setEnv } from "#tests/support/env.ts";
import { callRoute, routeArgs } from "#tests/support/loaders.ts";

/**
 * Every search endpoint shares one allowance per client address (issue #13: /api/suggest, the search
 * page and festival search had none). Here the allowance is 3 a minute.
 */
let saved: string | undefined;
beforeAll(() => {
  saved = process.env.API_SEARCH_RATE_LIMIT;
  setEnv({ API_SEARCH_RATE_LIMIT: "3" });
});
afterAll(() => setEnv({ API_SEARCH_RATE_LIMIT: saved }));
afterEach(() => resetRateLimits());

const call = async (
  fn: (args: never) => Promise<unknown>,
  path: string,
  clientIp: string,
  params: Record<string, string> = {},
) => callRoute(fn as never, await routeArgs(new Request(`http://localhost:3000${path}`), params, { clientIp }));

describe("one search allowance per address", () => {
  test("the fourth search from one address, whichever endpoint, is refused with 429 and Retry-After; another address is served", async () => {
    const slug = getDb().select({ slug: festivals.slug }).from(festivals).get()!.slug;
    const ip = "198.51.100.77";
    expect((await call(apiSuggest.loader, "/api/suggest?q=cof&locale=en", ip)).status).toBe(200);
    expect((await call(searchPage.loader, "/search?q=coffee", ip)).status).toBe(200);
    expect((await call(festivalPage.loader, `/festivals/${slug}?q=shea`, ip, { slug })).status).toBe(200);
    for (const [fn, path, params] of [
      [apiSuggest.loader, "/api/suggest?q=coff&locale=en", {}],
      [apiSearch.loader, "/api/search?q=coffee", {}],
      [searchPage.loader, "/search?q=coffee", {}],
      [festivalPage.loader, `/festivals/${slug}?q=shea`, { slug }],
    ] as const) {
      const refused = await call(fn, path, ip, params);
      expect(refused.status, path).toBe(429);
      expect(Number(refused.headers.get("Retry-After")), path).toBeGreaterThan(0);
    }
    // The festival page without a search is not a search: still served.
    expect((await call(festivalPage.loader, `/festivals/${slug}`, ip, { slug })).status).toBe(200);
    expect((await call(apiSuggest.loader, "/api/suggest?q=cof&locale=en", "198.51.100.78")).status).toBe(200);
  });
});
