import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "#app/i18n/use-locale.ts";
import type { SearchHit } from "#search/results.ts";
import { DealPrice } from "./deal-price.tsx";
import { Button } from "./ui/button.tsx";
import { Input } from "./ui/input.tsx";

/**
 * The organizers' search-driven product picker: a GET form over the discovery engine, and for each
 * hit whatever `action` renders (an "add" form). Works without JavaScript.
 */
export function ProductPicker({
  query,
  hits,
  total,
  action,
  extraParams = {},
}: {
  query: string;
  hits: SearchHit[];
  total: number;
  action: (hit: SearchHit) => ReactNode;
  extraParams?: Record<string, string>;
}) {
  const t = useT();
  return (
    <section aria-labelledby="picker-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="picker-heading" className="mb-2 font-semibold text-clay-900">
        {t("admin.pickerTitle")}
      </h2>
      <Form method="get" role="search" className="flex gap-2" preventScrollReset>
        {Object.entries(extraParams).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label htmlFor="picker-q" className="sr-only">
          {t("admin.pickerLabel")}
        </label>
        <Input
          compact
          id="picker-q"
          type="search"
          name="q"
          defaultValue={query}
          key={query}
          maxLength={200}
          placeholder={t("admin.pickerLabel")}
          className="w-full max-w-md"
        />
        <Button size="sm">{t("search.submit")}</Button>
      </Form>
      {query ? (
        hits.length > 0 ? (
          <>
            <p className="mt-3 text-xs text-stone-600">
              {t("admin.pickerCount", { shown: hits.length, count: total })}
            </p>
            <ul className="mt-2 divide-y divide-stone-200" data-testid="picker-results">
              {hits.map((hit) => (
                <li key={hit.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                  <span>
                    <span className="font-medium">{hit.title}</span>{" "}
                    <span className="text-stone-600">· {hit.storeName}</span>{" "}
                    <DealPrice
                      priceCents={hit.priceCents}
                      currency={hit.currency}
                      deal={
                        hit.deal && hit.dealPriceCents !== undefined
                          ? { priceCents: hit.dealPriceCents, percentOff: hit.deal.percentOff }
                          : null
                      }
                    />
                  </span>
                  {action(hit)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-3 text-sm text-stone-600">{t("search.none", { query })}</p>
        )
      ) : null}
    </section>
  );
}
