import { getDb } from "#app/utils/db.server.ts";
import { MAX_IMAGES_PER_PRODUCT, isUploadedImage } from "#app/utils/images.ts";
import { products } from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import type { OwnStore } from "../access.server.ts";
import { filesOf, removeFiles, storeImage } from "../media.server.ts";
import { getOwnProduct, ownProductCondition } from "./listings.server.ts";

export type ImageUploadResult =
  { ok: true; added: number } | { ok: false; error: "notFound" | "tooMany" | "tooLarge" | "notAnImage" | "empty" };

/**
 * Adds photos to one of the store's listings: every file is decoded and re-encoded first (any bad
 * file refuses the whole upload), then the listing's image list and its search-sync row are written
 * in one transaction. The generated art placeholder gives way to the first real photo.
 */
export async function addOwnProductImages(
  store: OwnStore,
  productId: number,
  uploads: Buffer[],
): Promise<ImageUploadResult> {
  const product = getOwnProduct(store, productId);
  if (!product) return { ok: false, error: "notFound" };
  const kept = product.images.filter(isUploadedImage);
  if (uploads.length === 0) return { ok: false, error: "empty" };
  if (kept.length + uploads.length > MAX_IMAGES_PER_PRODUCT) return { ok: false, error: "tooMany" };
  const stored: { url: string; files: string[] }[] = [];
  for (const bytes of uploads) {
    const result = await storeImage(bytes);
    if (!result.ok) {
      for (const s of stored) removeFiles(s.files);
      return { ok: false, error: result.problem };
    }
    stored.push(result);
  }
  // The count is checked again with the write, in one transaction: uploads running side by side each
  // decoded their files against the count read before, and only as many as fit may land. The files
  // of an upload that does not land are removed (the orphan sweep catches any a crash leaves).
  let landed: "ok" | "tooMany" | "vanished";
  try {
    landed = getDb().transaction(
      (tx) => {
        const current = tx
          .select({ images: products.images })
          .from(products)
          .where(ownProductCondition(store, productId))
          .get();
        if (!current) return "vanished" as const;
        const photos = current.images.filter(isUploadedImage);
        if (photos.length + stored.length > MAX_IMAGES_PER_PRODUCT) return "tooMany" as const;
        tx.update(products)
          .set({ images: [...photos, ...stored.map((s) => s.url)], updatedAt: new Date() })
          .where(ownProductCondition(store, productId))
          .run();
        enqueueSearchSync(tx, "product", [productId]);
        return "ok" as const;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    for (const s of stored) removeFiles(s.files);
    throw error;
  }
  if (landed !== "ok") {
    for (const s of stored) removeFiles(s.files);
    return { ok: false, error: landed === "tooMany" ? "tooMany" : "notFound" };
  }
  return { ok: true, added: stored.length };
}

/** Removes one photo (and its alternative text) from one of the store's listings, then its files. */
export function deleteOwnProductImage(store: OwnStore, productId: number, url: string): boolean {
  const product = getOwnProduct(store, productId);
  if (!product || !product.images.includes(url)) return false;
  const { [url]: _removed, ...imageAlts } = product.imageAlts;
  getDb().transaction((tx) => {
    tx.update(products)
      .set({ images: product.images.filter((u) => u !== url), imageAlts, updatedAt: new Date() })
      .where(ownProductCondition(store, productId))
      .run();
    enqueueSearchSync(tx, "product", [productId]);
  });
  removeFiles(filesOf(url));
  return true;
}

export const IMAGE_MOVES = ["cover", "earlier", "later"] as const;
export type ImageMove = (typeof IMAGE_MOVES)[number];

/**
 * Reorders the photos of one of the store's listings: one photo becomes the cover (first), or
 * swaps with its neighbour. False when the listing or the photo is not the store's. The search
 * document follows (it shows the cover).
 */
export function moveOwnProductImage(store: OwnStore, productId: number, url: string, move: ImageMove): boolean {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ images: products.images })
        .from(products)
        .where(ownProductCondition(store, productId))
        .get();
      const from = row ? row.images.indexOf(url) : -1;
      if (!row || from < 0) return false;
      const images = [...row.images];
      const to =
        move === "cover" ? 0 : move === "earlier" ? Math.max(0, from - 1) : Math.min(images.length - 1, from + 1);
      images.splice(from, 1);
      images.splice(to, 0, url);
      tx.update(products).set({ images, updatedAt: new Date() }).where(ownProductCondition(store, productId)).run();
      enqueueSearchSync(tx, "product", [productId]);
      return true;
    },
    { behavior: "immediate" },
  );
}

export const MAX_ALT_LENGTH = 200;

export type AltTextResult = { ok: true } | { ok: false; error: "notFound" | "tooLong" };

/** Sets the alternative text of one photo in the three languages (blank: described by the product's title). */
export function setOwnProductImageAlt(
  store: OwnStore,
  productId: number,
  url: string,
  alt: { en: string; zh: string; fr: string },
): AltTextResult {
  const text = { en: alt.en.trim(), zh: alt.zh.trim(), fr: alt.fr.trim() };
  if (Object.values(text).some((v) => v.length > MAX_ALT_LENGTH)) return { ok: false, error: "tooLong" };
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select({ images: products.images, imageAlts: products.imageAlts })
        .from(products)
        .where(ownProductCondition(store, productId))
        .get();
      if (!row || !row.images.includes(url)) return { ok: false as const, error: "notFound" as const };
      const { [url]: _old, ...others } = row.imageAlts;
      const kept = Object.fromEntries(Object.entries(text).filter(([, v]) => v !== ""));
      const imageAlts = Object.keys(kept).length > 0 ? { ...others, [url]: kept } : others;
      tx.update(products).set({ imageAlts, updatedAt: new Date() }).where(ownProductCondition(store, productId)).run();
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}
