import { useEffect, useRef, useState } from "react";
import { useT } from "#app/i18n/use-locale.ts";
import { imageSources } from "#app/utils/images.ts";

/**
 * A product's photos: one large photo at a time in a scroll-snap strip (swipe on touch, works without
 * JavaScript), thumbnails below (links to #photo-N without JavaScript), and each large photo a link
 * to its full-size file. With JavaScript the thumbnails scroll the strip in place and follow the
 * swipe, and a photo opens in a modal <dialog> (focus inside, Escape closes, previous/next,
 * focus returns to the photo). Alt text is the one stored for the page's language (decision 023).
 */
export function ProductGallery({ images, alts }: { images: string[]; alts: string[] }) {
  const t = useT();
  const strip = useRef<HTMLUListElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [active, setActive] = useState(0);
  const [zoomed, setZoomed] = useState<number | null>(null);
  const total = images.length;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (zoomed !== null && !el.open) el.showModal();
    if (zoomed === null && el.open) el.close();
  }, [zoomed]);

  const show = (i: number) => {
    const el = strip.current;
    setActive(i);
    if (el) el.scrollTo({ left: i * el.clientWidth, behavior: "instant" as ScrollBehavior });
  };

  const onScroll = () => {
    const el = strip.current;
    if (!el || el.clientWidth === 0) return;
    const i = Math.round(el.scrollLeft / el.clientWidth);
    if (i !== active && i >= 0 && i < total) setActive(i);
  };

  const openZoom = (i: number, event: React.MouseEvent<HTMLElement>) => {
    event.preventDefault();
    returnFocus.current = event.currentTarget;
    setZoomed(i);
  };

  // Focus returns to the photo now showing in the strip (the one the shopper stepped to, if any).
  const closeZoom = () => {
    const shown = zoomed === null ? null : strip.current?.querySelectorAll<HTMLElement>("a[href]")[zoomed];
    setZoomed(null);
    (shown ?? returnFocus.current)?.focus();
  };

  const step = (delta: number) => {
    if (zoomed === null) return;
    const next = (zoomed + delta + total) % total;
    setZoomed(next);
    show(next);
  };

  if (total === 0) return null;
  return (
    <div data-testid="gallery">
      <div className="relative">
        <ul
          ref={strip}
          onScroll={onScroll}
          aria-label={t("mobile.gallery")}
          className="flex snap-x snap-mandatory [scrollbar-width:none] overflow-x-auto overscroll-x-contain rounded-xl border border-stone-200 bg-white"
          data-testid="gallery-strip"
        >
          {images.map((url, i) => (
            <li
              key={url}
              id={`photo-${i + 1}`}
              className="w-full shrink-0 snap-center"
              aria-label={total > 1 ? t("mobile.photoN", { n: i + 1, total }) : undefined}
            >
              <a
                href={url}
                onClick={(e) => openZoom(i, e)}
                aria-label={t("mobile.zoom", { n: i + 1 })}
                className="block cursor-zoom-in"
                data-testid="gallery-photo"
              >
                <img
                  {...imageSources(url)}
                  sizes="(min-width: 768px) 50vw, 100vw"
                  alt={alts[i] ?? ""}
                  width={800}
                  height={800}
                  loading={i === 0 ? "eager" : "lazy"}
                  className="aspect-[4/3] w-full object-cover md:aspect-square"
                />
              </a>
            </li>
          ))}
        </ul>
        {total > 1 ? (
          <p
            aria-hidden="true"
            className="pointer-events-none absolute right-2 bottom-2 rounded-full bg-stone-900/70 px-2 py-0.5 text-xs font-medium text-white"
            data-testid="gallery-position"
          >
            {active + 1} / {total}
          </p>
        ) : null}
      </div>
      {total > 1 ? (
        <ul className="mt-2 flex gap-2 overflow-x-auto" aria-label={t("mobile.gallery")}>
          {images.map((url, i) => (
            <li key={url} className="shrink-0">
              <a
                href={`#photo-${i + 1}`}
                onClick={(e) => {
                  e.preventDefault();
                  show(i);
                }}
                aria-label={t("mobile.photoN", { n: i + 1, total })}
                aria-current={i === active ? "true" : undefined}
                className={`block h-14 w-14 overflow-hidden rounded-lg border-2 bg-white ${i === active ? "border-clay-700" : "border-stone-200 hover:border-stone-400"}`}
                data-testid="gallery-thumb"
              >
                <img
                  src={imageSources(url).src}
                  alt=""
                  width={56}
                  height={56}
                  loading="lazy"
                  className="h-full w-full object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <dialog
        ref={dialog}
        onClose={() => zoomed !== null && closeZoom()}
        onKeyDown={(e) => {
          if (e.key === "ArrowLeft") step(-1);
          else if (e.key === "ArrowRight") step(1);
        }}
        aria-label={zoomed !== null ? t("mobile.photoN", { n: zoomed + 1, total }) : undefined}
        className="m-auto h-full max-h-none w-full max-w-none bg-stone-950 p-0 text-white backdrop:bg-stone-950/90 md:h-[90vh] md:w-[90vw] md:rounded-xl"
        data-testid="gallery-zoom"
      >
        {zoomed !== null ? (
          <div className="flex h-full flex-col">
            <div className="flex items-center justify-between gap-2 p-2">
              <p className="px-2 text-sm">{t("mobile.photoN", { n: zoomed + 1, total })}</p>
              <button
                type="button"
                onClick={closeZoom}
                className="inline-flex min-h-11 min-w-11 items-center justify-center rounded px-3 text-base font-semibold hover:bg-white/10"
              >
                {t("mobile.closeZoom")}
              </button>
            </div>
            <div className="relative min-h-0 flex-1">
              <img
                src={images[zoomed]}
                alt={alts[zoomed] ?? ""}
                className="h-full w-full object-contain"
                data-testid="gallery-zoom-image"
              />
            </div>
            {total > 1 ? (
              <div className="flex justify-between gap-2 p-2">
                <button
                  type="button"
                  onClick={() => step(-1)}
                  className="min-h-11 rounded px-4 font-semibold hover:bg-white/10"
                >
                  ‹ {t("mobile.prevPhoto")}
                </button>
                <button
                  type="button"
                  onClick={() => step(1)}
                  className="min-h-11 rounded px-4 font-semibold hover:bg-white/10"
                >
                  {t("mobile.nextPhoto")} ›
                </button>
              </div>
            ) : null}
          </div>
        ) : null}
      </dialog>
    </div>
  );
}
