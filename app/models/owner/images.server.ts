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

/** Removes one photo from one of the store's listings, then its files. */
export function deleteOwnProductImage(store: OwnStore, productId: number, url: string): boolean {
  const product = getOwnProduct(store, productId);
  if (!product || !product.images.includes(url)) return false;
  getDb().transaction((tx) => {
    tx.update(products)
      .set({ images: product.images.filter((u) => u !== url), updatedAt: new Date() })
      .where(ownProductCondition(store, productId))
      .run();
    enqueueSearchSync(tx, "product", [productId]);
  });
  removeFiles(filesOf(url));
  return true;
}
