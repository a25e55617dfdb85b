import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isNotNull, sql } from "drizzle-orm";
import sharp from "sharp";
import { getDb } from "#app/utils/db.server.ts";
import { products, reviews, stores } from "#db/schema/index.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { IMAGE_WIDTHS, MAX_IMAGE_BYTES, MEDIA_FILE } from "#app/utils/images.ts";

/** Uploaded media live beside the database: data/market.db → data/media/. */
export function mediaDir(): string {
  return path.join(path.dirname(path.resolve(loadEnv().DATABASE_PATH)), "media");
}

export type ImageProblem = "tooLarge" | "notAnImage" | "empty";
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);

/** Photos above 24 megapixels are refused before decoding (a 40 MP image cost ~7 s of CPU and ~100 MB). */
export const MAX_IMAGE_PIXELS = 24_000_000;

/**
 * At most this many images are decoded at once in the process; the others wait their turn, so a burst
 * of uploads cannot take every core and all the memory. (A few lines rather than a dependency: the
 * queue is a counter and a list of waiting callbacks.)
 */
const DECODE_CONCURRENCY = 2;
const decoding = { running: 0, waiting: [] as (() => void)[] };

async function withDecodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (decoding.running >= DECODE_CONCURRENCY) await new Promise<void>((resolve) => decoding.waiting.push(resolve));
  decoding.running += 1;
  try {
    return await work();
  } finally {
    decoding.running -= 1;
    decoding.waiting.shift()?.();
  }
}

/**
 * Decodes the bytes (the declared type and file name are not trusted: a renamed text file fails
 * here) and writes WebP copies at each width under a random name. Returns the 1200 px URL.
 */
export async function storeImage(
  bytes: Buffer,
): Promise<{ ok: true; url: string; files: string[] } | { ok: false; problem: ImageProblem }> {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, problem: "tooLarge" };
  let format: string | undefined;
  try {
    // The header alone: no pixels are decoded to learn the size.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    format = meta.format;
    if (!meta.width || !meta.height) return { ok: false, problem: "notAnImage" };
    if (meta.width * meta.height > MAX_IMAGE_PIXELS) return { ok: false, problem: "tooLarge" };
  } catch {
    return { ok: false, problem: "notAnImage" };
  }
  return withDecodeSlot(() => encodeWidths(bytes, format));
}

async function encodeWidths(
  bytes: Buffer,
  format: string | undefined,
): Promise<{ ok: true; url: string; files: string[] } | { ok: false; problem: ImageProblem }> {
  if (!format || !ACCEPTED_FORMATS.has(format)) return { ok: false, problem: "notAnImage" };
  const name = crypto.randomBytes(12).toString("hex");
  const dir = mediaDir();
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  try {
    for (const width of IMAGE_WIDTHS) {
      const file = path.join(dir, `${name}-${width}.webp`);
      await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toFile(file);
      files.push(file);
    }
  } catch {
    removeFiles(files);
    return { ok: false, problem: "notAnImage" };
  }
  return { ok: true, url: `/media/${name}-1200.webp`, files };
}

export function removeFiles(files: string[]) {
  for (const file of files) fs.rmSync(file, { force: true });
}

/** Every stored width of an uploaded image URL. */
export function filesOf(url: string): string[] {
  const match = /^\/media\/([a-f0-9]{24})-1200\.webp$/.exec(url);
  if (!match) return [];
  return IMAGE_WIDTHS.map((w) => path.join(mediaDir(), `${match[1]}-${w}.webp`));
}

/** The bytes of a stored file, for names that match our pattern only (no path can be smuggled in). */
export function readMedia(file: string): Buffer | null {
  if (!MEDIA_FILE.test(file)) return null;
  try {
    return fs.readFileSync(path.join(mediaDir(), file));
  } catch {
    return null;
  }
}

/**
 * The orphan sweep: image files no listing or store refers to any more — left by an upload whose
 * write failed or was beaten by another, or by a crash between writing files and the database —
 * are removed once they are older than `minAgeMs` (an upload under way is never touched).
 */
export function removeOrphanMedia(referencedUrls: Iterable<string>, now = Date.now(), minAgeMs = 60 * 60_000): number {
  const dir = mediaDir();
  if (!fs.existsSync(dir)) return 0;
  const referenced = new Set<string>();
  for (const url of referencedUrls) {
    const match = /^\/media\/([a-f0-9]{24})-\d+\.webp$/.exec(url);
    if (match) referenced.add(match[1]!);
  }
  let removed = 0;
  for (const file of fs.readdirSync(dir)) {
    const match = MEDIA_FILE.exec(file);
    if (!match || referenced.has(match[1]!)) continue;
    const full = path.join(dir, file);
    if (now - fs.statSync(full).mtimeMs < minAgeMs) continue;
    fs.rmSync(full, { force: true });
    removed++;
  }
  return removed;
}

/** The sweep over what the database refers to: listings' photos, stores' logos and review photos. */
export function sweepOrphanMedia(now = Date.now()): number {
  const db = getDb();
  const photos = db
    .select({ images: products.images })
    .from(products)
    .where(sql`${products.images} LIKE '%/media/%'`)
    .all()
    .flatMap((r) => r.images);
  const logos = db
    .select({ logo: stores.logoUrl })
    .from(stores)
    .where(isNotNull(stores.logoUrl))
    .all()
    .map((r) => r.logo!);
  const reviewPhotos = db
    .select({ photos: reviews.photos })
    .from(reviews)
    .where(sql`${reviews.photos} <> '[]'`)
    .all()
    .flatMap((r) => r.photos);
  return removeOrphanMedia([...photos, ...logos, ...reviewPhotos], now);
}
