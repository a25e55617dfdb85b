import { Form, useLoaderData } from "@remix-run/react";
import type { SlotEditorRow } from "#app/models/admin/flash-slots.server.ts";
import { FestivalTime } from "#app/components/festival-time.tsx";
import { Price } from "#app/components/price.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input } from "#app/components/ui/input.tsx";
import { useT } from "#app/i18n/use-locale.ts";
import { SLOT_INTENT } from "#app/utils/flash-slot-form.ts";

/**
 * The festival editor's flash-sale slots (秒杀, decision 035): the slots in time order with their
 * products, a form to add a slot (Beijing time, inside the festival) and one per slot to add a
 * product at a slot price. Plain forms: it works without JavaScript; the route's notice shows the outcome.
 */
export function FlashSaleEditor() {
  const { flashSlots } = useLoaderData<{ flashSlots: SlotEditorRow[] }>();
  const t = useT();
  return (
    <section
      aria-labelledby="flash-slots-heading"
      className="space-y-3"
      id="flash-slots"
      data-testid="flash-slot-editor"
    >
      <h2 id="flash-slots-heading" className="text-lg font-bold text-clay-900">
        {t("slots.title")} ({flashSlots.length})
      </h2>
      <p className="text-sm text-stone-600">{t("slots.editorHelp")}</p>
      {flashSlots.length === 0 ? <p className="text-sm text-stone-600">{t("slots.none")}</p> : null}
      <ol className="space-y-3">
        {flashSlots.map((slot) => (
          <li key={slot.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm" data-slot-id={slot.id}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">
                <FestivalTime iso={slot.startsAt} /> → <FestivalTime iso={slot.endsAt} />
              </span>
              <Form method="post" preventScrollReset>
                <input type="hidden" name="slotId" value={slot.id} />
                <Button variant="danger" size="xs" name="intent" value={SLOT_INTENT.removeSlot}>
                  {t("slots.removeSlot")}
                </Button>
              </Form>
            </div>
            {slot.items.length > 0 ? (
              <ul className="mt-2 divide-y divide-stone-100">
                {slot.items.map((item) => (
                  <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium">{item.title}</span> ·{" "}
                      <Price cents={item.slotPriceCents} currency="USD" /> ·{" "}
                      <span className="text-stone-600">
                        {t("slots.stockLine", {
                          left: item.unitsLeft,
                          stock: item.slotStock,
                          sold: item.soldCount,
                          reserved: item.reservedCount,
                        })}
                        {item.perShopperLimit !== null
                          ? ` · ${t("admin.limitShown", { limit: item.perShopperLimit })}`
                          : ""}
                      </span>
                    </span>
                    <Form method="post" preventScrollReset>
                      <input type="hidden" name="itemId" value={item.id} />
                      <Button variant="outline" size="xs" name="intent" value={SLOT_INTENT.removeItem}>
                        {t("admin.remove")}
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : null}
            <Form method="post" preventScrollReset className="mt-2 grid gap-2 sm:grid-cols-5">
              <input type="hidden" name="slotId" value={slot.id} />
              {(
                [
                  ["product", t("slots.product"), true],
                  ["price", t("slots.slotPrice"), true],
                  ["stock", t("slots.slotStock"), true],
                  ["perShopperLimit", t("slots.limit"), false],
                ] as const
              ).map(([name, label, required]) => (
                <label key={name} className="block text-xs font-medium text-stone-800">
                  {label}
                  <Input
                    compact
                    name={name}
                    required={required}
                    className="mt-1 w-full"
                    inputMode={name === "product" ? undefined : "decimal"}
                  />
                </label>
              ))}
              <div className="self-end">
                <Button size="sm" name="intent" value={SLOT_INTENT.addItem}>
                  {t("slots.addItem")}
                </Button>
              </div>
            </Form>
          </li>
        ))}
      </ol>
      <Form
        method="post"
        preventScrollReset
        className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3"
      >
        <h3 className="font-semibold text-clay-900 sm:col-span-3">{t("slots.addSlot")}</h3>
        {(["startsAt", "endsAt"] as const).map((name) => (
          <label key={name} className="block text-sm font-medium text-stone-800">
            {`${t(name === "startsAt" ? "admin.startsAt" : "admin.endsAt")} (${t("festivals.beijingTime")})`}
            <Input compact name={name} type="datetime-local" required className="mt-1 w-full" />
          </label>
        ))}
        <div className="self-end">
          <Button size="sm" name="intent" value={SLOT_INTENT.addSlot}>
            {t("slots.addSlot")}
          </Button>
        </div>
      </Form>
    </section>
  );
}
