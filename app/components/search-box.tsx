import { Form, useFetcher, useLocation, useNavigate, useSearchParams } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { stripLocale } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { Suggestions } from "#app/models/search.server.ts";
import { addRecentSearch, readRecentSearches } from "#app/utils/recent-searches.ts";
import { clearSearchTyping } from "#app/utils/search-typing.ts";
import { parseHighlight } from "#app/utils/search-url.ts";
import { Button } from "./ui/button.tsx";
import { Input } from "./ui/input.tsx";

interface Option {
  id: string;
  href: string;
  group: "recent" | "hot" | "products" | "stores" | "countries" | "all";
  label: React.ReactNode;
  /** A search this option runs (remembered among the shopper's recent searches). */
  query?: string;
}

/**
 * The header search box: a plain GET form to /search (works without JavaScript), and with JavaScript
 * a combobox offering products, stores and countries as you type, navigable with the arrow keys.
 */
export function SearchBox() {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const fetcher = useFetcher<Suggestions>();
  // With the box empty: this week's hot searches, fetched once on first focus.
  const hotFetcher = useFetcher<Suggestions>();
  const listId = useId();
  const [value, setValue] = useState(stripLocale(location.pathname) === "/search" ? (searchParams.get("q") ?? "") : "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  // The list closes when the shopper leaves through it (go, submit) or leaves the box (blur), and on
  // Back/Forward. It used to close in an effect on every location change, but React commits a
  // navigation's new location some time after the URL changes (the next page renders first): a
  // shopper who focused the empty box in that gap saw the list open and then close again (#17).
  const close = () => {
    clearTimeout(timer.current);
    setOpen(false);
    setActive(-1);
  };
  useEffect(() => {
    const onPop = () => {
      setOpen(false);
      setActive(-1);
    };
    window.addEventListener("popstate", onPop);
    return () => {
      window.removeEventListener("popstate", onPop);
      clearTimeout(timer.current);
    };
  }, []);

  const data = fetcher.data;
  const hot = hotFetcher.data?.hot;
  // The shopper's own recent searches, from this browser only (read when the box is focused empty).
  const [recent, setRecent] = useState<string[]>([]);
  const options = useMemo<Option[]>(() => {
    const searchOption = (group: "recent" | "hot", query: string, i: number): Option => ({
      id: `${listId}-${group}-${i}`,
      href: `${href("/search")}?q=${encodeURIComponent(query)}`,
      group,
      label: query,
      query,
    });
    if (value.trim() === "") {
      const mine = new Set(recent.map((q) => q.toLowerCase()));
      return [
        ...recent.map((q, i) => searchOption("recent", q, i)),
        ...(hot ?? []).filter((q) => !mine.has(q.toLowerCase())).map((q, i) => searchOption("hot", q, i)),
      ];
    }
    if (!data) return [];
    return [
      ...data.products.map((p) => ({
        id: `${listId}-p-${p.slug}`,
        href: href(`/products/${p.slug}`),
        group: "products" as const,
        label: parseHighlight(p.highlight).map((part, i) =>
          part.match ? (
            <mark key={i} className="bg-amber-200">
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        ),
      })),
      ...data.stores.map((s) => ({
        id: `${listId}-s-${s.slug}`,
        href: href(`/stores/${s.slug}`),
        group: "stores" as const,
        label: s.name,
      })),
      ...data.countries.map((c) => ({
        id: `${listId}-c-${c.code}`,
        href: href(`/countries/${c.code}`),
        group: "countries" as const,
        label: c.name,
      })),
      {
        id: `${listId}-all`,
        href: `${href("/search")}?q=${encodeURIComponent(value.trim())}`,
        group: "all" as const,
        label: t("search.seeAll", { query: value.trim() }),
        query: value.trim(),
      },
    ];
  }, [data, hot, recent, value, href, listId, t]);
  const expanded = open && options.length > 0;

  const go = (option: Option) => {
    close();
    clearSearchTyping();
    if (option.query) addRecentSearch(option.query);
    navigate(option.href);
  };

  const showHot = () => {
    setRecent(readRecentSearches());
    if (hotFetcher.state === "idle" && !hotFetcher.data)
      hotFetcher.load(`/api/suggest?${new URLSearchParams({ q: "", locale })}`);
    setOpen(true);
  };

  const onInput = (next: string) => {
    setValue(next);
    setActive(-1);
    clearTimeout(timer.current);
    if (next.trim() === "") return showHot();
    timer.current = setTimeout(() => {
      fetcher.load(`/api/suggest?${new URLSearchParams({ q: next.trim(), locale })}`);
      setOpen(true);
    }, 150);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Escape" && expanded) {
      // Escape closes the list and keeps what was typed (a search input would clear itself otherwise);
      // a second Escape, with the list closed, clears the box as usual.
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      go(options[active]!);
    }
  };

  const groupTitle: Record<Option["group"], string | null> = {
    recent: t("search.recentSearches"),
    hot: t("search.hotSearches"),
    products: t("search.suggestProducts"),
    stores: t("search.suggestStores"),
    countries: t("search.suggestCountries"),
    all: null,
  };

  return (
    <Form
      method="get"
      action={href("/search")}
      role="search"
      aria-label={t("search.label")}
      className="relative order-last flex w-full gap-2 sm:order-none sm:ml-auto sm:w-auto"
      onSubmit={() => {
        close();
        clearSearchTyping();
        addRecentSearch(value);
      }}
    >
      <label htmlFor="site-search" className="sr-only">
        {t("search.label")}
      </label>
      <Input
        compact
        id="site-search"
        type="search"
        name="q"
        value={value}
        onChange={(e) => onInput(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => (value.trim() === "" ? showHot() : data && setOpen(true))}
        placeholder={t("search.placeholder")}
        autoComplete="off"
        maxLength={200}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? options[active]!.id : undefined}
        className="w-full sm:w-64"
      />
      <Button size="sm">{t("search.submit")}</Button>
      <ul
        id={listId}
        role="listbox"
        aria-label={t("search.suggestions")}
        hidden={!expanded}
        className="absolute top-full left-0 z-40 mt-1 max-h-96 w-full overflow-auto rounded-lg border border-stone-200 bg-white py-1 text-sm shadow-lg sm:w-96"
      >
        {options.map((option, i) => (
          <li key={option.id} role="presentation">
            {i === 0 || options[i - 1]!.group !== option.group ? (
              groupTitle[option.group] ? (
                <div
                  role="presentation"
                  className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-stone-600 uppercase"
                >
                  {groupTitle[option.group]}
                </div>
              ) : (
                <div role="presentation" className="my-1 border-t border-stone-100" />
              )
            ) : null}
            <div
              id={option.id}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                go(option);
              }}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-clay-100" : ""} ${option.group === "all" ? "font-medium text-clay-700" : ""}`}
            >
              {option.label}
            </div>
          </li>
        ))}
      </ul>
    </Form>
  );
}
