const CATALOG_PAGE =
  /^(\/(zh|fr))?(\/?|\/(stores|countries|categories|festivals)|\/(stores|countries|categories|products|festivals)\/[^/]+)$/;

/**
 * Catalog pages for an anonymous visitor (the request context found no signed-in user and no cart:
 * every such visitor gets the same HTML) may be cached briefly by browsers and shared caches;
 * everything personal stays private.
 */
export function cacheControlFor(request: Request, status: number, anonymous: boolean): string {
  if (request.method === "GET" && status === 200 && anonymous && isCatalogPage(new URL(request.url).pathname))
    return "public, max-age=60, stale-while-revalidate=300";
  return "private, no-cache";
}

/** A catalog page: the same HTML for every anonymous visitor. */
export function isCatalogPage(pathname: string): boolean {
  return CATALOG_PAGE.test(pathname);
}
