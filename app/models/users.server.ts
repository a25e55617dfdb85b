import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { users } from "#db/schema/index.ts";

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
