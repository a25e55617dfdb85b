import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { loadEnv } from "#app/utils/env.server.ts";
import { IMAGE_WIDTHS, MAX_IMAGE_BYTES, MEDIA_FILE } from "#app/utils/images.ts";

/** Uploaded media live beside the database: data/market.db → data/media/. */
export function mediaDir(): string {
  return path.join(path.dirname(path.resolve(loadEnv().DATABASE_PATH)), "media");
}

export type ImageProblem = "tooLarge" | "notAnImage" | "empty";
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);

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
    const meta = await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata();
    format = meta.format;
    if (!meta.width || !meta.height) return { ok: false, problem: "notAnImage" };
  } catch {
    return { ok: false, problem: "notAnImage" };
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) return { ok: false, problem: "notAnImage" };
  const name = crypto.randomBytes(12).toString("hex");
  const dir = mediaDir();
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  try {
    for (const width of IMAGE_WIDTHS) {
      const file = path.join(dir, `${name}-${width}.webp`);
      await sharp(bytes, { limitInputPixels: 40_000_000 })
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
