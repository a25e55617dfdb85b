import type { AppLoadContext } from "@remix-run/node";
import type { Locale } from "#app/i18n/locales.ts";
import { translate } from "#app/i18n/translate.ts";
import { cartCount } from "#app/models/cart.server.ts";
import { savedProductIds } from "#app/models/wishlist.server.ts";
import { NOBODY, PERSONAL_SCRIPT_ID, personalJson, type Personal } from "./personal.tsx";

/** The requester's personal parts of a page (see personal.tsx). */
export function personalFor(context: Pick<AppLoadContext, "user" | "cartOwner">): Personal {
  const { user, cartOwner } = context;
  if (user === null && cartOwner === null) return NOBODY;
  return {
    user: user ? { email: user.email, role: user.role } : null,
    cartCount: cartCount(cartOwner),
    // The hearts on cards (decision 028).
    wishlist: user ? savedProductIds(user.id) : [],
  };
}

/** What React writes for an attribute value or text (react-dom's escapeTextForBrowser). */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!,
  );
}

/** Replaces the one occurrence of `from` in `html`; null when it is missing or not alone. */
function replaceOnce(html: string, from: string, to: string): string | null {
  const at = html.indexOf(from);
  if (at < 0 || html.indexOf(from, at + from.length) >= 0) return null;
  return html.slice(0, at) + to + html.slice(at + from.length);
}

/**
 * A guest with a cart gets the shared anonymous page with the cart's count in it: the header's count
 * and its accessible name (CartLink in app/components/layout.tsx), and the page's personal data, so
 * that React hydrates what was sent. These are the only parts of a catalog page that differ for a
 * guest with a cart (decision 039; tests/integration/personal-splice.test.tsx renders both and
 * compares). Null when the page does not have them exactly once: the caller then renders the page
 * for this visitor.
 */
export function spliceCartCount(html: string, locale: Locale, count: number): string | null {
  if (count === 0) return html;
  const personal: Personal = { ...NOBODY, cartCount: count };
  const label = (n: number) =>
    `data-testid="cart-link" aria-label="${escapeHtml(translate(locale, "cart.linkLabel", { count: n }))}"`;
  const script = (p: Personal) => `id="${PERSONAL_SCRIPT_ID}">${personalJson(p)}</script>`;
  let out = replaceOnce(html, script(NOBODY), script(personal));
  if (out !== null) out = replaceOnce(out, label(0), label(count));
  if (out !== null)
    out = replaceOnce(out, `data-testid="cart-count">0</span>`, `data-testid="cart-count">${count}</span>`);
  return out;
}
