import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { ConsoleNav } from "#app/components/console-nav.tsx";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { useT } from "#app/i18n/use-locale.ts";
import { requireOrganizer } from "#app/models/access.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireOrganizer({ request, context });
  return null;
}

export default function AdminLayout() {
  const t = useT();
  return (
    <div>
      <ConsoleNav
        title={<span className="font-semibold text-clay-900">{t("admin.title")}</span>}
        label={t("admin.title")}
        links={[
          { to: "/admin", label: t("admin.navDashboard"), end: true },
          { to: "/admin/stores", label: t("admin.navStores") },
          { to: "/admin/orders", label: t("admin.navOrders") },
          { to: "/admin/featured", label: t("admin.navFeatured") },
          { to: "/admin/festivals", label: t("admin.navFestivals") },
          { to: "/admin/insights", label: t("admin.navInsights") },
          { to: "/admin/tax", label: t("admin.navTax") },
          { to: "/admin/reviews", label: t("reviews.navAdmin") },
          { to: "/admin/audit", label: t("admin.navAudit") },
        ]}
      />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
