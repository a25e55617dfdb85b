/** Cart limits the cart page shows and the cart model enforces. */
export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 50;
