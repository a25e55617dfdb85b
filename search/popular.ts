/**
 * Pure helpers for what shoppers searched: which logged queries are junk (never shown as hot
 * searches), and the closest popular query to one that found little ("did you mean").
 */
import { queryPinyin } from "./pinyin.ts";

/** Longer queries are pasted text or scripts, not something to offer other shoppers. */
export const MAX_HOT_QUERY_LENGTH = 40;

/**
 * Markup, control characters, URLs, strings longer than `maxLength` and strings without a letter
 * or digit are junk: a script's probes (`<script>`), pasted text, punctuation. Insights keep long
 * queries (a shopper may well type one); hot searches use the short default.
 */
export function isJunkQuery(query: string, maxLength = MAX_HOT_QUERY_LENGTH): boolean {
  const q = query.trim();
  if (q === "" || q.length > maxLength) return true;
  if (/[<>{}\\`]|&[#a-z0-9]+;/i.test(q)) return true;
  if (/[\p{Cc}\p{Cf}\p{Cs}]/u.test(q)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/|www\./i.test(q)) return true;
  return !/[\p{L}\p{N}]/u.test(q);
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++)
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[s.length]![t.length]!;
}

/**
 * The popular query (with results) a shopper most likely meant: one that reads the same in pinyin
 * (咖非 → 咖啡, kafei → 咖啡), else the closest by edit distance (at most one edit per three
 * characters); more searches break ties. Null when none is close.
 */
export function didYouMean(query: string, popular: { query: string; searches: number }[]): string | null {
  const q = query.trim().toLowerCase();
  if (q === "") return null;
  const sound = queryPinyin(q) ?? q.replace(/\s+/g, "");
  let best: { query: string; score: number; searches: number } | null = null;
  for (const candidate of popular) {
    const c = candidate.query.trim().toLowerCase();
    if (c === q || isJunkQuery(c)) continue;
    const candidateSound = queryPinyin(c);
    let score: number;
    if (candidateSound !== null && candidateSound.replace(/\s+/g, "") === sound.replace(/\s+/g, "")) score = 0;
    else {
      const distance = editDistance(q, c);
      if (distance > Math.max(1, Math.floor([...q].length / 3))) continue;
      score = distance;
    }
    if (!best || score < best.score || (score === best.score && candidate.searches > best.searches))
      best = { query: candidate.query.trim(), score, searches: candidate.searches };
  }
  return best?.query ?? null;
}
