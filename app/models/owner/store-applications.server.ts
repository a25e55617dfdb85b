import { eq } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { countries, stores, users } from "#db/schema/index.ts";
import { slugify, uniqueSlug } from "#db/text.ts";
import type { Actor } from "../access.server.ts";

/**
 * A shopper applies to open a store: the store is created `pending` (invisible to shoppers until an
 * organizer approves it) and the user becomes its owner, in one transaction. One store per owner.
 */
export function applyForStore(
  actor: Actor,
  input: { nameEn: string; nameZh: string; nameFr: string; countryCode: string; cityEn: string },
): { ok: true; storeId: number } | { ok: false; error: "alreadyOwner" | "country" } {
  const db = getDb();
  if (actor.role !== "shopper") return { ok: false, error: "alreadyOwner" };
  if (!db.select().from(countries).where(eq(countries.code, input.countryCode)).get())
    return { ok: false, error: "country" };
  return db.transaction((tx) => {
    const slug = uniqueSlug(slugify(input.nameEn) || "store", (s) =>
      Boolean(tx.select({ id: stores.id }).from(stores).where(eq(stores.slug, s)).get()),
    );
    const [store] = tx
      .insert(stores)
      .values({
        slug,
        ownerId: actor.id,
        nameEn: input.nameEn,
        nameZh: input.nameZh,
        nameFr: input.nameFr,
        countryCode: input.countryCode,
        cityEn: input.cityEn,
        cityZh: "",
        cityFr: "",
        status: "pending",
      })
      .returning({ id: stores.id })
      .all();
    tx.update(users).set({ role: "owner" }).where(eq(users.id, actor.id)).run();
    return { ok: true as const, storeId: store!.id };
  });
}
