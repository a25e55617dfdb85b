import type { AppLoadContext } from "@remix-run/node";
import { localizePath, type Locale } from "#app/i18n/locales.ts";
import { translate } from "#app/i18n/translate.ts";
import { cartCount } from "#app/models/cart.server.ts";
import { savedProductIds } from "#app/models/wishlist.server.ts";
import { claimCountsOf } from "#app/models/vouchers/vouchers.server.ts";
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
    vouchers: user ? claimCountsOf(user.id) : {},
  };
}

/** What React writes for an attribute value or text (react-dom's escapeTextForBrowser). */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Replaces the one occurrence of `from` in `html`; null when it is missing or not alone. */
function replaceOnce(html: string, from: string, to: string): string | null {
  const at = html.indexOf(from);
  if (at < 0 || html.indexOf(from, at + from.length) >= 0) return null;
  return html.slice(0, at) + to + html.slice(at + from.length);
}

const VOUCHER_TICKET = /<li [^>]*data-testid="voucher-(\d+)" data-limit="(\d+)">.*?<\/li>/gs;

/**
 * The shopper's claims on the vouchers a page offers (VoucherTicket in app/components/voucher-claim.tsx):
 * "claimed N", and the claim button says "claim another", or is gone once they hold their limit.
 */
function spliceVoucherClaims(html: string, locale: Locale, claims: Record<string, number>): string | null {
  const claimWord = escapeHtml(translate(locale, "vouchers.claim"));
  let failed = false;
  const out = html.replace(VOUCHER_TICKET, (ticket, id: string, limit: string) => {
    const mine = claims[id] ?? 0;
    if (mine === 0) return ticket;
    const claimed = `<span class="text-sm font-semibold text-green-800" data-testid="voucher-claimed">✓ <!-- -->${escapeHtml(translate(locale, "vouchers.myClaims", { count: mine }))}</span>`;
    let next = replaceOnce(ticket, "<span></span>", claimed);
    if (next === null) {
      failed = true;
      return ticket;
    }
    if (mine >= Number(limit)) {
      // At their limit: no button, and no "all claimed" either.
      const action = /<form [^>]*>.*?<\/form>|<span class="text-sm text-stone-600">[^<]*<\/span>/s.exec(
        next.slice(next.indexOf(claimed) + claimed.length),
      );
      if (!action) failed = true;
      else next = replaceOnce(next, action[0], "");
    } else if (next.includes(`>${claimWord}</button>`)) {
      next = replaceOnce(
        next,
        `>${claimWord}</button>`,
        `>${escapeHtml(translate(locale, "vouchers.claimAgain"))}</button>`,
      );
    }
    if (next === null) failed = true;
    return next ?? ticket;
  });
  return failed ? null : out;
}

const WISHLIST_FORM = /<form [^>]*data-testid="wishlist-form"[^>]*>.*?<\/form>/gs;

/**
 * A saved product's heart (WishlistButton in app/components/wishlist-button.tsx), from the same
 * form unsaved: it posts "remove", is pressed, is labelled "saved", and is filled.
 */
function savedHeart(form: string, locale: Locale): string | null {
  const save = escapeHtml(translate(locale, "wishlist.save"));
  const remove = escapeHtml(translate(locale, "wishlist.remove"));
  let out: string | null = replaceOnce(form, 'value="save" aria-pressed="false"', 'value="remove" aria-pressed="true"');
  if (out !== null) out = replaceOnce(out, ` title="${save}"`, ` title="${remove}"`);
  if (out !== null) out = replaceOnce(out, 'fill="white" stroke="#57534e"', 'fill="#b91c1c" stroke="#b91c1c"');
  if (out === null) return null;
  // The icon's accessible name, or the full button's words.
  if (out.includes(` aria-label="${save}"`))
    return replaceOnce(out, ` aria-label="${save}"`, ` aria-label="${remove}"`);
  return replaceOnce(out, `<span>${save}</span>`, `<span>${escapeHtml(translate(locale, "wishlist.saved"))}</span>`);
}

/**
 * A visitor's own page made from the shared anonymous one (decision 039): their personal data for
 * hydration, their cart count (CartLink), for a signed-in shopper the account link (AccountLink),
 * the hearts of the products they saved and their claims on the vouchers shown. These are the only
 * parts of a catalog page that differ between visitors; tests/integration/personal-splice.test.tsx
 * renders pages both ways and compares them byte for byte. Null when the page cannot be made this
 * way — the parts are not there exactly as rendered, or a signed-in shopper's page has a part that
 * only a render for them can show (marked `data-user-specific`: follow and remind buttons) — and
 * the caller then renders the page for the visitor.
 */
export function splicePersonal(html: string, locale: Locale, personal: Personal): string | null {
  const { user, cartCount: count, wishlist, vouchers } = personal;
  if (user === null && count === 0) return html;
  if (user !== null && html.includes("data-user-specific")) return null;
  const script = (p: Personal) => `id="${PERSONAL_SCRIPT_ID}">${personalJson(p)}</script>`;
  let out = replaceOnce(html, script(NOBODY), script(personal));
  if (out !== null && count > 0) {
    const label = (n: number) =>
      `data-testid="cart-link" aria-label="${escapeHtml(translate(locale, "cart.linkLabel", { count: n }))}"`;
    out = replaceOnce(out, label(0), label(count));
    if (out !== null)
      out = replaceOnce(out, `data-testid="cart-count">0</span>`, `data-testid="cart-count">${count}</span>`);
  }
  if (out === null || user === null) return out;
  // Remix's Link may add data-discover between the two; it is kept as it was rendered.
  const login = `data-testid="login-link"( data-discover="true")? ${escapeRegExp(`href="${localizePath("/login", locale)}">${escapeHtml(translate(locale, "auth.loginTitle"))}</a>`)}`;
  const logins = [...out.matchAll(new RegExp(login, "g"))];
  if (logins.length !== 1) return null;
  const at = logins[0]!.index;
  out =
    out.slice(0, at) +
    `data-testid="account-link"${logins[0]![1] ?? ""} href="${localizePath("/account", locale)}">${escapeHtml(translate(locale, "auth.account"))}</a>` +
    out.slice(at + logins[0]![0].length);
  if (out !== null && Object.keys(vouchers).length > 0) out = spliceVoucherClaims(out, locale, vouchers);
  if (out === null || wishlist.length === 0) return out;
  const saved = new Set(wishlist);
  let failed = false;
  out = out.replace(WISHLIST_FORM, (form) => {
    const id = /name="productId" value="(\d+)"/.exec(form)?.[1];
    if (id === undefined || !saved.has(Number(id))) return form;
    const heart = savedHeart(form, locale);
    if (heart === null) failed = true;
    return heart ?? form;
  });
  return failed ? null : out;
}
