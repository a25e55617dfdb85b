/**
 * What the cart's forms can ask for (the value of their `intent` field), posted to the one cart action.
 * Kept apart from cart-form.ts so that the product page's add-to-cart form does not ship zod (#19).
 */
export const CART_INTENT = { add: "add", update: "update", remove: "remove" } as const;
