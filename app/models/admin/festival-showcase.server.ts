import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { storeIsOpen } from "#db/rules.ts";
import type { SessionInput } from "#app/utils/festival-form.ts";
import { festivalSessions, festivalStores, festivals, products, stores } from "#db/schema/index.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { dropReminders } from "../reminders.server.ts";

/** A festival's showcase: its featured stores and its schedule of live sessions. */
/** Replaces the featured stores with these slugs, in this order; unknown or unapproved slugs are reported back. */
export function setFestivalStores(
  actor: Actor,
  festivalId: number,
  slugs: string[],
): { ok: true } | { ok: false; error: "notFound"; unknown?: string[] } {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const wanted = [...new Set(slugs)];
    const found =
      wanted.length === 0
        ? []
        : tx
            .select({ id: stores.id, slug: stores.slug })
            .from(stores)
            .where(and(inArray(stores.slug, wanted), storeIsOpen))
            .all();
    const unknown = wanted.filter((s) => !found.some((f) => f.slug === s));
    if (unknown.length > 0) return { ok: false, error: "notFound", unknown } as const;
    const before = tx
      .select()
      .from(festivalStores)
      .where(eq(festivalStores.festivalId, festivalId))
      .orderBy(asc(festivalStores.position))
      .all();
    tx.delete(festivalStores).where(eq(festivalStores.festivalId, festivalId)).run();
    const ids = wanted.map((s) => found.find((f) => f.slug === s)!.id);
    if (ids.length > 0)
      tx.insert(festivalStores)
        .values(ids.map((storeId, position) => ({ festivalId, storeId, position })))
        .run();
    recordAudit(
      tx,
      actor,
      "festival.stores",
      { type: "festival", id: festivalId },
      before.map((b) => b.storeId),
      ids,
    );
    return { ok: true } as const;
  });
}

export function addSession(
  actor: Actor,
  festivalId: number,
  input: SessionInput,
): { ok: true } | { ok: false; error: "notFound" | "storeNotFound" | "productsNotOfStore" } {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.id, festivalId)).get())
      return { ok: false, error: "notFound" } as const;
    const store = tx
      .select({ id: stores.id })
      .from(stores)
      .where(and(eq(stores.slug, input.storeSlug), storeIsOpen))
      .get();
    if (!store) return { ok: false, error: "storeNotFound" } as const;
    if (input.productIds.length > 0) {
      const own = tx
        .select({ id: products.id })
        .from(products)
        .where(and(inArray(products.id, input.productIds), eq(products.storeId, store.id)))
        .all();
      if (own.length !== input.productIds.length) return { ok: false, error: "productsNotOfStore" } as const;
    }
    const { storeSlug: _slug, ...rest } = input;
    const [row] = tx
      .insert(festivalSessions)
      .values({ ...rest, festivalId, storeId: store.id })
      .returning()
      .all();
    recordAudit(tx, actor, "festival.session.add", { type: "festival", id: festivalId }, null, {
      sessionId: row!.id,
      ...input,
    });
    return { ok: true } as const;
  });
}

export function removeSession(actor: Actor, festivalId: number, sessionId: number): { ok: boolean } {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = tx
      .select()
      .from(festivalSessions)
      .where(and(eq(festivalSessions.id, sessionId), eq(festivalSessions.festivalId, festivalId)))
      .get();
    if (!before) return { ok: false };
    tx.delete(festivalSessions).where(eq(festivalSessions.id, sessionId)).run();
    // Its shoppers' reminders go with it (decision 036).
    dropReminders(tx, "session", [sessionId]);
    recordAudit(
      tx,
      actor,
      "festival.session.remove",
      { type: "festival", id: festivalId },
      { sessionId, titleEn: before.titleEn, storeId: before.storeId },
      null,
    );
    return { ok: true };
  });
}
