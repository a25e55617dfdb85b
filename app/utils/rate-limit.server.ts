import { remember } from "@epic-web/remember";
/**
 * Fixed-window attempt counters in memory (one process serves the site). Keys are e.g.
 * "login:ip:1.2.3.4" and "login:email:a@b.c"; the clock is injectable for tests.
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export const LOGIN_LIMIT: RateLimit = { limit: 10, windowMs: 15 * 60_000 };
/** New accounts per address: enough for a family or an office, not for a script. */
export const SIGNUP_LIMIT: RateLimit = { limit: 10, windowMs: 60 * 60_000 };
export const CHECKOUT_LIMIT: RateLimit = { limit: 20, windowMs: 10 * 60_000 };
/** Photo and logo uploads per owner: a busy afternoon of listing, not a decoding flood. */
export const UPLOAD_LIMIT: RateLimit = { limit: 60, windowMs: 10 * 60_000 };

const windows = remember("rateLimitWindows", () => new Map<string, { count: number; resetAt: number }>());

/** Counts an attempt; returns how many seconds to wait when over the limit, else null. */
export function hitRateLimit(key: string, rule: RateLimit, now = Date.now()): number | null {
  const current = windows.get(key);
  if (!current || current.resetAt <= now) {
    windows.set(key, { count: 1, resetAt: now + rule.windowMs });
    if (windows.size > 50_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
    return null;
  }
  current.count += 1;
  return current.count > rule.limit ? Math.ceil((current.resetAt - now) / 1000) : null;
}

/** Seconds to wait when `key` has used up its attempts, else null; does not count an attempt. */
export function rateLimitWait(key: string, rule: RateLimit, now = Date.now()): number | null {
  const current = windows.get(key);
  if (!current || current.resetAt <= now || current.count < rule.limit) return null;
  return Math.ceil((current.resetAt - now) / 1000);
}

export function resetRateLimits() {
  windows.clear();
}

/**
 * Every search a client makes — /api/search, /api/suggest, the /search page and festival search —
 * counts against one allowance per address (API_SEARCH_RATE_LIMIT a minute; 0 = off): a flood from
 * one address cannot push everyone's searches onto the slower fallback. Seconds to wait, or null.
 */
export function searchRateLimitWait(clientIp: string, perMinute: number): number | null {
  if (perMinute <= 0) return null;
  return hitRateLimit(`search:ip:${clientIp}`, { limit: perMinute, windowMs: 60_000 });
}

/** The 429 a page throws when its visitor is over an allowance (the error view explains it in their language). */
export function tooManyRequests(wait: number): Response {
  return new Response("Too Many Requests", {
    status: 429,
    headers: { "Retry-After": String(wait), "Cache-Control": "no-store" },
  });
}
