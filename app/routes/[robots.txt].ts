import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "#app/utils/origin.server.ts";

/** GET /robots.txt: the catalog is public; consoles, carts, checkout, accounts and APIs are not for crawlers. */
export async function loader({ request }: LoaderFunctionArgs) {
  const pages = [
    "/admin",
    "/sell",
    "/account",
    "/cart",
    "/checkout",
    "/login",
    "/signup",
    "/forgot-password",
    "/reset-password",
    "/search",
  ];
  const disallow = [
    ...["", "/zh", "/fr"].flatMap((prefix) => pages.map((p) => `${prefix}${p}`)),
    "/api/",
    "/webhooks/",
  ];
  const lines = [
    "User-agent: *",
    "Allow: /",
    ...disallow.map((p) => `Disallow: ${p}`),
    `Sitemap: ${publicOrigin(request)}/sitemap.xml`,
    "",
  ];
  return new Response(lines.join("\n"), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
