import { Link } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { StoreCard as Card } from "#app/models/catalog.server.ts";
import { imageSources } from "#app/utils/images.ts";

export function StoreCard({ store }: { store: Card }) {
  const href = useHref();
  const t = useT();
  return (
    <Link
      to={href(`/stores/${store.slug}`)}
      className="flex h-full gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-sm transition hover:shadow-md"
    >
      {store.logoUrl ? (
        <img
          {...imageSources(store.logoUrl)}
          sizes="64px"
          alt=""
          width={64}
          height={64}
          loading="lazy"
          className="h-16 w-16 shrink-0 rounded-full"
        />
      ) : null}
      <div className="min-w-0">
        <h3 className="font-semibold text-stone-900">{store.name}</h3>
        <p className="text-xs text-stone-600">
          {t("store.location", { city: store.city, country: store.country.name })}
        </p>
        <p className="mt-1 line-clamp-2 text-sm text-stone-700">{store.tagline}</p>
        <p className="mt-1 text-xs text-stone-600">{t("common.products", { count: store.productCount })}</p>
      </div>
    </Link>
  );
}

export function StoreGrid({ stores }: { stores: Card[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" role="list">
      {stores.map((s) => (
        <li key={s.id}>
          <StoreCard store={s} />
        </li>
      ))}
    </ul>
  );
}
