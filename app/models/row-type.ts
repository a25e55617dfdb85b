import type { Column } from "drizzle-orm";

/** The row type a `select(columns)` returns, nullability included. */
export type RowOf<T extends Record<string, Column>> = {
  [K in keyof T]: T[K]["_"]["notNull"] extends true ? T[K]["_"]["data"] : T[K]["_"]["data"] | null;
};
