import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { requireOrganizer } from "#app/utils/auth.server.ts";
import { requireLocale } from "#app/utils/http.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireOrganizer(request, locale);
  return null;
}

export default function AdminLayout() {
  const t = useT();
  const href = useHref();
  const tab = ({ isActive }: { isActive: boolean }) => `rounded px-3 py-1.5 text-sm font-medium ${isActive ? "bg-clay-700 text-white" : "text-clay-900 hover:bg-clay-100"}`;
  return (
    <div>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-3">
        <p className="text-sm font-semibold text-clay-900">{t("admin.title")}</p>
        <nav aria-label={t("admin.title")} className="flex flex-wrap gap-2">
          <NavLink to={href("/admin")} end className={tab}>
            {t("admin.navDashboard")}
          </NavLink>
          <NavLink to={href("/admin/stores")} className={tab}>
            {t("admin.navStores")}
          </NavLink>
          <NavLink to={href("/admin/featured")} className={tab}>
            {t("admin.navFeatured")}
          </NavLink>
          <NavLink to={href("/admin/festivals")} className={tab}>
            {t("admin.navFestivals")}
          </NavLink>
          <NavLink to={href("/admin/insights")} className={tab}>
            {t("admin.navInsights")}
          </NavLink>
          <NavLink to={href("/admin/audit")} className={tab}>
            {t("admin.navAudit")}
          </NavLink>
        </nav>
      </div>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
