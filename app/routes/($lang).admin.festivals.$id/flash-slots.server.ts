import { data } from "@remix-run/node";
import type { MessageKey } from "#app/i18n/translate.ts";
import {
  addFlashSlot,
  addFlashSlotItem,
  removeFlashSlot,
  removeFlashSlotItem,
  type SlotEditError,
  type SlotEditResult,
} from "#app/models/admin/flash-slots.server.ts";
import { flashSlotSchema, isFlashSlotIntent, SLOT_INTENT } from "#app/utils/flash-slot-form.ts";
import { refusalMessage } from "#app/utils/intent.ts";
import type { EditorContext } from "./actions.server.ts";

/** The festival editor's flash-sale slot intents (decision 035); null for any other intent. */

const ERRORS: Record<SlotEditError, MessageKey> = {
  notFound: "admin.errorNotFound",
  outsideFestival: "slots.errorOutsideFestival",
  overlap: "slots.errorOverlap",
  productNotFound: "slots.errorProduct",
  duplicate: "slots.errorDuplicate",
  priceNotBelow: "slots.errorPriceNotBelow",
  hasOrders: "slots.errorHasOrders",
};

const DONE: Record<(typeof SLOT_INTENT)[keyof typeof SLOT_INTENT], MessageKey> = {
  [SLOT_INTENT.addSlot]: "slots.slotAdded",
  [SLOT_INTENT.removeSlot]: "slots.slotRemoved",
  [SLOT_INTENT.addItem]: "slots.itemAdded",
  [SLOT_INTENT.removeItem]: "slots.itemRemoved",
};

export async function flashSlotAction(request: Request, { user, festivalId }: EditorContext) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (!isFlashSlotIntent(intent)) return null;
  const parsed = flashSlotSchema.safeParse(Object.fromEntries(form));
  const fail = (message: MessageKey) => data({ ok: false as const, intent: String(intent), message }, { status: 400 });
  if (!parsed.success)
    return fail(
      refusalMessage(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "form", [i.message]])),
        "admin.errorBadRequest",
      ),
    );
  const input = parsed.data;
  let result: SlotEditResult;
  switch (input.intent) {
    case SLOT_INTENT.addSlot:
      result = addFlashSlot(user, festivalId, input);
      break;
    case SLOT_INTENT.removeSlot:
      result = removeFlashSlot(user, festivalId, input.slotId);
      break;
    case SLOT_INTENT.addItem:
      result = addFlashSlotItem(user, festivalId, input);
      break;
    case SLOT_INTENT.removeItem:
      result = removeFlashSlotItem(user, festivalId, input.itemId);
      break;
  }
  if (!result.ok) return fail(ERRORS[result.error]);
  return { ok: true as const, intent: input.intent, message: DONE[input.intent] };
}
