/**
 * The shopper's own recent searches, kept in the browser (localStorage) and never sent to the
 * server: the header box offers them when it is empty, above the hot searches.
 */
const KEY = "recent-searches";
const MAX_ENTRIES = 6;
const MAX_LENGTH = 100;

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const storage = (): Store | null => {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy settings): nothing is remembered
  }
};

export function readRecentSearches(store: Store | null = storage()): string[] {
  try {
    const value: unknown = JSON.parse(store?.getItem(KEY) ?? "[]");
    return Array.isArray(value)
      ? value.filter((q): q is string => typeof q === "string" && q.trim() !== "").slice(0, MAX_ENTRIES)
      : [];
  } catch {
    return [];
  }
}

/** Puts a submitted query first (once, whatever its case); markup and overlong text are not kept. */
export function addRecentSearch(query: string, store: Store | null = storage()): string[] {
  const q = query.replace(/\s+/g, " ").trim();
  const current = readRecentSearches(store);
  if (q === "" || q.length > MAX_LENGTH || /[<>]/.test(q) || !/[\p{L}\p{N}]/u.test(q)) return current;
  const next = [q, ...current.filter((r) => r.toLowerCase() !== q.toLowerCase())].slice(0, MAX_ENTRIES);
  try {
    store?.setItem(KEY, JSON.stringify(next));
  } catch {
    // full or disabled storage: the list is only a convenience
  }
  return next;
}

export function clearRecentSearches(store: Store | null = storage()) {
  try {
    store?.removeItem(KEY);
  } catch {
    // as above
  }
}
