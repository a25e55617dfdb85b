import { Form } from "@remix-run/react";
import { useT } from "#app/i18n/use-locale.ts";
import { Button } from "./ui/button.tsx";
import { Select } from "./ui/input.tsx";

/**
 * A GET form, so sorting works without JavaScript (the button submits); with JavaScript the
 * select submits on change. Changing the sort returns to page 1. `extra` carries the rest of the
 * query (search words, filters) as hidden fields; `options` default to the catalog sorts.
 */
export function SortForm({
  value,
  options,
  extra = {},
  id = "sort",
}: {
  value: string;
  options?: [string, string][];
  extra?: Record<string, string>;
  id?: string;
}) {
  const t = useT();
  const choices: [string, string][] = options ?? [
    ["newest", t("category.sortNewest")],
    ["price-asc", t("category.sortPriceAsc")],
    ["price-desc", t("category.sortPriceDesc")],
  ];
  return (
    <Form method="get" className="flex items-center gap-2" preventScrollReset>
      {Object.entries(extra).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {t("category.sort")}
      </label>
      <Select
        compact
        id={id}
        name="sort"
        defaultValue={value}
        key={value}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      >
        {choices.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </Select>
      <noscript>
        <Button size="sm">{t("stores.apply")}</Button>
      </noscript>
    </Form>
  );
}
