/**
 * Search as you type on /search runs the page's loader on each pause in typing. Those requests are
 * not searches a shopper submitted, so insights and hot searches must not count them. A short-lived
 * cookie set just before each such request says so: a URL parameter would show in the address bar
 * and in shared links. Submitting the form (Enter, the button) clears it first.
 */
export const SEARCH_TYPING_COOKIE = "search_typing";

export function markSearchTyping() {
  document.cookie = `${SEARCH_TYPING_COOKIE}=1; path=/; max-age=5; samesite=lax`;
}

export function clearSearchTyping() {
  document.cookie = `${SEARCH_TYPING_COOKIE}=; path=/; max-age=0; samesite=lax`;
}

/** Whether this request comes from search as you type. */
export function isSearchTyping(request: Request): boolean {
  return (request.headers.get("Cookie") ?? "").split(";").some((part) => part.trim() === `${SEARCH_TYPING_COOKIE}=1`);
}
