import { z } from "zod";
import type { MessageKey } from "#app/i18n/translate.ts";

/**
 * The one schema for creating and editing a listing (owner console). English title is required;
 * Chinese and French are optional but flagged when missing. Prices are typed in US dollars and
 * stored in cents. Errors are message keys, translated where they are shown.
 */
export const MAX_PRICE_DOLLARS = 100_000;

// `{ error }` on z.string covers a missing field: conform turns empty inputs into undefined.
const text = (max: number, missing = "form.required") =>
  z.string({ error: missing }).trim().max(max, { error: "form.tooLong" });

export const productInputSchema = z.object({
  titleEn: text(200).min(1, { error: "form.required" }),
  titleZh: text(200).default(""),
  titleFr: text(200).default(""),
  descriptionEn: text(5000).default(""),
  descriptionZh: text(5000).default(""),
  descriptionFr: text(5000).default(""),
  categorySlug: z.string({ error: "form.chooseCategory" }).regex(/^[a-z0-9-]{1,60}$/, { error: "form.chooseCategory" }),
  tags: z
    .string({ error: "form.tags" })
    .max(400, { error: "form.tooLong" })
    .default("")
    .transform((value) => [
      ...new Set(
        value
          .split(/[,，、]/)
          .map((t) => t.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .refine((tags) => tags.length <= 10 && tags.every((t) => t.length <= 30), { error: "form.tags" }),
  price: z
    .string({ error: "form.price" })
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, { error: "form.price" })
    .transform((value) => Math.round(Number(value) * 100))
    .refine((cents) => cents > 0 && cents <= MAX_PRICE_DOLLARS * 100, { error: "form.price" }),
  stock: z
    .string({ error: "form.stock" })
    .trim()
    .regex(/^\d{1,6}$/, { error: "form.stock" })
    .transform(Number),
  sku: z
    .string({ error: "form.sku" })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, { error: "form.sku" }),
});

export type ProductInput = z.output<typeof productInputSchema>;
export type ProductFieldErrors = Partial<Record<keyof z.input<typeof productInputSchema> | "form", MessageKey>>;

export const PRODUCT_FIELDS = [
  "titleEn",
  "titleZh",
  "titleFr",
  "descriptionEn",
  "descriptionZh",
  "descriptionFr",
  "categorySlug",
  "tags",
  "price",
  "stock",
  "sku",
] as const;
