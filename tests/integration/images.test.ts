import fs from "node:fs";
import { routeArgs, runLoader } from "#tests/support/loaders.ts";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import * as images from "#app/routes/($lang).sell.products.$id.images.tsx";
import * as media from "#app/routes/media.$file.ts";
import path from "node:path";
import { findOwnStore } from "#app/models/access.server.ts";
import { filesOf, mediaDir, sweepOrphanMedia } from "#app/models/media.server.ts";
import { deleteOwnProductImage } from "#app/models/owner/images.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { hitRateLimit, resetRateLimits, UPLOAD_LIMIT } from "#app/utils/rate-limit.server.ts";
import { imageSources } from "#app/utils/images.ts";
import { products, searchOutbox } from "#db/schema/index.ts";
import { cookieFor, ownerOf } from "#tests/support/auth.ts";

let cookie: string;
let otherCookie: string;
let productId: number;

const png = (w = 1600, h = 1000) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 180, g: 83, b: 42 } } })
    .png()
    .toBuffer();

async function upload(files: { bytes: Buffer; name: string; type: string }[], who = cookie, id = productId) {
  const form = new FormData();
  for (const f of files) form.append("photos", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  const request = new Request(`http://localhost:3000/sell/products/${id}/images`, {
    method: "POST",
    body: form,
    headers: { Cookie: who },
  });
  try {
    return (await images.action(await routeArgs(request, { id: String(id) }))) as Response;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
const product = () => getDb().select().from(products).where(eq(products.id, productId)).get()!;
const store = () => findOwnStore({ id: ownerOf("ashanti-cocoa-works").user.id, role: "owner" })!;

beforeAll(async () => {
  const a = ownerOf("ashanti-cocoa-works");
  cookie = await cookieFor(a.user.id);
  otherCookie = await cookieFor(ownerOf("bonwire-kente-weavers").user.id);
  productId = getDb().select().from(products).where(eq(products.storeId, a.store.id)).get()!.id;
});

describe("photo uploads", () => {
  test("a PNG is decoded, stored as WebP at three widths, replaces the art placeholder, and is served cached", async () => {
    expect(product().images[0]).toMatch(/^\/art\//);
    const response = await upload([{ bytes: await png(), name: "beans.png", type: "image/png" }]);
    expect(response.headers.get("Location")).toBe(`/sell/products/${productId}?images=added`);
    const [url] = product().images;
    expect(product().images).toHaveLength(1);
    expect(url).toMatch(/^\/media\/[a-f0-9]{24}-1200\.webp$/);
    const files = filesOf(url!);
    for (const file of files) expect(fs.existsSync(file)).toBe(true);
    const widths = await Promise.all(files.map(async (f) => (await sharp(f).metadata()).width));
    expect(widths).toEqual([320, 640, 1200]);
    expect(
      getDb().select().from(searchOutbox).where(eq(searchOutbox.entityId, productId)).all().length,
    ).toBeGreaterThan(0);
    expect(imageSources(url!).srcSet).toContain("-320.webp 320w");

    const served = await runLoader(media.loader, url!, { file: url!.slice("/media/".length) });
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });

  test.each([
    ["a renamed text file", Buffer.from("this is not a picture at all"), "photo.jpg", "image/jpeg", "notAnImage"],
    [
      "a GIF",
      Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64"),
      "a.gif",
      "image/gif",
      "notAnImage",
    ],
    [
      "an SVG",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
      "a.png",
      "image/png",
      "notAnImage",
    ],
    ["an empty file", Buffer.alloc(0), "empty.png", "image/png", "empty"],
  ])("%s is refused and nothing is stored", async (_, bytes, name, type, error) => {
    const before = product().images;
    const filesBefore = fs.readdirSync(
      filesOf(before.find((u) => u.startsWith("/media/")) ?? "/media/000000000000000000000000-1200.webp")[0]!.replace(
        /[^/]+$/,
        "",
      ),
    ).length;
    const response = await upload([{ bytes, name, type }]);
    expect(response.headers.get("Location")).toBe(`/sell/products/${productId}?imageError=${error}`);
    expect(product().images).toEqual(before);
    expect(fs.readdirSync(filesOf(before[0]!)[0]!.replace(/[^/]+$/, "")).length).toBe(filesBefore);
  });

  test("a file over 5 MB is refused", async () => {
    const big = Buffer.concat([await png(10, 10), Buffer.alloc(5 * 1024 * 1024 + 1)]);
    const response = await upload([{ bytes: big, name: "big.png", type: "image/png" }]);
    expect(response.headers.get("Location")).toBe(`/sell/products/${productId}?imageError=tooLarge`);
  });

  test("at most 8 photos per listing", async () => {
    const bytes = await png(200, 200);
    const response = await upload(
      Array.from({ length: 8 }, (_, i) => ({ bytes, name: `${i}.png`, type: "image/png" })),
    );
    expect(response.headers.get("Location")).toBe(`/sell/products/${productId}?imageError=tooMany`);
    expect(product().images).toHaveLength(1);
  });

  test("uploads side by side cannot pass 8 photos together, and the files of the one refused are removed", async () => {
    const photos = () => product().images.filter((u) => u.startsWith("/media/"));
    const start = photos().length;
    const bytes = await png(300, 200);
    // Two uploads that each fit alone (start + 4 ≤ 8) but not together.
    const room = 8 - start;
    const each = Math.floor(room / 2) + 1;
    expect(start + each).toBeLessThanOrEqual(8);
    const before = new Set(fs.readdirSync(mediaDir()));
    const batch = (tag: string) =>
      Array.from({ length: each }, (_, i) => ({ bytes, name: `${tag}${i}.png`, type: "image/png" }));
    const answers = await Promise.all([upload(batch("a")), upload(batch("b"))]);
    const locations = answers.map((r) => r.headers.get("Location"));
    expect(locations.filter((l) => l === `/sell/products/${productId}?imageError=tooMany`)).toHaveLength(1);
    expect(photos()).toHaveLength(start + each);
    // Every new file on disk belongs to a photo the listing keeps: nothing orphaned.
    const added = fs.readdirSync(mediaDir()).filter((f) => !before.has(f));
    const kept = new Set(photos().flatMap((u) => filesOf(u).map((f) => f.split("/").pop())));
    expect(added.length).toBe(each * 3);
    for (const file of added) expect(kept.has(file), file).toBe(true);
    // Put the listing back as it was for the other tests.
    for (const url of photos().slice(start)) deleteOwnProductImage(store(), productId, url);
  });

  test("a photo over 24 megapixels is refused before any decoding", async () => {
    const huge = await sharp({ create: { width: 6000, height: 4100, channels: 3, background: "#b4532a" } })
      .jpeg({ quality: 10 })
      .toBuffer();
    expect(huge.length).toBeLessThan(5 * 1024 * 1024);
    const before = product().images;
    const response = await upload([{ bytes: huge, name: "huge.jpg", type: "image/jpeg" }]);
    expect(response.headers.get("Location")).toBe(`/sell/products/${productId}?imageError=tooLarge`);
    expect(product().images).toEqual(before);
  });

  test("the orphan sweep removes old files nothing refers to, and keeps referenced or recent ones", () => {
    const dir = mediaDir();
    fs.mkdirSync(dir, { recursive: true });
    const orphan = path.join(dir, "0123456789abcdef01234567-320.webp");
    const fresh = path.join(dir, "89abcdef0123456701234567-320.webp");
    fs.writeFileSync(orphan, "x");
    fs.writeFileSync(fresh, "x");
    const hourAgo = new Date(Date.now() - 2 * 60 * 60_000);
    fs.utimesSync(orphan, hourAgo, hourAgo);
    const referenced = product().images.filter((u) => u.startsWith("/media/"));
    for (const file of referenced.flatMap(filesOf)) if (fs.existsSync(file)) fs.utimesSync(file, hourAgo, hourAgo);
    expect(sweepOrphanMedia()).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    for (const file of referenced.flatMap(filesOf)) expect(fs.existsSync(file), file).toBe(true);
    fs.rmSync(fresh);
  });

  test("uploads are limited per owner: past the allowance the upload is refused before anything is decoded", async () => {
    const owner = ownerOf("ashanti-cocoa-works").user.id;
    for (let i = 0; i < UPLOAD_LIMIT.points; i++) await hitRateLimit("upload", String(owner), UPLOAD_LIMIT);
    try {
      const before = product().images;
      const response = await upload([{ bytes: await png(200, 200), name: "x.png", type: "image/png" }]);
      expect(response.headers.get("Location")).toBe(`/sell/products/${productId}?imageError=tooOften`);
      expect(product().images).toEqual(before);
    } finally {
      resetRateLimits();
    }
  });

  test("another owner's listing is 404 and unchanged", async () => {
    const before = product().images;
    const response = await upload([{ bytes: await png(200, 200), name: "x.png", type: "image/png" }], otherCookie);
    expect(response.status).toBe(404);
    expect(product().images).toEqual(before);
  });

  test("deleting a photo removes it and its files", async () => {
    const [url] = product().images;
    const request = new Request(`http://localhost:3000/sell/products/${productId}/images`, {
      method: "POST",
      body: new URLSearchParams({ intent: "delete", url: url! }),
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    });
    const response = (await images.action(await routeArgs(request, { id: String(productId) }))) as Response;
    expect(response.headers.get("Location")).toBe(`/sell/products/${productId}?images=deleted`);
    expect(product().images).toEqual([]);
    expect(filesOf(url!)).toHaveLength(3);
    for (const file of filesOf(url!)) expect(fs.existsSync(file)).toBe(false);
  });

  test("the media route serves nothing but our own file names", async () => {
    for (const file of [
      "../market.db",
      "..%2Fmarket.db",
      "abc.webp",
      "000000000000000000000000-999.webp",
      "session-secret",
    ]) {
      expect((await runLoader(media.loader, `/media/${file}`, { file })).status, file).toBe(404);
    }
  });
});
