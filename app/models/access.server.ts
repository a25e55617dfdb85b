import { eq } from "drizzle-orm";
import { requireUser, type RequestArgs } from "#app/utils/auth.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { UNVERIFIED } from "#app/utils/unverified.ts";
import { stores } from "#db/schema/index.ts";
import type { SessionUser } from "./users.server.ts";

/**
 * Who may do what, in one place. Routes call the gates (`requireOwner`, `requireOrganizer`) first;
 * model functions check again: organizer functions call `assertOrganizer`, seller-console functions
 * take an `OwnStore` (which only this module hands out) and match every row they touch against it.
 */

/** The signed-in user as model functions need it. */
export type Actor = Pick<SessionUser, "id" | "role">;

declare const ownedBrand: unique symbol;
/**
 * A store row this module looked up by its owner's id. The brand keeps a store read some other
 * way (a slug from a form, another store) from being passed where an owned store is required.
 */
export type OwnStore = typeof stores.$inferSelect & { readonly [ownedBrand]: true };

/** What the seller console works with: the signed-in owner and their store, looked up once per request. */
export interface OwnerContext {
  user: SessionUser;
  store: OwnStore;
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/**
 * Owners and organizers act only with a verified address (decision 022): whoever changes a store or
 * the market can be reached, and an account made with someone else's address cannot run a store.
 * Reading stays open, so the console can show what is waiting and say what to do; any other method
 * (every change is a POST) is refused with a 403 until the address is verified.
 */
export function requireVerifiedToAct({ request }: RequestArgs, user: SessionUser): void {
  if (user.emailVerified || request.method === "GET" || request.method === "HEAD") return;
  throw new Response(UNVERIFIED, {
    status: 403,
    statusText: "Forbidden",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** The organizer console's model-level wall: anyone who is not an organizer gets a 403, whatever the route did. */
export function assertOrganizer(actor: Actor): void {
  if (actor.role !== "organizer") forbidden();
}

/** The store the actor owns (one per owner), or null for anyone else. */
export function findOwnStore(actor: Actor): OwnStore | null {
  if (actor.role !== "owner") return null;
  return (getDb().select().from(stores).where(eq(stores.ownerId, actor.id)).get() as OwnStore | undefined) ?? null;
}

const ownStoreByRequest = new WeakMap<RequestArgs["context"], OwnStore | null>();

/**
 * The seller console's gate: anonymous → log in; signed in without a store of their own → 403; an
 * owner whose address is not verified may look but not act (403 on a POST). Model functions check ownership again on every row, so this is the first wall, not the only one.
 */
export function requireOwner(args: RequestArgs): OwnerContext {
  const user = requireUser(args);
  // The console's layout loader and the page's loader both ask; one lookup per request serves both.
  if (!ownStoreByRequest.has(args.context)) ownStoreByRequest.set(args.context, findOwnStore(user));
  const store = ownStoreByRequest.get(args.context);
  if (!store) forbidden();
  requireVerifiedToAct(args, user);
  return { user, store };
}

/**
 * The organizer console's gate: anonymous → log in; any other role → 403; an unverified organizer
 * may look but not act. Model functions check the role again.
 */
export function requireOrganizer(args: RequestArgs): SessionUser {
  const user = requireUser(args);
  assertOrganizer(user);
  requireVerifiedToAct(args, user);
  return user;
}
