import { Form } from "@remix-run/react";
import { useT } from "#app/i18n/use-locale.ts";
import type { ProductSort } from "#app/models/products.server.ts";

/**
 * A GET form, so sorting works without JavaScript (the button submits); with JavaScript the
 * select submits on change. Changing the sort returns to page 1.
 */
export function SortForm({ sort, extra = {} }: { sort: ProductSort; extra?: Record<string, string> }) {
  const t = useT();
  const options: [ProductSort, string][] = [
    ["newest", t("category.sortNewest")],
    ["price-asc", t("category.sortPriceAsc")],
    ["price-desc", t("category.sortPriceDesc")],
  ];
  return (
    <Form method="get" className="flex items-center gap-2" preventScrollReset>
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="sort" className="text-sm font-medium text-stone-800">
        {t("category.sort")}
      </label>
      <select
        id="sort"
        name="sort"
        defaultValue={sort}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="rounded border border-stone-300 bg-white px-2 py-1.5 text-sm"
      >
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded bg-clay-700 px-3 py-1.5 text-sm font-semibold text-white">
          {t("stores.apply")}
        </button>
      </noscript>
    </Form>
  );
}
