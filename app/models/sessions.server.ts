import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, lte, ne } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { sessions, users } from "#db/schema/index.ts";
import { now } from "#db/clock.ts";
import type { SessionUser } from "./users.server.ts";

/** A session lives this long after it was last seen (sliding expiry, decision 018). */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt and the expiry move at most once per this interval, so reads do not write every time. */
export const SESSION_TOUCH_MS = 24 * 60 * 60 * 1000;

export interface SessionInfo {
  id: string;
  expiresAt: Date;
}

/** The columns a SessionUser is made of, for every query that builds one. */
export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  displayName: users.displayName,
  emailVerifiedAt: users.emailVerifiedAt,
};

export function toSessionUser(row: {
  id: number;
  email: string;
  role: SessionUser["role"];
  displayName: string;
  emailVerifiedAt: Date | null;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    displayName: row.displayName,
    emailVerified: row.emailVerifiedAt !== null,
  };
}

/** 192 random bits, base64url: the only thing the `__session` cookie carries. */
function newSessionId(): string {
  return randomBytes(24).toString("base64url");
}

/** A brand-new session for the user (sign-in, sign-up, password change, becoming an owner). */
export function createSession(userId: number, device: string): SessionInfo {
  const at = now();
  const session = { id: newSessionId(), expiresAt: new Date(at.getTime() + SESSION_TTL_MS) };
  getDb()
    .insert(sessions)
    .values({ ...session, userId, createdAt: at, lastSeenAt: at, device: device.slice(0, 120) })
    .run();
  return session;
}

/** Removes sessions that have expired (they sign nobody in already); the "session-purge" job. */
export function deleteExpiredSessions(): number {
  return getDb().delete(sessions).where(lte(sessions.expiresAt, now())).run().changes;
}

/**
 * The user a session id signs in, or null when the session is unknown, revoked or expired. A
 * session last seen more than SESSION_TOUCH_MS ago is touched (lastSeenAt now, expiry moved
 * SESSION_TTL_MS ahead), and `refreshed` says the cookie should be sent again with the new expiry.
 */
export function userForSession(
  sessionId: string,
): { user: SessionUser; session: SessionInfo; refreshed: boolean } | null {
  const at = now();
  const db = getDb();
  const row = db
    .select({
      ...sessionUserColumns,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, at)))
    .get();
  if (!row) return null;
  const user: SessionUser = toSessionUser(row);
  if (at.getTime() - row.lastSeenAt.getTime() < SESSION_TOUCH_MS)
    return { user, session: { id: sessionId, expiresAt: row.expiresAt }, refreshed: false };
  const expiresAt = new Date(at.getTime() + SESSION_TTL_MS);
  db.update(sessions).set({ lastSeenAt: at, expiresAt }).where(eq(sessions.id, sessionId)).run();
  return { user, session: { id: sessionId, expiresAt }, refreshed: true };
}

/** The user's sessions that still sign in, most recently seen first. */
export function listSessions(userId: number) {
  return getDb()
    .select({
      id: sessions.id,
      device: sessions.device,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now())))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .all();
}

/** Logout: this session stops signing anyone in. */
export function deleteSession(sessionId: string) {
  getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/**
 * Signs out one of the user's other sessions. False when the id is not one of theirs (another
 * user's session, an unknown id) or is the session asking: nothing is deleted then.
 */
export function revokeOtherSession(userId: number, sessionId: string, currentSessionId: string | null): boolean {
  if (sessionId === currentSessionId) return false;
  const result = getDb()
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .run();
  return result.changes > 0;
}

/** "Sign out everywhere else": every session of the user but this one. */
export function revokeOtherSessions(userId: number, currentSessionId: string) {
  getDb()
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
    .run();
}

/** Every session of the user (password change and password reset). */
export function revokeAllSessions(userId: number) {
  getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}
