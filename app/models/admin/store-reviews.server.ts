import { and, asc, count, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { BEIJING_OFFSET_MS } from "#app/utils/datetime.ts";
import type { Locale } from "#app/i18n/locales.ts";
import { STORE_FILTERS, type StoreFilter } from "#app/utils/admin-constants.ts";
import { getDb } from "#app/utils/db.server.ts";
import { paginate, type Pagination } from "#app/utils/params.ts";
import { now as clockNow } from "#db/clock.ts";
import { isOpenStore, productIsListed, type StoreStatus } from "#db/rules.ts";
import { localizedColumns } from "#db/columns.ts";
import { countries, products, stores, users } from "#db/schema/index.ts";
import { enqueueSearchSync } from "#search/outbox.ts";
import { assertOrganizer, type Actor } from "../access.server.ts";
import { recordAudit } from "../audit.server.ts";
import { pick } from "../localize.ts";
import { notifyStoreDecision } from "../notify-events.server.ts";

/**
 * Store applications and reviews. Every change writes its audit row and its search outbox row in
 * the same transaction.
 */
export const STORE_DECISIONS = ["approve", "reject", "suspend"] as const;
export type StoreDecision = (typeof STORE_DECISIONS)[number];
export type ReviewResult = { ok: true } | { ok: false; error: "notFound" | "reasonRequired" | "notAllowed" };

/** Which status a decision may start from: approve pending, rejected or suspended stores; reject pending ones; suspend approved ones. */
const ALLOWED_FROM: Record<StoreDecision, readonly StoreStatus[]> = {
  approve: ["pending", "rejected", "suspended"],
  reject: ["pending"],
  suspend: ["approved"],
};
const RESULT_STATUS: Record<StoreDecision, StoreStatus> = {
  approve: "approved",
  reject: "rejected",
  suspend: "suspended",
};

export interface ReviewStoreRow {
  id: number;
  slug: string;
  name: string;
  ownerEmail: string;
  country: string;
  city: string;
  tagline: string;
  status: StoreFilter;
  /** Shoppers can see the store (and its listings). */
  open: boolean;
  /** The decisions its status allows, for the review buttons. */
  decisions: StoreDecision[];
  reviewNote: string;
  createdAt: string;
  products: number;
}

/** The search and filters of the applications page (decision 030); dates are Beijing calendar days. */
export interface StoreSearch {
  /** Part of the store's name (any language), its slug or its owner's email. */
  q?: string;
  country?: string;
  /** Applied on or after / on or before, YYYY-MM-DD in Beijing time. */
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function storeSearchWhere(search: StoreSearch): SQL | undefined {
  const parts: SQL[] = [];
  const q = search.q?.trim().slice(0, 100);
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const match = (column: SQLiteColumn) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;
    parts.push(
      or(match(stores.nameEn), match(stores.nameZh), match(stores.nameFr), match(stores.slug), match(users.email))!,
    );
  }
  if (search.country && /^[A-Z]{2}$/.test(search.country)) parts.push(eq(stores.countryCode, search.country));
  if (search.from && DAY.test(search.from))
    parts.push(gte(stores.createdAt, new Date(Date.parse(`${search.from}T00:00:00Z`) - BEIJING_OFFSET_MS)));
  if (search.to && DAY.test(search.to))
    parts.push(lt(stores.createdAt, new Date(Date.parse(`${search.to}T00:00:00Z`) + 86_400_000 - BEIJING_OFFSET_MS)));
  return parts.length > 0 ? and(...parts) : undefined;
}

export function listStoresForReview(
  actor: Actor,
  locale: Locale,
  filter: { status: StoreFilter; page: number } & StoreSearch,
): { items: ReviewStoreRow[]; pagination: Pagination; counts: Record<StoreFilter, number> } {
  assertOrganizer(actor);
  const db = getDb();
  const searched = storeSearchWhere(filter);
  const counts = Object.fromEntries(STORE_FILTERS.map((s) => [s, 0])) as Record<StoreFilter, number>;
  for (const row of db
    .select({ status: stores.status, n: count() })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerId))
    .where(searched)
    .groupBy(stores.status)
    .all())
    counts[row.status] = row.n;
  const pagination = paginate(filter.page, counts[filter.status], 25);
  const items = db
    .select({
      store: stores,
      ownerEmail: users.email,
      ...localizedColumns(countries, "name", "country"),
    })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerId))
    .innerJoin(countries, eq(countries.code, stores.countryCode))
    .where(and(eq(stores.status, filter.status), searched))
    .orderBy(filter.status === "pending" ? asc(stores.createdAt) : asc(stores.nameEn), asc(stores.id))
    .limit(pagination.pageSize)
    .offset(pagination.offset)
    .all();
  const productCounts = new Map(
    items.length === 0
      ? []
      : db
          .select({ storeId: products.storeId, n: count() })
          .from(products)
          .where(
            and(
              inArray(
                products.storeId,
                items.map((i) => i.store.id),
              ),
              productIsListed,
            ),
          )
          .groupBy(products.storeId)
          .all()
          .map((r) => [r.storeId, r.n]),
  );
  return {
    counts,
    pagination,
    items: items.map(({ store, ownerEmail, ...country }) => ({
      id: store.id,
      slug: store.slug,
      name: pick(store, "name", locale),
      ownerEmail,
      country: pick(country, "country", locale),
      city: pick(store, "city", locale),
      tagline: pick(store, "tagline", locale),
      status: store.status,
      open: isOpenStore(store),
      decisions: STORE_DECISIONS.filter((d) => ALLOWED_FROM[d].includes(store.status)),
      reviewNote: store.reviewNote,
      createdAt: store.createdAt.toISOString(),
      products: productCounts.get(store.id) ?? 0,
    })),
  };
}

/**
 * Approves, rejects or suspends a store. Its products join or leave search and listings at once:
 * listings read the store's status, and the store's outbox row re-indexes every product of it.
 */
export function reviewStore(
  actor: Actor,
  args: { storeId: number; decision: StoreDecision; reason: string },
): ReviewResult {
  assertOrganizer(actor);
  const reason = args.reason.trim().slice(0, 1000);
  if (args.decision !== "approve" && reason === "") return { ok: false, error: "reasonRequired" };
  return getDb().transaction((tx) => {
    const store = tx.select().from(stores).where(eq(stores.id, args.storeId)).get();
    if (!store) return { ok: false, error: "notFound" } as const;
    if (!ALLOWED_FROM[args.decision].includes(store.status)) return { ok: false, error: "notAllowed" } as const;
    const status = RESULT_STATUS[args.decision];
    const set = {
      status,
      reviewNote: args.decision === "approve" ? "" : reason,
      ...(args.decision === "approve" && !store.approvedAt ? { approvedAt: clockNow() } : {}),
    };
    tx.update(stores).set(set).where(eq(stores.id, store.id)).run();
    enqueueSearchSync(tx, "store", [store.id]);
    notifyStoreDecision(
      tx,
      store.id,
      status as "approved" | "rejected" | "suspended",
      set.reviewNote,
      String(clockNow().getTime()),
    );
    recordAudit(
      tx,
      actor,
      `store.${args.decision}`,
      { type: "store", id: store.id },
      { status: store.status, reviewNote: store.reviewNote },
      { status, reviewNote: set.reviewNote },
    );
    return { ok: true } as const;
  });
}
