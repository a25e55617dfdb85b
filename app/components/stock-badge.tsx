import { useT } from "#app/i18n/use-locale.ts";

export const LOW_STOCK = 5;

export function StockBadge({ stock }: { stock: number }) {
  const t = useT();
  if (stock <= 0)
    return (
      <span className="rounded bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-800">
        {t("product.soldOut")}
      </span>
    );
  if (stock <= LOW_STOCK)
    return (
      <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
        {t("product.lowStock", { count: stock })}
      </span>
    );
  return (
    <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
      {t("product.inStock")}
    </span>
  );
}
