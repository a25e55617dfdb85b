import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogPaths, productPaths, productSitemapCount, urlset } from "#app/models/sitemap.server.ts";
import { publicOrigin } from "#app/utils/origin.server.ts";

/** GET /sitemap/pages.xml and /sitemap/products-<n>.xml. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  const origin = publicOrigin(request);
  let paths: string[] | null = null;
  if (file === "pages.xml") paths = catalogPaths();
  const chunk = /^products-(\d{1,4})\.xml$/.exec(file);
  if (chunk && Number(chunk[1]) >= 1 && Number(chunk[1]) <= productSitemapCount())
    paths = productPaths(Number(chunk[1]));
  if (!paths) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(urlset(origin, paths), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
