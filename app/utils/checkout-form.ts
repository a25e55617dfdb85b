import { z } from "zod";

const required = (max: number) =>
  z
    .string({ error: "checkout.errorRequired" })
    .trim()
    .min(1, { error: "checkout.errorRequired" })
    .max(max, { error: "checkout.errorTooLong" });

/** Where the order goes and who to tell: one schema for the browser (conform) and the action. */
export const shippingSchema = z.object({
  email: z
    .string({ error: "checkout.errorEmail" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "checkout.errorEmail" }))
    .pipe(z.string().max(254, { error: "checkout.errorEmail" })),
  name: required(100),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ()-]{0,30}$/, { error: "checkout.errorPhone" })
    .optional()
    .default(""),
  address: required(200),
  city: required(100),
  postcode: z.string().trim().max(20, { error: "checkout.errorTooLong" }).optional().default(""),
  country: required(60),
});
export type ShippingInput = z.output<typeof shippingSchema>;

/** The email the order's news goes to (the address itself is checked in address-form.server.ts). */
export const emailSchema = shippingSchema.shape.email;
