import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "#app/i18n/use-locale.ts";
import { Button } from "../ui/button.tsx";

export interface SortableItem {
  id: number;
  /** Plain name, for the announcements and the buttons' labels. */
  label: string;
  content: ReactNode;
  /** Rendered after the controls, outside every form of the list (e.g. a "remove" form). */
  extra?: ReactNode;
}

/**
 * An ordered list organizers can reorder (decision 030). With JavaScript: drag and drop, or the
 * keyboard (Alt+↑/↓, Alt+Home/End on an item, or its up/down buttons); nothing is saved until
 * "Save order" posts the whole order in one request (`intent`=reorderIntent, `order`=ids). Without
 * JavaScript each item has a "move to position N" form (`intent`=moveIntent, `id`, `position`):
 * reaching the top is one action either way.
 */
export function SortableList({
  items,
  reorderIntent,
  moveIntent,
  idField,
  testId,
}: {
  items: SortableItem[];
  reorderIntent: string;
  moveIntent: string;
  idField: string;
  testId: string;
}) {
  const t = useT();
  const serverOrder = items.map((i) => i.id).join(",");
  const [order, setOrder] = useState(() => items.map((i) => i.id));
  const [enhanced, setEnhanced] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<number | null>(null);
  const focusAfter = useRef<{ id: number; control: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => setEnhanced(true), []);
  // A new order from the server (after saving, or another change) replaces the local one.
  useEffect(() => setOrder(serverOrder.split(",").filter(Boolean).map(Number)), [serverOrder]);
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    const item = listRef.current?.querySelector<HTMLElement>(`[data-sort-id="${target.id}"]`);
    // At the top "up" is disabled (and cannot hold focus): the item's first enabled control takes it.
    const control =
      item?.querySelector<HTMLButtonElement>(`[data-control="${target.control}"]:not(:disabled)`) ??
      item?.querySelector<HTMLButtonElement>("[data-control]:not(:disabled)");
    control?.focus();
  });
  const byId = new Map(items.map((i) => [i.id, i]));
  const current = order.filter((id) => byId.has(id));
  const dirty = current.join(",") !== serverOrder;

  function move(id: number, to: number, control: string) {
    const from = current.indexOf(id);
    const target = Math.max(0, Math.min(current.length - 1, to));
    if (from === -1 || target === from) return;
    const next = current.filter((x) => x !== id);
    next.splice(target, 0, id);
    setOrder(next);
    focusAfter.current = { id, control };
    setAnnouncement(t("org.movedTo", { title: byId.get(id)!.label, position: target + 1, count: current.length }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, id: number) {
    if (!event.altKey) return;
    const index = current.indexOf(id);
    const to =
      event.key === "ArrowUp"
        ? index - 1
        : event.key === "ArrowDown"
          ? index + 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? current.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    move(id, to, (event.target as HTMLElement).dataset.control ?? "up");
  }

  function onDrop(event: DragEvent<HTMLLIElement>, overId: number) {
    event.preventDefault();
    if (dragging !== null) move(dragging, current.indexOf(overId), "up");
    setDragging(null);
  }

  return (
    <div className="space-y-3">
      {enhanced ? <p className="text-xs text-stone-600">{t("org.reorderHelp")}</p> : null}
      <ol
        ref={listRef}
        className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        data-testid={testId}
      >
        {current.map((id, index) => {
          const item = byId.get(id)!;
          return (
            // Alt+arrow keys reach the item from its own buttons (key events bubble); dragging is the mouse's way.
            // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
            <li
              key={id}
              data-sort-id={id}
              draggable={enhanced}
              onKeyDown={(e) => onKeyDown(e, id)}
              onDragStart={(e) => {
                setDragging(id);
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", String(id));
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => onDrop(e, id)}
              onDragEnd={() => setDragging(null)}
              className={`flex flex-wrap items-center justify-between gap-3 p-3 text-sm focus:outline-2 focus:outline-clay-700 ${dragging === id ? "opacity-50" : ""} ${enhanced ? "cursor-grab" : ""}`}
            >
              <span className="flex min-w-0 items-center gap-2">
                {enhanced ? (
                  <span aria-hidden="true" className="text-stone-500 select-none">
                    ⠿
                  </span>
                ) : null}
                <span className="inline-block w-6 text-right font-semibold text-stone-600">{index + 1}.</span>
                <span className="min-w-0">{item.content}</span>
              </span>
              <span className="flex flex-wrap items-center gap-2">
                {enhanced ? (
                  <>
                    <Button
                      type="button"
                      variant="secondary"
                      size="xs"
                      data-control="top"
                      disabled={index === 0}
                      onClick={() => move(id, 0, "top")}
                      aria-label={t("org.moveTop", { title: item.label })}
                    >
                      ⤒
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      size="xs"
                      data-control="up"
                      aria-describedby={`${testId}-help`}
                      disabled={index === 0}
                      onClick={() => move(id, index - 1, "up")}
                      aria-label={t("admin.moveUp", { title: item.label })}
                    >
                      ↑
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      size="xs"
                      data-control="down"
                      disabled={index === current.length - 1}
                      onClick={() => move(id, index + 1, "down")}
                      aria-label={t("admin.moveDown", { title: item.label })}
                    >
                      ↓
                    </Button>
                  </>
                ) : (
                  <Form method="post" className="flex items-center gap-1" preventScrollReset>
                    <input type="hidden" name="intent" value={moveIntent} />
                    <input type="hidden" name={idField} value={id} />
                    <label htmlFor={`${testId}-pos-${id}`} className="text-xs text-stone-700">
                      {t("org.position")}
                    </label>
                    <input
                      id={`${testId}-pos-${id}`}
                      name="position"
                      type="number"
                      min={1}
                      max={current.length}
                      defaultValue={index + 1}
                      className="w-16 rounded border border-stone-400 px-1 py-0.5"
                    />
                    <Button variant="secondary" size="xs" aria-label={t("org.moveNamed", { title: item.label })}>
                      {t("org.move")}
                    </Button>
                  </Form>
                )}
                {item.extra}
              </span>
            </li>
          );
        })}
      </ol>
      <p id={`${testId}-help`} className="sr-only">
        {t("org.reorderHelp")}
      </p>
      <p role="status" aria-live="polite" className="sr-only" data-testid={`${testId}-announce`}>
        {announcement}
      </p>
      {enhanced ? (
        <Form method="post" className="flex flex-wrap items-center gap-2" preventScrollReset>
          <input type="hidden" name="intent" value={reorderIntent} />
          <input type="hidden" name="order" value={current.join(",")} />
          <Button size="sm" disabled={!dirty} data-testid={`${testId}-save`}>
            {t("org.saveOrder")}
          </Button>
          {dirty ? (
            <>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => setOrder(serverOrder.split(",").map(Number))}
              >
                {t("org.undoOrder")}
              </Button>
              <span className="text-xs text-amber-900">{t("org.unsavedOrder")}</span>
            </>
          ) : null}
        </Form>
      ) : null}
    </div>
  );
}
