import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganizer } from "#app/models/access.server.ts";
import { pickerOptions, PICKER_KINDS } from "#app/models/admin/picker.server.ts";
import { parseEnum } from "#app/utils/params.ts";
import { searchRateLimitWait, tooManyRequestsJson } from "#app/utils/rate-limit.server.ts";

/**
 * GET /admin/picker?kind=product|store&q=: the organizers' combobox options as JSON (decision 030).
 * Organizers only; counts against the same search allowance as every other search.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const wait = await searchRateLimitWait(context.clientIp);
  if (wait) return tooManyRequestsJson(wait);
  const url = new URL(request.url);
  const kind = parseEnum(url.searchParams.get("kind"), PICKER_KINDS, "product");
  const options = await pickerOptions(user, kind, url.searchParams.get("q") ?? "", context.locale);
  return Response.json({ options }, { headers: { "Cache-Control": "no-store" } });
}
