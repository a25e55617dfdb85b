import { z } from "zod";
import { CART_INTENT } from "./cart-intent.ts";
import { formId } from "./intent.ts";

export { CART_INTENT };

const quantity = formId("cart.errorQuantity");
const productId = formId("cart.errorQuantity");

/** Add a quantity, set a line's quantity (0 removes it), or remove a line. Ranges are the cart model's to check. */
export const cartActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal(CART_INTENT.add), productId, quantity }),
    z.object({ intent: z.literal(CART_INTENT.update), productId, quantity }),
    z.object({ intent: z.literal(CART_INTENT.remove), productId }),
  ],
  { error: "cart.errorQuantity" },
);

/** The product id a refused cart form named, when it named one. */
export const submittedProductId = (value: unknown): number | null => productId.safeParse(value).data ?? null;
