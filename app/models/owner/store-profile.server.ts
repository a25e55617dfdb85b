import { eq } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { countries, stores } from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import type { OwnStore } from "../access.server.ts";
import { filesOf, removeFiles, storeImage, type ImageProblem } from "../media.server.ts";

export interface StoreProfileInput {
  nameEn: string;
  nameZh: string;
  nameFr: string;
  taglineEn: string;
  taglineZh: string;
  taglineFr: string;
  storyEn: string;
  storyZh: string;
  storyFr: string;
  countryCode: string;
  cityEn: string;
  cityZh: string;
  cityFr: string;
}

/** Updates the owner's store (and, through the outbox, every product document showing its name). */
export function updateOwnStore(store: OwnStore, input: StoreProfileInput): "ok" | "country" {
  const db = getDb();
  if (!db.select().from(countries).where(eq(countries.code, input.countryCode)).get()) return "country";
  db.transaction((tx) => {
    tx.update(stores).set(input).where(eq(stores.id, store.id)).run();
    enqueueSearchSync(tx, "store", [store.id]);
  });
  return "ok";
}

/** Replaces the store's logo; the old logo's files go once the new one is saved. */
export async function setOwnStoreLogo(
  store: OwnStore,
  bytes: Buffer,
): Promise<{ ok: true } | { ok: false; error: ImageProblem }> {
  const stored = await storeImage(bytes);
  if (!stored.ok) return { ok: false, error: stored.problem };
  getDb().transaction((tx) => {
    tx.update(stores).set({ logoUrl: stored.url }).where(eq(stores.id, store.id)).run();
    enqueueSearchSync(tx, "store", [store.id]);
  });
  if (store.logoUrl) removeFiles(filesOf(store.logoUrl));
  return { ok: true };
}
