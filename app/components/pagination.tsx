import { Link, useLocation } from "@remix-run/react";
import { useT } from "#app/i18n/use-locale.ts";
import type { Pagination as PaginationData } from "#app/utils/params.ts";
import { buttonClass } from "./ui/button.tsx";

/** Plain links (no JavaScript needed) that keep every other query parameter. */
export function Pagination({ pagination }: { pagination: PaginationData }) {
  const t = useT();
  const location = useLocation();
  const { page, pageCount } = pagination;
  if (pageCount <= 1) return null;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete("page");
    else params.set("page", String(p));
    const query = params.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  const pages = pageWindow(page, pageCount);
  const linkClass = buttonClass({ variant: "secondary", size: "sm" });
  return (
    <nav aria-label={t("pagination.label")} className="mt-8 flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={linkClass}>
          {t("pagination.previous")}
        </Link>
      ) : null}
      {pages.map((p, i) =>
        p === null ? (
          <span key={`gap-${i}`} className="px-1 text-stone-500" aria-hidden="true">
            …
          </span>
        ) : p === page ? (
          <span
            key={p}
            aria-current="page"
            className="rounded border border-transparent bg-clay-700 px-3 py-1.5 text-sm font-semibold text-white"
          >
            <span className="sr-only">{t("pagination.page", { page: p, pageCount })}</span>
            <span aria-hidden="true">{p}</span>
          </span>
        ) : (
          <Link key={p} to={hrefFor(p)} className={linkClass} aria-label={t("pagination.goTo", { page: p })}>
            {p}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}

/** 1 … 4 5 [6] 7 8 … 20 */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set(
    [1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount),
  );
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    // A gap of one page shows that page; an ellipsis only stands for two or more.
    if (previous !== undefined && p - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && p - previous > 2) out.push(null);
    out.push(p);
  });
  return out;
}
