/**
 * The one clock festival status, deal prices and reservation expiry read. Tests set it to exact
 * instants (a millisecond before a festival starts, at its end) instead of sleeping.
 */
const holder = globalThis as unknown as { __silkRoadClock?: () => Date };

export function now(): Date {
  return holder.__silkRoadClock ? holder.__silkRoadClock() : new Date();
}

/** Fix the clock (a Date), drive it (a function), or give it back to the system (null). */
export function setClock(clock: Date | (() => Date) | null) {
  holder.__silkRoadClock =
    clock === null ? undefined : typeof clock === "function" ? clock : () => new Date(clock.getTime());
}
