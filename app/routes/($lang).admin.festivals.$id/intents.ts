import { z } from "zod";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { DealTermsInput } from "#app/models/admin/festival-deals.server.ts";
import { festivalInputSchema, sessionInputSchema } from "#app/utils/festival-form.ts";
import { dollarsToCents } from "#app/utils/form-values.ts";
import { formId } from "#app/utils/intent.ts";

/** What the festival editor's forms can ask for: the value of their `intent` field. */
export const INTENT = {
  details: "details",
  publish: "publish",
  unpublish: "unpublish",
  addDeal: "add-deal",
  updateDeal: "update-deal",
  bulkAdd: "bulk-add",
  removeDeal: "remove-deal",
  moveDeal: "move-deal",
  reorderDeals: "reorder-deals",
  moveDealTo: "move-deal-to",
  setStores: "set-stores",
  addSession: "add-session",
  removeSession: "remove-session",
} as const;
export type Intent = (typeof INTENT)[keyof typeof INTENT];

const slug = (error: MessageKey) =>
  z
    .string({ error })
    .trim()
    .regex(/^[a-z0-9-]{1,100}$/, { error });

const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/)
  .transform(Number);

const dollars = z.string().transform((value, ctx) => {
  const cents = dollarsToCents(value);
  if (cents === null) ctx.addIssue({ code: "custom", message: "admin.errorDealTerms" });
  return cents ?? z.NEVER;
});

/**
 * A deal's terms: `mode` price with `price` in US dollars, or (any other mode) `percent`. The fields
 * the chosen mode does not use are ignored, so they are read leniently here and checked below, terms
 * first, then the optional stock cap (1 to 7 digits; empty for none), then the optional limit per
 * shopper (1 to 9,999,999; empty for none).
 */
const dealTermsFields = {
  mode: z.string().optional(),
  percent: wholeNumber.optional().catch(undefined),
  price: dollars.optional().catch(undefined),
  dealStock: z
    .string()
    .trim()
    .regex(/^\d{0,7}$/)
    .optional()
    .catch("invalid"),
  /** 限购: units one shopper may buy at the deal price; empty for no limit, else a whole number from 1. */
  perShopperLimit: z
    .string()
    .trim()
    .regex(/^(?:[1-9]\d{0,6})?$/)
    .optional()
    .catch("invalid"),
};

type DealTermsFields = z.output<z.ZodObject<typeof dealTermsFields>>;

function toDealTerms<T extends DealTermsFields>(
  { mode, percent, price, dealStock, perShopperLimit, ...rest }: T,
  ctx: z.RefinementCtx,
) {
  const terms: DealTermsInput | null =
    mode === "price"
      ? price === undefined
        ? null
        : { mode: "price", priceCents: price }
      : percent === undefined
        ? null
        : { mode: "percent", percent };
  if (!terms) {
    ctx.addIssue({ code: "custom", path: [mode === "price" ? "price" : "percent"], message: "admin.errorDealTerms" });
    return z.NEVER;
  }
  if (dealStock === "invalid") {
    ctx.addIssue({ code: "custom", path: ["dealStock"], message: "admin.errorCapRange" });
    return z.NEVER;
  }
  if (perShopperLimit === "invalid") {
    ctx.addIssue({ code: "custom", path: ["perShopperLimit"], message: "admin.errorLimitRange" });
    return z.NEVER;
  }
  return {
    ...rest,
    terms,
    dealStock: dealStock ? Number(dealStock) : null,
    perShopperLimit: perShopperLimit ? Number(perShopperLimit) : null,
  };
}

const badRequest = "admin.errorBadRequest" satisfies MessageKey;

/** Every form of the festival editor, one schema per intent. */
export const festivalEditorSchema = z.discriminatedUnion(
  "intent",
  [
    festivalInputSchema.safeExtend({ intent: z.literal(INTENT.details) }),
    z.object({ intent: z.literal(INTENT.publish) }),
    z.object({ intent: z.literal(INTENT.unpublish) }),
    z
      .object({ intent: z.literal(INTENT.addDeal), productId: formId(badRequest), ...dealTermsFields })
      .transform(toDealTerms),
    z
      .object({ intent: z.literal(INTENT.updateDeal), dealId: formId(badRequest), ...dealTermsFields })
      .transform(toDealTerms),
    z
      .object({
        intent: z.literal(INTENT.bulkAdd),
        scope: z.enum(["store", "category"], { error: badRequest }),
        slug: slug(badRequest),
        percent: formId(badRequest),
      })
      .transform(({ scope, slug, ...rest }) => ({
        ...rest,
        scope: scope === "store" ? { store: slug } : { category: slug },
      })),
    z.object({ intent: z.literal(INTENT.removeDeal), dealId: formId(badRequest) }),
    z.object({
      intent: z.literal(INTENT.moveDeal),
      dealId: formId(badRequest),
      direction: z.enum(["up", "down"]).catch("up"),
    }),
    z.object({ intent: z.literal(INTENT.reorderDeals), order: z.string().max(20_000) }),
    z.object({ intent: z.literal(INTENT.moveDealTo), dealId: formId(badRequest), position: formId(badRequest) }),
    z.object({
      intent: z.literal(INTENT.setStores),
      stores: z
        .string()
        .optional()
        .transform((text) => (text ?? "").split(/[\s,，]+/).filter(Boolean))
        .pipe(z.array(slug("admin.errorStore")).max(24, { error: "admin.errorStore" })),
    }),
    sessionInputSchema.safeExtend({ intent: z.literal(INTENT.addSession) }),
    z.object({ intent: z.literal(INTENT.removeSession), sessionId: formId("admin.errorNotFound") }),
  ],
  { error: badRequest },
);
export type FestivalEditorInput = z.output<typeof festivalEditorSchema>;

/** The message a refused form gets when it is not the first issue's own (conform shows the details form's field errors). */
export const REFUSED: Partial<Record<Intent, MessageKey>> = {
  [INTENT.details]: "admin.errorForm",
  [INTENT.addSession]: "admin.errorSession",
};
