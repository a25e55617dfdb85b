/** The engine-independent answer of a product search (the /api/search JSON is exactly this). */
export type Locale = "en" | "zh" | "fr";

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  storeName: string;
  storeSlug: string;
  countryCode: string;
  category: string;
  priceCents: number;
  /** The festival price while a published festival with a deal on it is live; absent otherwise. */
  dealPriceCents?: number;
  /** Which festival that price comes from, and the saving (present exactly when dealPriceCents is). */
  deal?: { percentOff: number; festival: { slug: string; name: string } };
  currency: string;
  inStock: boolean;
  imageUrl: string | null;
  /** Visible reviews' average and count (decision 028); absent without reviews. */
  rating?: { average: number; count: number };
  /** The title with matches wrapped in <mark>; every other character is HTML-escaped. */
  highlight: string;
}

export interface SearchResult {
  engine: "meilisearch" | "sqlite";
  query: string;
  page: number;
  totalPages: number;
  totalHits: number;
  hitsPerPage: number;
  hits: SearchHit[];
  facets: Record<
    "country" | "category" | "store" | "price" | "inStock" | "flashSale" | "voucher",
    Record<string, number>
  >;
  processingTimeMs: number;
  /** Set when a Chinese query found more as pinyin (咖非 → "kafei") and these are those results. */
  pinyinQuery?: string;
}

export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Text with private-use markers around matches → parts a renderer can show safely. */
export function highlightParts(marked: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  for (const piece of marked.split(/([\uE000\uE001])/)) {
    if (piece === MARK_START) match = true;
    else if (piece === MARK_END) match = false;
    else if (piece !== "") parts.push({ text: piece, match });
  }
  return parts;
}

export function highlightHtml(marked: string): string {
  return highlightParts(marked)
    .map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text)))
    .join("");
}

/** Marks case-insensitive occurrences of the query's words (the fallback engine has no highlighter). */
export function markTerms(text: string, terms: string[]): string {
  const wanted = terms.filter((t) => t.length > 0).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (wanted.length === 0) return text;
  const clean = text.replace(/[\uE000\uE001]/g, "");
  return clean.replace(new RegExp(`(${wanted.join("|")})`, "giu"), `${MARK_START}$1${MARK_END}`);
}

export function emptyFacets(): SearchResult["facets"] {
  return { country: {}, category: {}, store: {}, price: {}, inStock: {}, flashSale: {}, voucher: {} };
}
