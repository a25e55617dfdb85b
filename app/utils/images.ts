/** Uploaded photos are stored at three widths; URLs name the 1200 px version. Pure helpers shared by pages. */
export const IMAGE_WIDTHS = [320, 640, 1200] as const;
export const MAX_IMAGES_PER_PRODUCT = 8;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MEDIA_FILE = /^([a-f0-9]{24})-(320|640|1200)\.webp$/;

export function isUploadedImage(url: string): boolean {
  return /^\/media\/[a-f0-9]{24}-1200\.webp$/.test(url);
}

/** src + srcset for an image URL: uploaded photos get all widths, generated art is one SVG. */
export function imageSources(url: string): { src: string; srcSet?: string } {
  if (!isUploadedImage(url)) return { src: url };
  const base = url.slice(0, -"-1200.webp".length);
  return { src: `${base}-640.webp`, srcSet: IMAGE_WIDTHS.map((w) => `${base}-${w}.webp ${w}w`).join(", ") };
}
