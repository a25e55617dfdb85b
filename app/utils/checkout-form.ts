import { z } from "zod";

/**
 * The email an order's news goes to. The address itself is checked on the server by
 * app/utils/address-form.server.ts (decision 026).
 */
export const emailSchema = z
  .string({ error: "checkout.errorEmail" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "checkout.errorEmail" }))
  .pipe(z.string().max(254, { error: "checkout.errorEmail" }));
