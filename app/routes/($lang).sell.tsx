import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData } from "@remix-run/react";
import { ConsoleNav } from "#app/components/console-nav.tsx";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { pick } from "#app/models/localize.ts";
import { requireOwner } from "#app/models/access.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const { store, user } = requireOwner({ request, context });
  return {
    store: { name: pick(store, "name", locale), status: store.status, slug: store.slug, reviewNote: store.reviewNote },
    // An unverified owner may look around but not change anything (decision 022): say so up front.
    emailVerified: user.emailVerified,
  };
}

export default function SellLayout() {
  const { store, emailVerified } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <div>
      <ConsoleNav
        title={
          <>
            <span className="font-semibold text-clay-900">{t("sell.title")}</span> · {store.name}
          </>
        }
        label={t("sell.title")}
        links={[
          { to: "/sell", label: t("sell.navDashboard"), end: true },
          { to: "/sell/products", label: t("sell.navListings"), end: true },
          { to: "/sell/products/new", label: t("sell.navNew") },
          { to: "/sell/orders", label: t("sell.navOrders") },
          { to: "/sell/reviews", label: t("reviews.navOwner") },
          { to: "/sell/profile", label: t("sell.navProfile") },
          { to: "/sell/shipping", label: t("shipping.console.title") },
          { to: "/sell/vouchers", label: t("vouchers.sellTitle") },
          { to: "/sell/import", label: t("sell.navImport") },
        ]}
      />
      {store.status === "rejected" || store.status === "suspended" ? (
        <Notice tone="error" announce="status" className="mb-6" data-testid="store-review-notice">
          {t(store.status === "rejected" ? "sell.rejectedNotice" : "sell.suspendedNotice")}{" "}
          {store.reviewNote ? t("admin.reviewNote", { note: store.reviewNote }) : null}
        </Notice>
      ) : null}
      {emailVerified ? null : (
        <Notice tone="warning" announce={false} className="mb-6" data-testid="verify-first">
          {t("verify.consoleNotice")}{" "}
          <Link to={href("/account")} className="underline">
            {t("verify.toAccount")}
          </Link>
        </Notice>
      )}
      {store.status === "pending" ? (
        <Notice tone="warning" className="mb-6">
          {t("sell.pendingNotice")}
        </Notice>
      ) : null}
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
