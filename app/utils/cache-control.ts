const CATALOG_PAGE =
  /^(\/(zh|fr))?(\/?|\/(stores|countries|categories|festivals)|\/(stores|countries|categories|products|festivals)\/[^/]+)$/;

/**
 * Anonymous catalog pages (no session or cart cookie: every visitor gets the same HTML) may be cached
 * briefly by browsers and shared caches; everything personal stays private.
 */
export function cacheControlFor(request: Request, status: number): string {
  if (
    request.method === "GET" &&
    status === 200 &&
    isAnonymousCatalogRequest(new URL(request.url).pathname, request.headers.get("Cookie"))
  )
    return "public, max-age=60, stale-while-revalidate=300";
  return "private, no-cache";
}

/** A catalog page requested without a session or cart cookie: the same HTML for every such visitor. */
export function isAnonymousCatalogRequest(pathname: string, cookieHeader: string | null | undefined): boolean {
  return !/(^|;\s*)(__session|__cart)=/.test(cookieHeader ?? "") && CATALOG_PAGE.test(pathname);
}
