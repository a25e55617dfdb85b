import { asc, eq } from "drizzle-orm";
import { getDb } from "#app/utils/db.server.ts";
import { searchSynonyms } from "#db/schema/index.ts";
import { setSearchState } from "#search/indexer.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";

/** Search synonym groups, edited by organizers and applied to Meilisearch by the sync worker. */
export interface SynonymGroup {
  id: number;
  words: string[];
}

export function listSynonyms(actor: Actor): SynonymGroup[] {
  assertOrganizer(actor);
  return getDb()
    .select({ id: searchSynonyms.id, words: searchSynonyms.words })
    .from(searchSynonyms)
    .orderBy(asc(searchSynonyms.id))
    .all();
}

/** "coffee, 咖啡, café" → ["coffee", "咖啡", "café"]: commas (also Chinese ones) or new lines separate words. */
export function parseSynonymWords(text: string): string[] {
  const words = text
    .split(/[,，、\n]/)
    .map((w) => w.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((w) => w.slice(0, 60));
  return [...new Map(words.map((w) => [w.toLowerCase(), w])).values()].slice(0, 20);
}

export type SynonymResult = { ok: true } | { ok: false; error: "tooFew" | "notFound" };

/**
 * Saves a synonym group (new when `id` is absent) and marks synonyms changed in the same
 * transaction; the sync worker applies them to Meilisearch (see applySynonymsIfChanged), and the
 * SQLite fallback reads them from the table directly.
 */
export function saveSynonymGroup(actor: Actor, args: { id?: number; text: string }): SynonymResult {
  assertOrganizer(actor);
  const words = parseSynonymWords(args.text);
  if (words.length < 2) return { ok: false, error: "tooFew" };
  return getDb().transaction((tx) => {
    const at = new Date();
    if (args.id === undefined) {
      const [row] = tx.insert(searchSynonyms).values({ words, updatedAt: at }).returning().all();
      recordAudit(tx, actor, "synonyms.add", { type: "synonyms", id: row!.id }, null, words);
    } else {
      const before = tx.select().from(searchSynonyms).where(eq(searchSynonyms.id, args.id)).get();
      if (!before) return { ok: false, error: "notFound" } as const;
      tx.update(searchSynonyms).set({ words, updatedAt: at }).where(eq(searchSynonyms.id, args.id)).run();
      recordAudit(tx, actor, "synonyms.update", { type: "synonyms", id: args.id }, before.words, words);
    }
    setSearchState(tx, "synonymsChangedAt", at);
    return { ok: true } as const;
  });
}

export function deleteSynonymGroup(actor: Actor, id: number): SynonymResult {
  assertOrganizer(actor);
  return getDb().transaction((tx) => {
    const before = tx.select().from(searchSynonyms).where(eq(searchSynonyms.id, id)).get();
    if (!before) return { ok: false, error: "notFound" } as const;
    tx.delete(searchSynonyms).where(eq(searchSynonyms.id, id)).run();
    recordAudit(tx, actor, "synonyms.remove", { type: "synonyms", id }, before.words, null);
    setSearchState(tx, "synonymsChangedAt", new Date());
    return { ok: true } as const;
  });
}

/**
 * "Add as synonym" from a zero-result query (decision 030): `query` joins the group that already
 * holds `target`, or a new group of the two. Goes through saveSynonymGroup, so the sync worker
 * sends it to Meilisearch as any edited group.
 */
export function addQueryAsSynonym(actor: Actor, query: string, target: string): SynonymResult {
  assertOrganizer(actor);
  const [word] = parseSynonymWords(query);
  const [to] = parseSynonymWords(target);
  if (!word || !to || word.toLowerCase() === to.toLowerCase()) return { ok: false, error: "tooFew" };
  const group = listSynonyms(actor).find((g) => g.words.some((w) => w.toLowerCase() === to.toLowerCase()));
  if (!group) return saveSynonymGroup(actor, { text: `${to}, ${word}` });
  if (group.words.some((w) => w.toLowerCase() === word.toLowerCase())) return { ok: true };
  return saveSynonymGroup(actor, { id: group.id, text: [...group.words, word].join(", ") });
}

/** Edit distance (Levenshtein), for suggesting which searched word a zero-result query may mean. Pure. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The closest query that found something (at most a third of its letters different), or "". */
export function suggestSynonymTarget(query: string, found: string[]): string {
  let best = "";
  let bestDistance = Infinity;
  for (const candidate of found) {
    const d = editDistance(query.toLowerCase(), candidate.toLowerCase());
    if (d > 0 && d < bestDistance && d <= Math.max(1, Math.floor(Math.max(query.length, candidate.length) / 3))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
