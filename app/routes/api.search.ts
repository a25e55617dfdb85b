import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "#app/i18n/locales.ts";
import { parseSearchParams, searchCatalog } from "#app/models/search.server.ts";
import { searchRateLimitWait, tooManyRequestsJson } from "#app/utils/rate-limit.server.ts";

/**
 * GET /api/search?q=&country=&category=&store=&festival=&minPrice=&maxPrice=&inStock=&sort=&page=&locale=
 * Invalid parameters get a 400 listing what is wrong; nothing from the query string reaches
 * Meilisearch except through validated, quoted values.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const wait = await searchRateLimitWait(context.clientIp);
  if (wait) return tooManyRequestsJson(wait);
  const query = new URL(request.url).searchParams;
  const { params, errors } = parseSearchParams(query);
  const locale = query.get("locale") ?? "en";
  if (!isLocale(locale)) errors.push("locale must be one of en, zh, fr");
  if (errors.length > 0) {
    return Response.json(
      { error: "invalid search parameters", details: errors },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  // Not logged: scripts poll this endpoint, and insights and hot searches count what shoppers submit.
  const result = await searchCatalog(params, isLocale(locale) ? locale : "en", { record: false });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
}
