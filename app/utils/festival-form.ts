import { z } from "zod";

/**
 * The festival and showcase-session forms: one zod schema each, used by conform in the browser and
 * by the action. Festival times are entered in Beijing time (the shoppers' time; China has no
 * daylight saving) and stored as UTC instants.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** "2026-12-01T10:00" in Beijing time → the UTC instant (China has no daylight saving time). */
export function parseBeijingLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) - BEIJING_OFFSET_MS;
  const date = new Date(utc);
  return Number.isNaN(utc) ? null : date;
}

export function toBeijingLocal(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

const text = (maxLength: number) => z.string().trim().max(maxLength, { error: "admin.errorTooLong" });
const required = (maxLength: number) =>
  z
    .string({ error: "admin.errorRequired" })
    .trim()
    .min(1, { error: "admin.errorRequired" })
    .max(maxLength, { error: "admin.errorTooLong" });

export const festivalInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: "admin.errorSlug" })
      .optional(),
    nameEn: required(120),
    nameZh: required(120),
    nameFr: required(120),
    taglineEn: text(300).optional().default(""),
    taglineZh: text(300).optional().default(""),
    taglineFr: text(300).optional().default(""),
    themeColor: z.string({ error: "admin.errorColor" }).regex(/^#[0-9a-fA-F]{6}$/, { error: "admin.errorColor" }),
    startsAt: z
      .string({ error: "admin.errorDate" })
      .transform(
        (v, ctx) => parseBeijingLocal(v) ?? (ctx.addIssue({ code: "custom", message: "admin.errorDate" }), z.NEVER),
      ),
    endsAt: z
      .string({ error: "admin.errorDate" })
      .transform(
        (v, ctx) => parseBeijingLocal(v) ?? (ctx.addIssue({ code: "custom", message: "admin.errorDate" }), z.NEVER),
      ),
  })
  .refine((f) => f.endsAt.getTime() > f.startsAt.getTime(), { path: ["endsAt"], error: "admin.errorEndBeforeStart" });
export type FestivalInput = z.output<typeof festivalInputSchema>;

export const sessionInputSchema = z
  .object({
    storeSlug: z
      .string({ error: "admin.errorRequired" })
      .trim()
      .regex(/^[a-z0-9-]{1,100}$/, { error: "admin.errorStore" }),
    titleEn: required(160),
    titleZh: required(160),
    titleFr: required(160),
    startsAt: z
      .string({ error: "admin.errorDate" })
      .transform(
        (v, ctx) => parseBeijingLocal(v) ?? (ctx.addIssue({ code: "custom", message: "admin.errorDate" }), z.NEVER),
      ),
    endsAt: z
      .string({ error: "admin.errorDate" })
      .transform(
        (v, ctx) => parseBeijingLocal(v) ?? (ctx.addIssue({ code: "custom", message: "admin.errorDate" }), z.NEVER),
      ),
    productIds: z
      .string()
      .optional()
      .default("")
      .transform((v) =>
        [
          ...new Set(
            v
              .split(/[\s,，]+/)
              .filter((x) => /^\d{1,9}$/.test(x))
              .map(Number),
          ),
        ].slice(0, 12),
      ),
  })
  .refine((s) => s.endsAt.getTime() > s.startsAt.getTime(), { path: ["endsAt"], error: "admin.errorEndBeforeStart" });
export type SessionInput = z.output<typeof sessionInputSchema>;
