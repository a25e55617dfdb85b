import { data } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { SessionUser } from "#app/models/users.server.ts";
import {
  addDeal,
  bulkAddDeals,
  moveDeal,
  removeDeal,
  updateDeal,
  type DealResult,
} from "#app/models/admin/festival-deals.server.ts";
import { moveFestivalDealTo, parseOrder, reorderFestivalDeals } from "#app/models/admin/reorder.server.ts";
import { addSession, removeSession, setFestivalStores } from "#app/models/admin/festival-showcase.server.ts";
import { setFestivalPublished, updateFestival } from "#app/models/admin/festivals.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { refusalMessage, submittedIntent } from "#app/utils/intent.ts";
import { INTENT, REFUSED, type FestivalEditorInput, type Intent } from "./intents.ts";

/** One function per intent of the festival editor; each answers with what the page shows next. */

export interface EditorContext {
  user: SessionUser;
  festivalId: number;
}
type Input<I extends Intent> = Extract<FestivalEditorInput, { intent: I }>;
type EditorSubmission = Submission<FestivalEditorInput>;

const fail = (intent: string, message: MessageKey, extra: Record<string, unknown> = {}) =>
  data({ ok: false as const, intent, message, ...extra }, { status: 400 });

const done = (intent: Intent, message: MessageKey, extra: Record<string, unknown> = {}) => ({
  ok: true as const,
  intent,
  message,
  ...extra,
});

const DEAL_ERRORS: Record<Extract<DealResult, { ok: false }>["error"], MessageKey> = {
  notFound: "admin.errorNotFound",
  duplicate: "admin.errorDuplicateDeal",
  priceNotBelow: "admin.errorPriceNotBelow",
  priceNotPositive: "admin.errorPriceNotPositive",
  percentRange: "admin.errorPercentRange",
  nothingToAdd: "admin.errorNothingToAdd",
  capRange: "admin.errorCapRange",
  limitRange: "admin.errorLimitRange",
};

/** Input the schema refused: 400 with a translated message (and, for the details form, its field errors). */
export function refused(submission: EditorSubmission) {
  const intent = submittedIntent(submission.payload);
  if (intent === INTENT.details) return fail(intent, REFUSED[INTENT.details]!, { result: submission.reply() });
  const message =
    REFUSED[intent as Intent] ??
    refusalMessage(submission.status === "error" ? submission.error : null, "admin.errorBadRequest");
  return fail(intent, message);
}

export function saveDetails(
  { user, festivalId }: EditorContext,
  input: Input<"details">,
  submission: EditorSubmission,
) {
  const { intent, ...festival } = input;
  const result = updateFestival(user, festivalId, festival);
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return fail(intent, "admin.errorForm", {
      result: submission.reply({ fieldErrors: { slug: ["admin.errorSlugTaken"] } }),
    });
  }
  return done(intent, "admin.saved");
}

export function setPublished({ user, festivalId }: EditorContext, { intent }: Input<"publish" | "unpublish">) {
  const publish = intent === INTENT.publish;
  if (!setFestivalPublished(user, festivalId, publish).ok) notFound();
  return done(intent, publish ? "admin.published" : "admin.unpublished");
}

export function addFestivalDeal({ user, festivalId }: EditorContext, input: Input<"add-deal">) {
  const result = addDeal(user, festivalId, input.productId, input.terms, input.dealStock, input.perShopperLimit);
  return result.ok
    ? done(input.intent, "admin.dealAdded")
    : fail(input.intent, DEAL_ERRORS[result.error], { productId: input.productId, dealId: null });
}

export function updateFestivalDeal({ user, festivalId }: EditorContext, input: Input<"update-deal">) {
  const result = updateDeal(user, festivalId, input.dealId, input.terms, input.dealStock, input.perShopperLimit);
  return result.ok
    ? done(input.intent, "admin.saved")
    : fail(input.intent, DEAL_ERRORS[result.error], { productId: null, dealId: input.dealId });
}

export function bulkAddFestivalDeals({ user, festivalId }: EditorContext, input: Input<"bulk-add">) {
  const result = bulkAddDeals(user, festivalId, input.scope, input.percent);
  return result.ok
    ? done(input.intent, "admin.bulkAdded", { added: result.added })
    : fail(input.intent, DEAL_ERRORS[result.error]);
}

export function removeFestivalDeal({ user, festivalId }: EditorContext, input: Input<"remove-deal">) {
  const result = removeDeal(user, festivalId, input.dealId);
  return result.ok ? done(input.intent, "admin.dealRemoved") : fail(input.intent, DEAL_ERRORS[result.error]);
}

export function moveFestivalDeal({ user, festivalId }: EditorContext, input: Input<"move-deal">) {
  const result = moveDeal(user, festivalId, input.dealId, input.direction);
  return result.ok ? done(input.intent, "admin.saved") : fail(input.intent, DEAL_ERRORS[result.error]);
}

/** The whole order of the deals in one POST (drag and drop or keyboard), or one deal to position N (no JavaScript). */
export function reorderDeals({ user, festivalId }: EditorContext, input: Input<"reorder-deals" | "move-deal-to">) {
  let result;
  if (input.intent === INTENT.reorderDeals) {
    const order = parseOrder(input.order);
    if (!order) return fail(input.intent, "admin.errorBadRequest");
    result = reorderFestivalDeals(user, festivalId, order);
  } else result = moveFestivalDealTo(user, festivalId, input.dealId, input.position);
  if (!result.ok) return fail(input.intent, result.error === "stale" ? "org.errorStaleOrder" : "admin.errorNotFound");
  return done(input.intent, "org.orderSaved");
}

export function setFeaturedStores({ user, festivalId }: EditorContext, input: Input<"set-stores">) {
  const result = setFestivalStores(user, festivalId, input.stores);
  if (!result.ok)
    return result.unknown
      ? fail(input.intent, "admin.errorUnknownStores", { unknown: result.unknown.join(", ") })
      : notFound();
  return done(input.intent, "admin.saved");
}

export function addShowcaseSession({ user, festivalId }: EditorContext, { intent, ...session }: Input<"add-session">) {
  const result = addSession(user, festivalId, session);
  if (!result.ok)
    return fail(
      intent,
      result.error === "storeNotFound"
        ? "admin.errorStore"
        : result.error === "productsNotOfStore"
          ? "admin.errorProductsNotOfStore"
          : "admin.errorNotFound",
    );
  return done(intent, "admin.sessionAdded");
}

export function removeShowcaseSession({ user, festivalId }: EditorContext, input: Input<"remove-session">) {
  if (!removeSession(user, festivalId, input.sessionId).ok) return fail(input.intent, "admin.errorNotFound");
  return done(input.intent, "admin.saved");
}
