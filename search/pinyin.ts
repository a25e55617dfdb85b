/**
 * Pinyin for Chinese names, so shoppers can search "kafei", "kf" or a homophone typo such as 咖非
 * and still find 咖啡. Pure functions over pinyin-pro (polyphones: its default reading).
 *
 * Meilisearch matches whole words and prefixes, never the inside of a word, so the searchable text
 * carries each syllable, the joined syllables of every run of two to four consecutive characters
 * ("kafei", "feidou", "kafeidou") and of the whole run, and the same for initials ("kf", "kfd").
 * The SQLite fallback indexes the same text with trigrams, where substrings match anyway.
 */
import { pinyin } from "pinyin-pro";

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
/** Longest run of syllables joined into one searchable word (besides the whole run). */
const MAX_GRAM = 4;
/** Longer runs are not joined whole: nobody types twelve syllables as one word. */
const MAX_WHOLE = 10;

/** The toneless syllables of a run of Chinese characters ("ü" typed as "v", as on keyboards). */
export function syllables(run: string): string[] {
  return pinyin(run, { toneType: "none", type: "array", v: true })
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z]+$/.test(s));
}

function grams(parts: string[], min: number): string[] {
  const out: string[] = [];
  for (let size = min; size <= Math.min(MAX_GRAM, parts.length); size++)
    for (let start = 0; start + size <= parts.length; start++) out.push(parts.slice(start, start + size).join(""));
  if (parts.length > MAX_GRAM && parts.length <= MAX_WHOLE) out.push(parts.join(""));
  return out;
}

export interface PinyinText {
  /** Syllables and joined syllables, space-separated: "ka fei dou kafei feidou kafeidou". */
  full: string;
  /** Joined initials of two or more characters: "kf fd kfd". */
  initials: string;
}

/** The searchable pinyin of a text's Chinese characters; empty strings when it has none. */
export function pinyinText(text: string): PinyinText {
  const full = new Set<string>();
  const initials = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) {
    const parts = syllables(run);
    for (const token of [...parts, ...grams(parts, 2)]) full.add(token);
    for (const token of grams(
      parts.map((p) => p[0]!),
      2,
    ))
      initials.add(token);
  }
  return { full: [...full].join(" "), initials: [...initials].join(" ") };
}

/** Both parts in one string (the SQLite fallback's `pinyin` column). */
export function pinyinSearchText(text: string): string {
  const { full, initials } = pinyinText(text);
  return [full, initials].filter(Boolean).join(" ");
}

/**
 * A Chinese query as pinyin: each run of Chinese characters becomes its joined syllables, anything
 * else is kept ("咖非" → "kafei", "肯尼亚 AA" → "kenniya AA"); null when the query has no Chinese.
 */
export function queryPinyin(q: string): string | null {
  if (!new RegExp(CJK_RUN.source).test(q)) return null;
  const converted = q
    .replace(CJK_RUN, (run) => ` ${syllables(run).join("")} `)
    .replace(/\s+/g, " ")
    .trim();
  return converted === "" ? null : converted;
}

const wordsCache = new Map<string, string[]>();

/**
 * Whether a short Chinese name (a country) is what a pinyin or homophone query means: the query,
 * without spaces (a Chinese one as its pinyin), begins one of the name's pinyin words or initials
 * ("kenniya", "kenni", "kny", 肯尼压 → Kenya's 肯尼亚). For lists small enough to check in code.
 */
export function nameMatchesPinyin(name: string, query: string): boolean {
  const q = (queryPinyin(query) ?? query).toLowerCase().replace(/\s+/g, "");
  if (q.length < 2 || !/^[a-z]+$/.test(q)) return false;
  let words = wordsCache.get(name);
  if (!words) {
    const { full, initials } = pinyinText(name);
    words = [...full.split(" "), ...initials.split(" ")].filter((w) => w.length >= 2);
    if (wordsCache.size < 1000) wordsCache.set(name, words);
  }
  return words.some((w) => w.startsWith(q));
}
