/**
 * A counter bumped whenever this process changes what the index returns (outbox drained, reindex,
 * synonyms applied). Caches of search results key on it, so a change is visible at once.
 */
const holder = globalThis as unknown as { __silkRoadIndexGeneration?: number };

export const indexGeneration = () => holder.__silkRoadIndexGeneration ?? 0;

export function bumpIndexGeneration() {
  holder.__silkRoadIndexGeneration = indexGeneration() + 1;
}
