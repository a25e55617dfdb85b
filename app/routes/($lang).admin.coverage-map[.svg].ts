import type { LoaderFunctionArgs } from "@remix-run/node";
import { createTranslator } from "#app/i18n/translate.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { renderCoverageMap } from "#app/models/admin/coverage-map.server.ts";
import { MAP_METRICS } from "#app/utils/admin-constants.ts";
import { parseEnum } from "#app/utils/params.ts";

/**
 * GET /admin/coverage-map.svg?metric=stores|products: the dashboard's Africa map as an SVG image
 * (decision 030), so no map code or path data travels with the page or its hydration data.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const metric = parseEnum(new URL(request.url).searchParams.get("metric"), MAP_METRICS, "stores");
  const svg = renderCoverageMap(user, context.locale, metric, createTranslator(context.locale));
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "private, max-age=60",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
