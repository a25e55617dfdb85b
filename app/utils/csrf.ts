/**
 * CSRF defence for every state-changing request (together with SameSite=Lax cookies): the request
 * must come from one of our own pages. Browsers send Origin on every cross-site and same-site POST;
 * a request with neither Origin nor Referer is refused too.
 */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSameOrigin({
  method,
  origin,
  referer,
  host,
  publicUrl,
}: {
  method: string;
  origin?: string;
  referer?: string;
  host?: string;
  publicUrl?: string;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const claimed = origin && origin !== "null" ? origin : referer;
  if (!claimed) return false;
  let claimedHost: string;
  try {
    claimedHost = new URL(claimed).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  if (host) allowed.add(host);
  if (publicUrl) allowed.add(new URL(publicUrl).host);
  return allowed.has(claimedHost);
}
