import { and, asc, count, desc, eq, gte, sql } from "drizzle-orm";
import type { Locale } from "#app/i18n/locales.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now as clockNow } from "#db/clock.ts";
import { searchQueries } from "#db/schema/index.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { isJunkQuery } from "#search/popular.ts";
import { MAX_QUERY_LENGTH } from "#search/query.ts";
import { flushSearchLog } from "../search.server.ts";

export interface QueryStat {
  query: string;
  searches: number;
  lastHits: number;
}

/** Top and zero-result queries in a locale over the last `days` days (lower-cased, trimmed, empty queries left out). */
export function getSearchInsights(actor: Actor, args: { locale: Locale | "all"; days: number; limit?: number }) {
  assertOrganizer(actor);
  flushSearchLog();
  const db = getDb();
  const since = new Date(clockNow().getTime() - args.days * 86_400_000);
  const where = and(
    gte(searchQueries.at, since),
    sql`trim(${searchQueries.query}) <> ''`,
    args.locale === "all" ? undefined : eq(searchQueries.locale, args.locale),
  );
  const normalized = sql<string>`lower(trim(${searchQueries.query}))`;
  const top = db
    .select({ query: normalized, searches: count(), lastHits: sql<number>`max(${searchQueries.hits})` })
    .from(searchQueries)
    .where(where)
    .groupBy(normalized)
    .orderBy(desc(count()), asc(normalized))
    .limit((args.limit ?? 25) * 2)
    .all()
    // Junk is no longer logged (app/models/search.server.ts); rows from before are left out here.
    .filter((row) => !isJunkQuery(row.query, MAX_QUERY_LENGTH))
    .slice(0, args.limit ?? 25);
  const zero = db
    .select({ query: normalized, searches: count(), lastHits: sql<number>`0` })
    .from(searchQueries)
    .where(and(where, eq(searchQueries.hits, 0)))
    .groupBy(normalized)
    .orderBy(desc(count()), asc(normalized))
    .limit((args.limit ?? 25) * 2)
    .all()
    .filter((row) => !isJunkQuery(row.query, MAX_QUERY_LENGTH))
    .slice(0, args.limit ?? 25);
  const total = db.select({ n: count() }).from(searchQueries).where(where).get()?.n ?? 0;
  return { top, zero, total };
}
