import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { DB, Tx } from "#db/client.ts";
import { now } from "#db/clock.ts";
import { users } from "#db/schema/index.ts";
import {
  RESET_PASSWORD_MINUTES,
  checkToken,
  consumeToken,
  expireTokens,
  issueToken,
  type TokenCheck,
} from "./account-tokens.server.ts";
import { enqueueNotification } from "./notifications.server.ts";
import { claimGuestOrdersByEmail } from "./orders.server.ts";
import { revokeAllSessions, sessionUserColumns, toSessionUser } from "./sessions.server.ts";

export interface SessionUser {
  id: number;
  email: string;
  role: "shopper" | "owner" | "organizer";
  displayName: string;
  /** The address was proven by a link sent to it (decision 022); owners and organizers act only then. */
  emailVerified: boolean;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function getUserById(id: number): SessionUser | null {
  const row = getDb().select(sessionUserColumns).from(users).where(eq(users.id, id)).get();
  return row ? toSessionUser(row) : null;
}

/**
 * Sign-up always creates a shopper (owners and organizers come from approval and the seed), not
 * yet verified: the verification email is queued in the same transaction, in the page's language.
 */
export async function createShopper({
  email,
  password,
  locale,
}: {
  email: string;
  password: string;
  locale: Locale;
}): Promise<SessionUser | "taken"> {
  const normalized = normalizeEmail(email);
  const passwordHash = await hash(password);
  return getDb().transaction(
    (tx) => {
      const [row] = tx
        .insert(users)
        .values({ email: normalized, passwordHash, role: "shopper", locale })
        .onConflictDoNothing({ target: users.email })
        .returning(sessionUserColumns)
        .all();
      if (!row) return "taken" as const;
      queueVerification(tx, { userId: row.id, email: row.email, locale });
      return toSessionUser(row);
    },
    { behavior: "immediate" },
  );
}

/** A verification link for `email` (the account's address, or the new one of an email change). */
function queueVerification(tx: Tx | DB, args: { userId: number; email: string; locale: Locale }) {
  const token = issueToken(tx, { userId: args.userId, purpose: "verify_email", email: args.email });
  enqueueNotification(tx, {
    kind: "email_verification",
    to: args.email,
    locale: args.locale,
    payload: { token },
    userId: args.userId,
  });
}

/**
 * "Send the link again" for an unverified account: a new link to its address (the older ones stop
 * working). False when the address is verified already (nothing is sent).
 */
export function resendVerification(userId: number, locale: Locale): boolean {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ email: users.email, emailVerifiedAt: users.emailVerifiedAt })
        .from(users)
        .where(eq(users.id, userId))
        .get();
      if (!row || row.emailVerifiedAt) return false;
      queueVerification(tx, { userId, email: row.email, locale });
      return true;
    },
    { behavior: "immediate" },
  );
}

/**
 * The account holder reads `email` (a link sent there was followed): it is marked verified, and
 * the guest orders placed with it join the account.
 */
function proveAddress(tx: Tx, userId: number, email: string) {
  tx.update(users).set({ emailVerifiedAt: now() }).where(eq(users.id, userId)).run();
  claimGuestOrdersByEmail(tx, { userId, email });
}

export type VerifyResult =
  | { ok: true; userId: number; email: string; changed: boolean }
  | { ok: false; reason: Exclude<TokenCheck, { ok: true }>["reason"] | "taken" };

/**
 * Follows a verification link (its POST; the GET only shows a button). The address the link was
 * sent to becomes the account's verified address — for an email change, the account's address
 * changes only now, and only if no other account took that address meanwhile (`taken`: nothing
 * changes, the link stays unused). `signedInUserId`: see `checkToken` (a link for another account
 * is refused). An email change also ends every other link of the account: a reset link sent to the
 * old address must not outlive the move.
 */
export function verifyEmail(token: string, signedInUserId: number | null): VerifyResult {
  return getDb().transaction(
    (tx): VerifyResult => {
      const check = checkToken(tx, token, "verify_email", signedInUserId);
      if (!check.ok) return check;
      const current = tx.select({ email: users.email }).from(users).where(eq(users.id, check.userId)).get();
      if (!current) return { ok: false, reason: "invalid" };
      const changed = current.email !== check.email;
      if (changed && tx.select({ id: users.id }).from(users).where(eq(users.email, check.email)).get())
        return { ok: false, reason: "taken" };
      const used = consumeToken(tx, token, "verify_email", signedInUserId);
      if (!used.ok) return used;
      if (changed) {
        tx.update(users).set({ email: check.email }).where(eq(users.id, check.userId)).run();
        expireTokens(tx, check.userId);
      }
      proveAddress(tx, check.userId, check.email);
      return { ok: true, userId: check.userId, email: check.email, changed };
    },
    { behavior: "immediate" },
  );
}

/**
 * "Forgot your password?": a reset link to the address if an account has it, in the language of
 * the page that asked; nothing otherwise. The caller answers the same either way, so the page tells
 * nobody which addresses have accounts.
 */
export function requestPasswordReset(email: string, locale: Locale): void {
  getDb().transaction(
    (tx) => {
      const user = tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(eq(users.email, normalizeEmail(email)))
        .get();
      if (!user) return;
      const token = issueToken(tx, { userId: user.id, purpose: "reset_password", email: user.email });
      enqueueNotification(tx, {
        kind: "password_reset",
        to: user.email,
        locale,
        payload: { token, minutes: RESET_PASSWORD_MINUTES },
        userId: user.id,
      });
    },
    { behavior: "immediate" },
  );
}

/**
 * Follows a reset link (its POST): the new password is stored and every session of the account
 * ends, wherever it was (whoever knew the old password is out). The link reached the account's
 * address, so that address counts as verified from now on, if it still is the account's.
 */
export async function resetPassword(
  token: string,
  newPassword: string,
  signedInUserId: number | null,
): Promise<TokenCheck> {
  const passwordHash = await hash(newPassword);
  return getDb().transaction(
    (tx) => {
      const used = consumeToken(tx, token, "reset_password", signedInUserId);
      if (!used.ok) return used;
      setPassword(used.userId, passwordHash);
      revokeAllSessions(used.userId);
      const current = tx.select({ email: users.email }).from(users).where(eq(users.id, used.userId)).get();
      if (current?.email === used.email) proveAddress(tx, used.userId, used.email);
      return used;
    },
    { behavior: "immediate" },
  );
}

/**
 * A signed-in user asks to use another address. The current password must be right ("wrong");
 * the new address must differ ("same") and belong to no account ("taken"). Then a verification
 * link goes to the new address and the old one is told; the account keeps its address until the
 * link is followed (`verifyEmail`).
 */
export async function requestEmailChange(
  userId: number,
  currentPassword: string,
  newEmail: string,
  locale: Locale,
): Promise<"ok" | "wrong" | "same" | "taken"> {
  const row = getDb()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row || !(await verify(row.passwordHash, currentPassword))) return "wrong";
  const next = normalizeEmail(newEmail);
  if (next === row.email) return "same";
  return getDb().transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, next)).get()) return "taken" as const;
      queueVerification(tx, { userId, email: next, locale });
      enqueueNotification(tx, { kind: "email_changed", to: row.email, locale, payload: { newEmail: next }, userId });
      return "ok" as const;
    },
    { behavior: "immediate" },
  );
}

// Verified when the email is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

/** The user for these credentials, or null — the same null for an unknown email and a wrong password. */
export async function verifyLogin(email: string, password: string): Promise<SessionUser | null> {
  const row = getDb()
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
  if (!row) {
    dummyHash ??= hash("not a real password, only for timing");
    await verify(await dummyHash, password);
    return null;
  }
  if (!(await verify(row.passwordHash, password))) return null;
  return toSessionUser(row);
}

/** Stores a new password hash. Callers revoke the user's sessions too (change and reset). */
export function setPassword(userId: number, passwordHash: string) {
  getDb().update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

/**
 * A signed-in user changes their password: the current one must be right ("wrong" otherwise, and
 * nothing changes). Every session of the user is revoked; the caller starts a fresh one for the
 * browser that asked, so it stays signed in and all others are out.
 */
export async function changePassword(
  userId: number,
  currentPassword: string,
  newPassword: string,
): Promise<"ok" | "wrong"> {
  const row = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row || !(await verify(row.passwordHash, currentPassword))) return "wrong";
  const passwordHash = await hash(newPassword);
  getDb().transaction(() => {
    setPassword(userId, passwordHash);
    revokeAllSessions(userId);
  });
  return "ok";
}
