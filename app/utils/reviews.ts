/** Review rules shared by forms, pages and the server models (pages cannot import .server modules). */
export const REVIEW_MIN_LENGTH = 4;
export const REVIEW_MAX_LENGTH = 2000;
export const REPLY_MAX_LENGTH = 1000;
export const HIDE_REASON_MAX_LENGTH = 300;
export const MAX_REVIEW_PHOTOS = 3;
export const REVIEWS_PER_PAGE = 10;

/** The owner's review list: awaiting a reply (the default) or all. */
export const OWNER_REVIEW_FILTERS = ["unanswered", "all"] as const;
/** The organizers' review list: published, hidden, 1–2 stars, with photos. */
export const MODERATION_FILTERS = ["visible", "hidden", "low", "photos"] as const;
export type ModerationFilter = (typeof MODERATION_FILTERS)[number];

/** Counted in characters (code points), not UTF-16 units: "咖啡很香" is four, as a reader counts. */
export const textLength = (text: string) => [...text].length;

/** Trimmed (each line's end too), runs of blank lines collapsed to one, control characters (except newlines) made spaces. */
export function cleanReviewText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/(?!\n)[\p{Cc}\p{Cs}]/gu, " ")
    .replace(/[^\S\n]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The average shown to shoppers: one decimal, null without reviews. */
export function ratingAverage(count: number, sum: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}

/**
 * How a reviewer is named on a public page: their display name with all but its first letter
 * masked when it is long enough to identify someone ("Amélie Dubois" → "A***s", "陈静" → "陈*");
 * null when they gave none (the page says "a verified buyer").
 */
export function maskedReviewer(displayName: string): string | null {
  const chars = [...displayName.trim()];
  if (chars.length === 0 || displayName.includes("@")) return null;
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}***${chars.at(-1)}`;
}
