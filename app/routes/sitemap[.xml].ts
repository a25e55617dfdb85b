import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapIndex } from "#app/models/sitemap.server.ts";
import { publicOrigin } from "#app/utils/origin.server.ts";

/** GET /sitemap.xml: an index of the page sitemap and the product sitemaps (every page in every language). */
export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(sitemapIndex(publicOrigin(request)), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
