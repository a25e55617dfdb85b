import { z } from "zod";
import { dollarsToCents } from "./form-values.ts";
import { formId } from "./intent.ts";
import { parseBeijingLocal } from "./festival-form.ts";

/**
 * The festival editor's flash-sale slot forms (秒杀, decision 035): one zod object per intent. Times
 * are entered in Beijing time, prices in US dollars; refusals are message keys.
 */
export const SLOT_INTENT = {
  addSlot: "add-flash-slot",
  removeSlot: "remove-flash-slot",
  addItem: "add-flash-slot-item",
  removeItem: "remove-flash-slot-item",
} as const;

const beijing = z
  .string({ error: "admin.errorDate" })
  .transform(
    (v, ctx) => parseBeijingLocal(v) ?? (ctx.addIssue({ code: "custom", message: "admin.errorDate" }), z.NEVER),
  );

export const flashSlotSchema = z.discriminatedUnion("intent", [
  z
    .object({ intent: z.literal(SLOT_INTENT.addSlot), startsAt: beijing, endsAt: beijing })
    .refine((s) => s.endsAt.getTime() > s.startsAt.getTime(), {
      path: ["endsAt"],
      error: "admin.errorEndBeforeStart",
    }),
  z.object({ intent: z.literal(SLOT_INTENT.removeSlot), slotId: formId("admin.errorNotFound") }),
  z.object({
    intent: z.literal(SLOT_INTENT.addItem),
    slotId: formId("admin.errorNotFound"),
    /** A product id or slug. */
    product: z
      .string({ error: "slots.errorProduct" })
      .trim()
      .regex(/^[a-z0-9-]{1,200}$/, { error: "slots.errorProduct" }),
    price: z.string({ error: "slots.errorPrice" }).transform((value, ctx) => {
      const cents = dollarsToCents(value);
      if (cents === null || cents <= 0) ctx.addIssue({ code: "custom", message: "slots.errorPrice" });
      return cents ?? z.NEVER;
    }),
    stock: z
      .string({ error: "slots.errorStock" })
      .trim()
      .regex(/^[1-9]\d{0,5}$/, { error: "slots.errorStock" })
      .transform(Number),
    perShopperLimit: z
      .string()
      .trim()
      .regex(/^(?:[1-9]\d{0,2})?$/, { error: "admin.errorLimitRange" })
      .optional()
      .transform((v) => (v ? Number(v) : null)),
  }),
  z.object({ intent: z.literal(SLOT_INTENT.removeItem), itemId: formId("admin.errorNotFound") }),
]);
export type FlashSlotInput = z.output<typeof flashSlotSchema>;
export const isFlashSlotIntent = (intent: unknown) =>
  typeof intent === "string" && (Object.values(SLOT_INTENT) as string[]).includes(intent);
