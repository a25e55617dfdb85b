import { remember } from "@epic-web/remember";

/**
 * A counter bumped whenever this process changes what the index returns (outbox drained, reindex,
 * synonyms applied). Caches of search results key on it, so a change is visible at once.
 */
const holder = remember("indexGeneration", () => ({ generation: 0 }));

export const indexGeneration = () => holder.generation;

export function bumpIndexGeneration() {
  holder.generation += 1;
}
