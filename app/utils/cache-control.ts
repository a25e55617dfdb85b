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

/**
 * Catalog pages whose only signed-in parts are the ones the server can write into the shared page
 * (decision 039: account link, cart count, hearts). Store and festival pages are not among them:
 * their follow and remind buttons, and the voucher block, are rendered for the shopper.
 */
const SHARED_FOR_SIGNED_IN =
  /^(\/(zh|fr))?(\/?|\/(stores|countries|categories)|\/(countries|categories|products)\/[^/]+)$/;

export function isSharedForSignedIn(pathname: string): boolean {
  return SHARED_FOR_SIGNED_IN.test(pathname);
}

/** A catalog page: the same HTML for every anonymous visitor. */
export function isCatalogPage(pathname: string): boolean {
  return CATALOG_PAGE.test(pathname);
}
