import { z } from "zod";
import type { MessageKey } from "#app/i18n/translate.ts";

/**
 * The one schema for creating and editing a listing (owner console). English title is required;
 * Chinese and French are optional but flagged when missing. Prices are typed in US dollars and
 * stored in cents. Errors are message keys, translated where they are shown.
 */
export const MAX_PRICE_DOLLARS = 100_000;

const text = (max: number) => z.string().trim().max(max, { error: "form.tooLong" });

export const productInputSchema = z.object({
  titleEn: text(200).min(1, { error: "form.required" }),
  titleZh: text(200).default(""),
  titleFr: text(200).default(""),
  descriptionEn: text(5000).default(""),
  descriptionZh: text(5000).default(""),
  descriptionFr: text(5000).default(""),
  categorySlug: z.string().regex(/^[a-z0-9-]{1,60}$/, { error: "form.chooseCategory" }),
  tags: z
    .string()
    .max(400, { error: "form.tooLong" })
    .default("")
    .transform((value) => [...new Set(value.split(/[,，、]/).map((t) => t.trim().toLowerCase()).filter(Boolean))])
    .refine((tags) => tags.length <= 10 && tags.every((t) => t.length <= 30), { error: "form.tags" }),
  price: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, { error: "form.price" })
    .transform((value) => Math.round(Number(value) * 100))
    .refine((cents) => cents > 0 && cents <= MAX_PRICE_DOLLARS * 100, { error: "form.price" }),
  stock: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, { error: "form.stock" })
    .transform(Number),
  sku: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, { error: "form.sku" }),
});

export type ProductInput = z.output<typeof productInputSchema>;
export type ProductFieldErrors = Partial<Record<keyof z.input<typeof productInputSchema> | "form", MessageKey>>;

export const PRODUCT_FIELDS = ["titleEn", "titleZh", "titleFr", "descriptionEn", "descriptionZh", "descriptionFr", "categorySlug", "tags", "price", "stock", "sku"] as const;

export function parseProductForm(form: FormData): { ok: true; data: ProductInput } | { ok: false; errors: ProductFieldErrors; values: Record<string, string> } {
  const values = Object.fromEntries(PRODUCT_FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
  const result = productInputSchema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: ProductFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof ProductFieldErrors;
    errors[field] ??= (issue.message.startsWith("form.") ? issue.message : "form.invalid") as MessageKey;
  }
  return { ok: false, errors, values };
}
