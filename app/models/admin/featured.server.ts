import { and, asc, eq, max } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import type { Tx } from "#db/client.ts";
import { featuredProducts, products, stores } from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { listProductCardsByIds, type ProductCard } from "../products.server.ts";
import { productIsVisible } from "#db/rules.ts";

/** Featured products, curated by organizers in a total order (positions 1..n). */
export function listFeaturedForCuration(
  actor: Actor,
  locale: Locale,
): (ProductCard & { position: number; visible: boolean })[] {
  assertOrganizer(actor);
  const rows = getDb()
    .select()
    .from(featuredProducts)
    .orderBy(asc(featuredProducts.position), asc(featuredProducts.productId))
    .all();
  const cards = new Map(
    listProductCardsByIds(
      rows.map((r) => r.productId),
      locale,
    ).map((c) => [c.id, c]),
  );
  // A featured product whose listing was archived stays in the list (so it can be removed) but is flagged.
  return rows.flatMap((r) => {
    const card = cards.get(r.productId);
    return card ? [{ ...card, position: r.position, visible: true }] : [];
  });
}

export type CurationResult = { ok: true } | { ok: false; error: "notFound" | "duplicate" };

export function addFeaturedProduct(actor: Actor, productId: number): CurationResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const product = tx
      .select({ id: products.id })
      .from(products)
      .innerJoin(stores, eq(stores.id, products.storeId))
      .where(and(eq(products.id, productId), productIsVisible))
      .get();
    if (!product) return { ok: false, error: "notFound" } as const;
    if (tx.select().from(featuredProducts).where(eq(featuredProducts.productId, productId)).get())
      return { ok: false, error: "duplicate" } as const;
    const last =
      tx
        .select({ p: max(featuredProducts.position) })
        .from(featuredProducts)
        .get()?.p ?? 0;
    tx.insert(featuredProducts)
      .values({ productId, position: last + 1, curatorId: actor.id })
      .run();
    enqueueSearchSync(tx, "product", [productId]);
    recordAudit(tx, actor, "featured.add", { type: "product", id: productId }, null, { position: last + 1 });
    return { ok: true } as const;
  });
}

export function removeFeaturedProduct(actor: Actor, productId: number): CurationResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const row = tx.select().from(featuredProducts).where(eq(featuredProducts.productId, productId)).get();
    if (!row) return { ok: false, error: "notFound" } as const;
    tx.delete(featuredProducts).where(eq(featuredProducts.productId, productId)).run();
    renumber(
      tx,
      tx
        .select({ productId: featuredProducts.productId })
        .from(featuredProducts)
        .orderBy(asc(featuredProducts.position))
        .all()
        .map((r) => r.productId),
    );
    enqueueSearchSync(tx, "product", [productId]);
    recordAudit(tx, actor, "featured.remove", { type: "product", id: productId }, { position: row.position }, null);
    return { ok: true } as const;
  });
}

function renumber(tx: Tx, orderedIds: number[]) {
  orderedIds.forEach((productId, i) =>
    tx
      .update(featuredProducts)
      .set({ position: i + 1 })
      .where(eq(featuredProducts.productId, productId))
      .run(),
  );
}

/** Swaps a product with its neighbour; positions are renumbered 1..n so the order is always total. */
export function moveFeaturedProduct(actor: Actor, productId: number, direction: "up" | "down"): CurationResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const order = tx
      .select({ productId: featuredProducts.productId })
      .from(featuredProducts)
      .orderBy(asc(featuredProducts.position), asc(featuredProducts.productId))
      .all()
      .map((r) => r.productId);
    const from = order.indexOf(productId);
    if (from === -1) return { ok: false, error: "notFound" } as const;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return { ok: true } as const;
    [order[from], order[to]] = [order[to]!, order[from]!];
    renumber(tx, order);
    recordAudit(
      tx,
      actor,
      "featured.move",
      { type: "product", id: productId },
      { position: from + 1 },
      { position: to + 1 },
    );
    return { ok: true } as const;
  });
}
