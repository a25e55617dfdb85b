import type { LoaderFunctionArgs } from "@remix-run/node";
import { chinaCities, chinaDistricts } from "#app/utils/china-regions.server.ts";

/**
 * GET /api/regions/:code — one level of mainland China's divisions (decision 026): the cities of a
 * province (code PP0000) or the districts of a city. The address form asks for the level it needs,
 * so no browser downloads the whole table. Public, unchanging data: cached for a day.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  if (!/^\d{6}$/.test(code)) return Response.json([], { status: 404 });
  const children = code.endsWith("0000") ? chinaCities(code) : chinaDistricts(code);
  return Response.json(children, {
    status: children.length > 0 || !code.endsWith("0000") ? 200 : 404,
    headers: { "Cache-Control": "public, max-age=86400" },
  });
}
