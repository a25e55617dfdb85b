import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { getOwnStore } from "#app/models/owner.server.ts";
import { pick } from "#app/models/localize.ts";
import { requireOwner } from "#app/utils/auth.server.ts";
import { requireLocale } from "#app/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireOwner(request, locale);
  const store = getOwnStore(user)!;
  return { store: { name: pick(store, "name", locale), status: store.status, slug: store.slug, reviewNote: store.reviewNote } };
}

export default function SellLayout() {
  const { store } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const tab = ({ isActive }: { isActive: boolean }) => `rounded px-3 py-1.5 text-sm font-medium ${isActive ? "bg-clay-700 text-white" : "text-clay-900 hover:bg-clay-100"}`;
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3">
        <p className="text-sm text-stone-700">
          <span className="font-semibold text-clay-900">{t("sell.title")}</span> · {store.name}
        </p>
        <nav aria-label={t("sell.title")} className="flex gap-2">
          <NavLink to={href("/sell")} end className={tab}>
            {t("sell.navDashboard")}
          </NavLink>
          <NavLink to={href("/sell/products")} end className={tab}>
            {t("sell.navListings")}
          </NavLink>
          <NavLink to={href("/sell/products/new")} className={tab}>
            {t("sell.navNew")}
          </NavLink>
          <NavLink to={href("/sell/orders")} className={tab}>
            {t("sell.navOrders")}
          </NavLink>
          <NavLink to={href("/sell/profile")} className={tab}>
            {t("sell.navProfile")}
          </NavLink>
          <NavLink to={href("/sell/import")} className={tab}>
            {t("sell.navImport")}
          </NavLink>
        </nav>
      </div>
      {store.status === "rejected" || store.status === "suspended" ? (
        <p role="status" className="mb-6 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="store-review-notice">
          {t(store.status === "rejected" ? "sell.rejectedNotice" : "sell.suspendedNotice")} {store.reviewNote ? t("admin.reviewNote", { note: store.reviewNote }) : null}
        </p>
      ) : null}
      {store.status === "pending" ? (
        <p role="status" className="mb-6 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("sell.pendingNotice")}
        </p>
      ) : null}
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
