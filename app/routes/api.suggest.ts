import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "#app/i18n/locales.ts";
import { suggest } from "#app/models/search.server.ts";
import { searchRateLimitWait, tooManyRequestsJson } from "#app/utils/rate-limit.server.ts";

/** GET /api/suggest?q=&locale= — products, stores and countries for the header search box. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const wait = await searchRateLimitWait(context.clientIp);
  if (wait) return tooManyRequestsJson(wait);
  const query = new URL(request.url).searchParams;
  const locale = query.get("locale");
  const suggestions = await suggest(query.get("q") ?? "", isLocale(locale) ? locale : "en");
  return Response.json(suggestions, { headers: { "Cache-Control": "no-store" } });
}
