const CATALOG_PAGE = /^(\/(zh|fr))?(\/?|\/(stores|countries|categories|festivals)|\/(stores|countries|categories|products|festivals)\/[^/]+)$/;

/**
 * Anonymous catalog pages (no session or cart cookie: every visitor gets the same HTML) may be cached
 * briefly by browsers and shared caches; everything personal stays private.
 */
export function cacheControlFor(request: Request, status: number): string {
  const cookies = request.headers.get("Cookie") ?? "";
  const anonymous = !/(^|;\s*)(__session|__cart)=/.test(cookies);
  const path = new URL(request.url).pathname;
  if (request.method === "GET" && status === 200 && anonymous && CATALOG_PAGE.test(path)) return "public, max-age=60, stale-while-revalidate=300";
  return "private, no-cache";
}
