import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { SessionUser } from "#app/models/users.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { createSession, sessionUserColumns, toSessionUser } from "#app/models/sessions.server.ts";
import { sessionCookie } from "#app/utils/session.server.ts";
import { stores, users } from "#db/schema/index.ts";
import { ORGANIZER_EMAIL, ownerEmail } from "#db/seed/seed.ts";

/** A signed session cookie for a user, as the browser would hold after logging in: a real session row. */
export async function cookieFor(userId: number, device = "Test browser"): Promise<string> {
  return (await sessionCookie(createSession(userId, device))).split(";")[0]!;
}

export function ownerOf(storeSlug: string) {
  const user = getDb()
    .select()
    .from(users)
    .where(eq(users.email, ownerEmail(storeSlug)))
    .get()!;
  const store = getDb().select().from(stores).where(eq(stores.slug, storeSlug)).get()!;
  return { user, store };
}

export function organizer() {
  return getDb().select().from(users).where(eq(users.email, ORGANIZER_EMAIL)).get()!;
}

export const SHOPPER_PASSWORD = "baobab-sunrise-42";
let n = 0;
// argon2id is slow on purpose; one real hash of the shared password serves every shopper this file
// makes (sign-up itself is tested through the route, which hashes each time).
let shopperHash: Promise<string> | undefined;

/**
 * A new shopper account (password SHOPPER_PASSWORD), as sign-up would leave it: address not yet
 * verified, unless `verified` (as after following the link).
 */
export async function newShopper({ verified = false }: { verified?: boolean } = {}): Promise<SessionUser> {
  n += 1;
  shopperHash ??= hash(SHOPPER_PASSWORD);
  const [user] = getDb()
    .insert(users)
    .values({
      email: `shopper${n}-${process.pid}@example.com`,
      passwordHash: await shopperHash,
      role: "shopper",
      locale: "en",
      emailVerifiedAt: verified ? new Date() : null,
    })
    .returning(sessionUserColumns)
    .all();
  return toSessionUser(user!);
}
