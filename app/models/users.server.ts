import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { users } from "#db/schema/index.ts";
import { revokeAllSessions } from "./sessions.server.ts";

export interface SessionUser {
  id: number;
  email: string;
  role: "shopper" | "owner" | "organizer";
  displayName: string;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function getUserById(id: number): SessionUser | null {
  return (
    getDb()
      .select({ id: users.id, email: users.email, role: users.role, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, id))
      .get() ?? null
  );
}

/** Sign-up always creates a shopper; owners and organizers come from approval and the seed. */
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
  const [row] = getDb()
    .insert(users)
    .values({ email: normalized, passwordHash, role: "shopper", locale })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, role: users.role, displayName: users.displayName })
    .all();
  return row ?? "taken";
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
  return { id: row.id, email: row.email, role: row.role, displayName: row.displayName };
}

/** Stores a new password hash. Callers revoke the user's sessions too (change, and reset later). */
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
