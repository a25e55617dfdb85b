import { and, eq, inArray, type SQL } from "drizzle-orm";
import {
  orders,
  products,
  stores,
  type OrderStatus,
  type PRODUCT_STATUSES,
  type STORE_STATUSES,
} from "./schema/index.ts";

/**
 * The marketplace's business rules, defined once for the app (app/models) and for search (the
 * indexer and the SQLite fallback): which products shoppers see, which orders count as sold. Each
 * rule comes as a constant, as a Drizzle condition, as SQL text for hand-written queries over
 * aliased tables, and as a predicate for rows already read.
 */

export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export type StoreStatus = (typeof STORE_STATUSES)[number];

/** The one listing status shoppers see: drafts are unfinished, archived listings withdrawn. */
export const LISTED_PRODUCT_STATUS = "active" satisfies ProductStatus;

/** The one store status that opens a store to shoppers; pending, rejected and suspended stores hide every listing. */
export const OPEN_STORE_STATUS = "approved" satisfies StoreStatus;

/** Orders that count as sales (money received and not all given back): paid, shipped in part or in full, refunded in part. */
export const SOLD_ORDER_STATUSES = [
  "paid",
  "partially_fulfilled",
  "fulfilled",
  "partially_refunded",
] as const satisfies readonly OrderStatus[];

// ——— Drizzle conditions ———

export const storeIsOpen: SQL = eq(stores.status, OPEN_STORE_STATUS);

/** A listing that is active, whatever its store's status (owners' and organizers' counts). */
export const productIsListed: SQL = eq(products.status, LISTED_PRODUCT_STATUS);

/** "A product shoppers can see": an active listing of an approved store. The query must join `stores`. */
export const productIsVisible: SQL = and(productIsListed, storeIsOpen)!;

export const orderIsSold: SQL = inArray(orders.status, [...SOLD_ORDER_STATUSES]);

// ——— SQL text, for hand-written queries that alias their tables ———

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");

export const ruleSql = {
  storeIsOpen: (store: string) => `${store}.status = '${OPEN_STORE_STATUS}'`,
  productIsListed: (product: string) => `${product}.status = '${LISTED_PRODUCT_STATUS}'`,
  /** `products p JOIN stores s` → ruleSql.productIsVisible("p", "s"). */
  productIsVisible: (product: string, store: string) =>
    `${ruleSql.productIsListed(product)} AND ${ruleSql.storeIsOpen(store)}`,
  orderIsSold: (order: string) => `${order}.status IN (${quoted(SOLD_ORDER_STATUSES)})`,
};

// ——— Predicates over rows already read ———

export const isOpenStore = (store: { status: StoreStatus }) => store.status === OPEN_STORE_STATUS;

export const isVisibleProduct = (product: { status: ProductStatus }, store: { status: StoreStatus }) =>
  product.status === LISTED_PRODUCT_STATUS && isOpenStore(store);

export const isSoldOrder = (order: { status: OrderStatus }) =>
  (SOLD_ORDER_STATUSES as readonly OrderStatus[]).includes(order.status);
