import * as importRoute from "#app/routes/($lang).sell.import.tsx";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { callRoute, routeArgs, type RouteResult } from "./loaders.ts";

/**
 * CSV import through its route, as the browser does it: a multipart upload (answered with a
 * redirect to the job's diff, or a refusal), the diff page's loader, and a confirmation that posts
 * the job's id only. The per-owner import allowance is reset before each call unless asked not to
 * (it is tested in rate-limits.test.ts).
 */
export async function uploadCsv(
  cookie: string,
  content: string | Uint8Array,
  { lang, keepRateLimits = false }: { lang?: "zh" | "fr"; keepRateLimits?: boolean } = {},
): Promise<RouteResult & { jobId: string | null }> {
  if (!keepRateLimits) resetRateLimits();
  const form = new FormData();
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  form.append("csv", new File([new Uint8Array(bytes)], "listings.csv", { type: "text/csv" }));
  const path = lang ? `/${lang}/sell/import` : "/sell/import";
  const request = new Request(`http://localhost:3000${path}`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie },
  });
  const result = await callRoute(importRoute.action, await routeArgs(request, { lang }));
  const jobId = result.location ? new URL(result.location, "http://localhost").searchParams.get("job") : null;
  return { ...result, jobId };
}

export async function confirmImport(cookie: string, jobId: string): Promise<RouteResult> {
  resetRateLimits();
  const request = new Request(`http://localhost:3000/sell/import?job=${jobId}`, {
    method: "POST",
    body: new URLSearchParams({ intent: "confirm", job: jobId }),
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  });
  return callRoute(importRoute.action, await routeArgs(request, {}));
}

export type JobPage = NonNullable<Awaited<ReturnType<typeof importRoute.loader>>["view"]>;

/** The diff page of a job (one part, one page), or the status of what the loader threw (404). */
export async function viewImport(cookie: string, jobId: string, query = ""): Promise<RouteResult & { view: JobPage }> {
  const request = new Request(`http://localhost:3000/sell/import?job=${jobId}${query}`, {
    headers: { Cookie: cookie },
  });
  const result = await callRoute(importRoute.loader, await routeArgs(request, {}));
  return { ...result, view: (result.body as { view: JobPage } | null)?.view as JobPage };
}
