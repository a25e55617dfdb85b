import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import type { DB, Tx } from "#db/client.ts";
import { now } from "#db/clock.ts";
import { accountTokens } from "#db/schema/index.ts";

/**
 * Single-use links sent by email (decision 022): verifying an address, resetting a password. The
 * link carries 256 random bits; only their SHA-256 is stored, so a copy of the database (a backup,
 * a leaked file) holds nothing that opens an account. A token is good once, for one purpose, until
 * it expires; issuing a new one of a purpose makes the user's older ones of that purpose expire, so
 * only the newest link sent works.
 */
export type TokenPurpose = (typeof accountTokens.$inferSelect)["purpose"];

export const VERIFY_EMAIL_TTL_MS = 24 * 60 * 60_000;
export const RESET_PASSWORD_MINUTES = 30;
const TTL_MS: Record<TokenPurpose, number> = {
  verify_email: VERIFY_EMAIL_TTL_MS,
  reset_password: RESET_PASSWORD_MINUTES * 60_000,
};

/** 32 bytes in base64url, no padding: what `issueToken` hands out, and the only shape we look up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/**
 * A new token for the user, in the caller's transaction (the email that carries it is queued in the
 * same one, so there is never a token without its email or the reverse). `email` is the address the
 * link goes to: the account's, or the new address of an email change.
 */
export function issueToken(tx: Tx | DB, args: { userId: number; purpose: TokenPurpose; email: string }): string {
  const at = now();
  // Older unused links of this purpose stop working: after "send again", or a second reset or
  // email change, only the newest link counts (a superseded email change must not still apply).
  tx.update(accountTokens)
    .set({ expiresAt: at })
    .where(
      and(
        eq(accountTokens.userId, args.userId),
        eq(accountTokens.purpose, args.purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, at),
      ),
    )
    .run();
  const token = randomBytes(32).toString("base64url");
  tx.insert(accountTokens)
    .values({
      userId: args.userId,
      purpose: args.purpose,
      tokenHash: hashToken(token),
      email: args.email.trim().toLowerCase(),
      createdAt: at,
      expiresAt: new Date(at.getTime() + TTL_MS[args.purpose]),
    })
    .run();
  return token;
}

/** What a link is worth: its user and address, or why it is refused. */
export type TokenCheck =
  | { ok: true; id: number; userId: number; email: string }
  | {
      ok: false;
      /**
       * `invalid`: no such token (unknown, tampered with, or of another purpose); `used`: it worked
       * once already; `expired`: too late (or superseded by a newer link); `wrongUser`: it belongs to
       * another account than the one signed in on this browser.
       */
      reason: "invalid" | "used" | "expired" | "wrongUser";
    };

/**
 * Checks a token without using it up (the page a link opens shows a button; GET changes nothing).
 * `signedInUserId`: who is signed in on the browser asking, if anyone — a link for another account
 * is refused then, so nobody verifies or resets someone else's account while signed in as themself
 * (the token is left as it was, for its owner).
 */
export function checkToken(
  db: Tx | DB,
  token: string,
  purpose: TokenPurpose,
  signedInUserId: number | null = null,
): TokenCheck {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: "invalid" };
  const row = db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)))
    .get();
  if (!row) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now().getTime()) return { ok: false, reason: "expired" };
  if (signedInUserId !== null && signedInUserId !== row.userId) return { ok: false, reason: "wrongUser" };
  return { ok: true, id: row.id, userId: row.userId, email: row.email };
}

/** `checkToken` on the app's database: what a page opened by a link shows (nothing is used up). */
export function inspectToken(token: string, purpose: TokenPurpose, signedInUserId: number | null): TokenCheck {
  return checkToken(getDb(), token, purpose, signedInUserId);
}

/**
 * Uses a token up, in the caller's transaction: the same checks as `checkToken`, then `usedAt` is
 * set by a conditional update, so of two requests racing with one link only one gets `ok`.
 */
export function consumeToken(
  tx: Tx,
  token: string,
  purpose: TokenPurpose,
  signedInUserId: number | null = null,
): TokenCheck {
  const check = checkToken(tx, token, purpose, signedInUserId);
  if (!check.ok) return check;
  const at = now();
  const claimed = tx
    .update(accountTokens)
    .set({ usedAt: at })
    .where(and(eq(accountTokens.id, check.id), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, at)))
    .run();
  return claimed.changes === 1 ? check : { ok: false, reason: "used" };
}

/**
 * The address of the user's newest email change still waiting for its link (a verification token
 * sent to another address than the account's), or null.
 */
export function pendingEmailChange(userId: number, currentEmail: string): string | null {
  const row = getDb()
    .select({ email: accountTokens.email })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, "verify_email"),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now()),
      ),
    )
    .orderBy(desc(accountTokens.id))
    .limit(1)
    .get();
  return row && row.email !== currentEmail ? row.email : null;
}

/** Every unused link of the user stops working (its address moved: links sent to the old one must not outlive it). */
export function expireTokens(tx: Tx | DB, userId: number) {
  const at = now();
  tx.update(accountTokens)
    .set({ expiresAt: at })
    .where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, at)))
    .run();
}

/** Links used or expired more than a day ago are deleted (they open nothing; a day keeps "already used" answers). */
export function deleteSpentTokens(at: Date = now()): number {
  const cutoff = new Date(at.getTime() - 24 * 60 * 60_000);
  return getDb()
    .delete(accountTokens)
    .where(or(lt(accountTokens.expiresAt, cutoff), lt(accountTokens.usedAt, cutoff)))
    .run().changes;
}
