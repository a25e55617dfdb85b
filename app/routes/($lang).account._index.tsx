import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser({ request, context });
  return { user: { email: user.email, role: user.role } };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("account.title"));

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  return (
    <div className="max-w-xl">
      <PageHeading title={t("account.title")} subtitle={t("account.signedInAs", { email: user.email })} />
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt className="font-medium text-stone-600">{t("account.role")}</dt>
        <dd data-testid="account-role">{t(`account.role.${user.role}`)}</dd>
      </dl>
      <p className="mb-6">
        <Link to={href("/account/orders")} className="font-medium text-clay-700 underline" data-testid="orders-link">
          {t("order.myOrders")}
        </Link>
      </p>
      <p className="mb-6">
        <Link
          to={href("/account/security")}
          className="font-medium text-clay-700 underline"
          data-testid="security-link"
        >
          {t("account.security")}
        </Link>
      </p>
      {user.role === "organizer" ? (
        <p className="mb-6">
          <Link to={href("/admin")} className="font-medium text-clay-700 underline">
            {t("admin.title")}
          </Link>
        </p>
      ) : null}
      {user.role === "owner" ? (
        <p className="mb-6">
          <Link to={href("/sell")} className="font-medium text-clay-700 underline">
            {t("account.sellerConsole")}
          </Link>
        </p>
      ) : user.role === "shopper" ? (
        <p className="mb-6">
          <Link to={href("/account/apply")} className="font-medium text-clay-700 underline">
            {t("apply.cta")}
          </Link>
        </p>
      ) : null}
      <Form method="post" action="/logout">
        <Button variant="outline" className="text-sm">
          {t("auth.logout")}
        </Button>
      </Form>
    </div>
  );
}
