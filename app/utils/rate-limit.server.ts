import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { getDb } from "./db.server.ts";
import { loadEnv } from "./env.server.ts";

/**
 * Rate limits (decision 020) with rate-limiter-flexible on the app's own SQLite file (table
 * `rate_limits`): every process that opens the database shares the counters, and a restart
 * forgets none of them. Each answer is "go ahead" (null) or the seconds to wait.
 */
export interface RateRule {
  /** Attempts allowed in one window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
}

/** Failed sign-ins from one address, whatever the accounts: a script trying many accounts. */
export const SIGN_IN_PER_ADDRESS: RateRule = { points: 50, duration: 60 * 60 };
/** New accounts per address: enough for a family or an office, not for a script. */
export const SIGNUP_LIMIT: RateRule = { points: 10, duration: 60 * 60 };
export const CHECKOUT_LIMIT: RateRule = { points: 20, duration: 10 * 60 };
/** Photo and logo uploads per owner: a busy afternoon of listing, not a decoding flood. */
export const UPLOAD_LIMIT: RateRule = { points: 60, duration: 10 * 60 };
/** CSV previews and imports per owner: each parses up to 5,000 rows. */
export const IMPORT_LIMIT: RateRule = { points: 20, duration: 10 * 60 };
/** Wrong current passwords on the password-change form, per user (a stolen session guessing). */
export const PASSWORD_CHANGE_LIMIT: RateRule = { points: 10, duration: 15 * 60 };
/** "Forgot your password?" requests per client address: a script asking for many addresses. */
export const PASSWORD_RESET_PER_ADDRESS: RateRule = { points: 10, duration: 60 * 60 };
/**
 * Reset requests per email address, counted whether an account has it or not (the answer must not
 * tell): nobody floods a mailbox with reset links, from however many addresses.
 */
export const PASSWORD_RESET_PER_EMAIL: RateRule = { points: 3, duration: 60 * 60 };
/** Verification links per account ("send again", email changes): the same, for the verification mail. */
export const VERIFICATION_EMAIL_LIMIT: RateRule = { points: 5, duration: 60 * 60 };

/**
 * Sign-in failures for one account from one address are free up to this many; after that each
 * one makes the next attempt wait twice as long (2 s, 4 s, 8 s … up to 15 minutes). Nothing
 * locks an account for everyone: its owner, signing in from elsewhere, is never held up.
 */
export const SIGN_IN_FREE_FAILURES = 5;
export const SIGN_IN_MAX_DELAY_SECONDS = 15 * 60;
/** How long failures for an account from an address are remembered (a success forgets them). */
const SIGN_IN_FAILURE_MEMORY: RateRule = { points: 1_000_000, duration: 24 * 60 * 60 };

/** Seconds the next sign-in must wait after `failures` consecutive failures (pure). */
export function signInDelaySeconds(failures: number): number {
  if (failures <= SIGN_IN_FREE_FAILURES) return 0;
  return Math.min(SIGN_IN_MAX_DELAY_SECONDS, 2 ** (failures - SIGN_IN_FREE_FAILURES));
}

// One limiter object per (connection, limit); a test that reopens the database gets new ones.
const limiters = new WeakMap<Database.Database, Map<string, RateLimiterSQLite>>();

function limiter(name: string, rule: RateRule): RateLimiterSQLite {
  const client = getDb().$client;
  let byName = limiters.get(client);
  if (!byName) limiters.set(client, (byName = new Map()));
  const id = `${name}/${rule.points}/${rule.duration}`;
  let found = byName.get(id);
  if (!found) {
    found = new RateLimiterSQLite({
      storeClient: client,
      storeType: "better-sqlite3",
      tableName: "rate_limits",
      tableCreated: true, // migration 0012
      keyPrefix: name,
      points: rule.points,
      duration: rule.duration,
    });
    byName.set(id, found);
  }
  return found;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Counts an attempt against `rule` for `key`; the seconds to wait when over the limit, else null. */
export async function hitRateLimit(name: string, key: string, rule: RateRule): Promise<number | null> {
  try {
    await limiter(name, rule).consume(key);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return seconds(refusal.msBeforeNext);
    throw refusal;
  }
}

/** The seconds to wait when `key` has used up `rule`, else null; counts nothing. */
export async function rateLimitWait(name: string, key: string, rule: RateRule): Promise<number | null> {
  const state = await limiter(name, rule).get(key);
  return state && state.consumedPoints >= rule.points ? seconds(state.msBeforeNext) : null;
}

/** Account keys are hashed: the counters table holds no email addresses. */
const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
const accountAddressKey = (email: string, ip: string) => `${accountKey(email)}@${ip}`;
const DELAY_RULE: RateRule = { points: 1, duration: 1 };

/**
 * Counts a password-reset request against the client's address and against the email asked for
 * (hashed, like sign-in keys); the seconds to wait when either is used up, else null.
 */
export async function hitPasswordResetLimit(ip: string, email: string): Promise<number | null> {
  const byAddress = await hitRateLimit("reset-address", ip, PASSWORD_RESET_PER_ADDRESS);
  if (byAddress) return byAddress;
  return hitRateLimit("reset-email", accountKey(email), PASSWORD_RESET_PER_EMAIL);
}

/** Seconds before this address may try to sign in to `email` again, or null. */
export async function signInWait(ip: string, email: string): Promise<number | null> {
  const byAddress = await rateLimitWait("signin-address", ip, SIGN_IN_PER_ADDRESS);
  const delay = await limiter("signin-delay", DELAY_RULE).get(accountAddressKey(email, ip));
  const byDelay = delay && delay.consumedPoints > DELAY_RULE.points ? seconds(delay.msBeforeNext) : null;
  if (byAddress === null && byDelay === null) return null;
  return Math.max(byAddress ?? 0, byDelay ?? 0);
}

/** Counts a failed sign-in against the address and, with a growing delay, against the account from it. */
export async function recordFailedSignIn(ip: string, email: string): Promise<void> {
  await hitRateLimit("signin-address", ip, SIGN_IN_PER_ADDRESS);
  const key = accountAddressKey(email, ip);
  const failures = await limiter("signin-failures", SIGN_IN_FAILURE_MEMORY).consume(key);
  const delay = signInDelaySeconds(failures.consumedPoints);
  if (delay > 0) await limiter("signin-delay", DELAY_RULE).block(key, delay);
}

/** A correct password from this address forgets its failures for the account (not the address's count). */
export async function clearFailedSignIns(ip: string, email: string): Promise<void> {
  const key = accountAddressKey(email, ip);
  await limiter("signin-failures", SIGN_IN_FAILURE_MEMORY).delete(key);
  await limiter("signin-delay", DELAY_RULE).delete(key);
}

/**
 * Every search a client makes — /api/search, /api/suggest, the /search page and festival search —
 * counts against one allowance per address (API_SEARCH_RATE_LIMIT a minute; 0 = off): a flood from
 * one address cannot push everyone's searches onto the slower fallback. Seconds to wait, or null.
 */
export function searchRateLimitWait(
  clientIp: string,
  perMinute: number = loadEnv().API_SEARCH_RATE_LIMIT,
): Promise<number | null> {
  if (perMinute <= 0) return Promise.resolve(null);
  return hitRateLimit("search", clientIp, { points: perMinute, duration: 60 });
}

/** Expired counters are dead weight (an expired row already counts as none); the purge job drops them. */
export function deleteExpiredRateLimits(now = Date.now()): number {
  return getDb().$client.prepare("DELETE FROM rate_limits WHERE expire IS NOT NULL AND expire < ?").run(now).changes;
}

/** Tests: every counter forgotten. */
export function resetRateLimits() {
  getDb().$client.prepare("DELETE FROM rate_limits").run();
}

/** The 429 a JSON endpoint answers when its caller is over an allowance. */
export function tooManyRequestsJson(wait: number): Response {
  return Response.json(
    { error: "too many requests" },
    { status: 429, headers: { "Retry-After": String(wait), "Cache-Control": "no-store" } },
  );
}

/** The 429 a page throws when its visitor is over an allowance (the error view explains it in their language). */
export function tooManyRequests(wait: number): Response {
  return new Response("Too Many Requests", {
    status: 429,
    headers: { "Retry-After": String(wait), "Cache-Control": "no-store" },
  });
}
