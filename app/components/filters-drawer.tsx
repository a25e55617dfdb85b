import { useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "#app/i18n/use-locale.ts";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, [tabindex]:not([tabindex="-1"])';

/**
 * Search filters: a sidebar from 768 px up; on a phone, a drawer behind a button that shows how many
 * filters are active. Without JavaScript the button is a link to #filters and the drawer opens by
 * CSS (:target), its close link goes back to #results; every filter is a link, so it applies either
 * way. With JavaScript the drawer is a modal dialog: focus moves into it and stays there, Escape or
 * the close button closes it and focus returns to the button; choosing a filter closes it.
 */
export interface FiltersDrawerState {
  open: boolean;
  setOpen: (open: boolean) => void;
  opener: React.RefObject<HTMLAnchorElement>;
  panel: React.RefObject<HTMLDivElement>;
}

export function useFiltersDrawer(): FiltersDrawerState {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLAnchorElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) {
      panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
      document.body.style.overflow = "hidden";
    } else if (wasOpen.current) {
      document.body.style.overflow = "";
      opener.current?.focus();
    }
    wasOpen.current = open;
    return () => {
      document.body.style.overflow = "";
    };
  }, [open]);
  return { open, setOpen, opener, panel };
}

/** The phone's button that opens the drawer, with the number of active filters. */
export function FiltersButton({ drawer, count }: { drawer: FiltersDrawerState; count: number }) {
  const t = useT();
  return (
    <a
      ref={drawer.opener}
      href="#filters"
      role="button"
      aria-haspopup="dialog"
      aria-expanded={drawer.open}
      aria-controls="filters"
      aria-label={count > 0 ? t("mobile.filtersActive", { count }) : t("search.filters")}
      onClick={(e) => {
        e.preventDefault();
        drawer.setOpen(true);
      }}
      className="inline-flex min-h-11 items-center gap-2 rounded border border-stone-300 bg-white px-4 text-sm font-semibold text-stone-900 md:hidden"
      data-testid="filters-button"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
        <path d="M3 4h14v2H3zm3 5h8v2H6zm2 5h4v2H8z" />
      </svg>
      {t("search.filters")}
      {count > 0 ? (
        <span className="rounded-full bg-clay-700 px-2 py-0.5 text-xs font-bold text-white" data-testid="filters-count">
          {count}
        </span>
      ) : null}
    </a>
  );
}

/** The filters themselves: the sidebar from 768 px up, the drawer's panel below. */
export function FiltersPanel({ drawer, children }: { drawer: FiltersDrawerState; children: ReactNode }) {
  const t = useT();
  const { open, setOpen } = drawer;
  const close = (event?: React.SyntheticEvent) => {
    event?.preventDefault();
    setOpen(false);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      const items = [...(drawer.panel.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };
  return (
    <div
      id="filters"
      className={`max-md:fixed max-md:inset-0 max-md:z-50 ${open ? "" : "max-md:hidden max-md:target:block"}`}
      role={open ? "dialog" : undefined}
      aria-modal={open ? true : undefined}
      aria-labelledby={open ? "filters-title" : undefined}
      onKeyDown={onKeyDown}
      data-testid="filters"
    >
      <a
        href="#results"
        tabIndex={-1}
        aria-label={t("mobile.closeFilters")}
        onClick={close}
        className="absolute inset-0 bg-stone-900/50 md:hidden"
      />
      {/* The click handler only observes clicks on the links inside (Enter on a link clicks it too). */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <div
        ref={drawer.panel}
        // Choosing a filter (a link) navigates; the drawer closes so the results show.
        onClick={(e) => (e.target as HTMLElement).closest("a[href]:not([href^='#'])") && setOpen(false)}
        className="max-md:absolute max-md:inset-y-0 max-md:right-0 max-md:flex max-md:w-[85%] max-md:max-w-sm max-md:flex-col max-md:bg-white max-md:shadow-xl"
      >
        <div className="flex items-center justify-between border-b border-stone-200 px-4 py-2 md:hidden">
          <h2 id="filters-title" className="text-lg font-bold text-clay-900">
            {t("search.filters")}
          </h2>
          <a
            href="#results"
            onClick={close}
            className="inline-flex min-h-11 min-w-11 items-center justify-center rounded text-2xl text-stone-700 hover:bg-stone-100"
            aria-label={t("mobile.closeFilters")}
            data-testid="filters-close"
          >
            <span aria-hidden="true">×</span>
          </a>
        </div>
        <div className="max-md:flex-1 max-md:overflow-y-auto max-md:px-4 max-md:py-3">{children}</div>
        <div className="border-t border-stone-200 p-3 md:hidden">
          <a
            href="#results"
            onClick={close}
            className="flex min-h-11 w-full items-center justify-center rounded bg-clay-700 font-semibold text-white"
          >
            {t("mobile.showResults")}
          </a>
        </div>
      </div>
    </div>
  );
}
