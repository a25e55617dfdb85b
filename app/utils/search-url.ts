/**
 * Builds /search URLs from the current query string: set or remove parameters, and go back to page 1
 * whenever the result set changes (any change other than the page itself).
 */
export function searchHref(current: string | URLSearchParams, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(name);
    else params.set(name, value);
  }
  if (!("page" in changes)) params.delete("page");
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/** The text and the marked parts of a highlight produced by the search engines (<mark> around matches, HTML-escaped). */
export function parseHighlight(html: string): { text: string; match: boolean }[] {
  const unescape = (s: string) =>
    s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
  const parts: { text: string; match: boolean }[] = [];
  for (const [i, piece] of html.split(/<\/?mark>/).entries()) {
    if (piece !== "") parts.push({ text: unescape(piece), match: i % 2 === 1 });
  }
  return parts;
}
