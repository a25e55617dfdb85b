import { remember } from "@epic-web/remember";

/**
 * The one clock festival status, deal prices and reservation expiry read. Tests set it to exact
 * instants (a millisecond before a festival starts, at its end) instead of sleeping.
 */
const holder = remember("clock", () => ({ clock: undefined as (() => Date) | undefined }));

export function now(): Date {
  return holder.clock ? holder.clock() : new Date();
}

/** Fix the clock (a Date), drive it (a function), or give it back to the system (null). */
export function setClock(clock: Date | (() => Date) | null) {
  holder.clock = clock === null ? undefined : typeof clock === "function" ? clock : () => new Date(clock.getTime());
}
