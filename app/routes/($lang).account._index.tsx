import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { resendVerification } from "#app/models/users.server.ts";
import { followedStoresFeed } from "#app/models/wishlist.server.ts";
import { FollowedStores } from "#app/components/reviews/followed-stores.tsx";
import { requireUser } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { VERIFICATION_EMAIL_LIMIT, hitRateLimit } from "#app/utils/rate-limit.server.ts";

/** What `?done=` says after a redirect here; `{email}` is the account's address. */
const DONE = {
  verified: "verify.verified",
  emailChanged: "verify.changed",
  verificationSent: "verify.resent",
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser({ request, context });
  return {
    user: { email: user.email, role: user.role },
    emailVerified: user.emailVerified,
    following: followedStoresFeed(user.id, context.locale),
  };
}

/** "Send the link again" while the address is unverified: a new verification email, a few an hour. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser({ request, context });
  const here = localizePath("/account", context.locale);
  const form = await request.formData();
  if (form.get("intent") !== "resendVerification") return data({ minutes: 0 }, { status: 400 });
  if (user.emailVerified) return redirect(here);
  const wait = await hitRateLimit("verification-email", String(user.id), VERIFICATION_EMAIL_LIMIT);
  if (wait) return data({ minutes: Math.ceil(wait / 60) }, { status: 429, headers: { "Retry-After": String(wait) } });
  resendVerification(user.id, context.locale);
  return redirect(`${here}?done=verificationSent`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("account.title"));

export default function Account() {
  const { user, emailVerified, following } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const [searchParams] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const done = searchParams.get("done");
  const doneKey = done && Object.hasOwn(DONE, done) ? DONE[done as keyof typeof DONE] : null;
  return (
    <>
      <div className="max-w-xl">
        <PageHeading title={t("account.title")} subtitle={t("account.signedInAs", { email: user.email })} />
        {doneKey ? (
          <Notice tone="success" className="mb-6" data-testid="account-done">
            {t(doneKey, { email: user.email })}
          </Notice>
        ) : null}
        {emailVerified ? null : (
          <Notice tone="warning" announce={false} className="mb-6" data-testid="verify-notice">
            <p>{t("verify.notice", { email: user.email })}</p>
            {actionData?.minutes ? (
              <p role="alert" className="mt-2 font-medium">
                {t("verify.tooMany", { minutes: actionData.minutes })}
              </p>
            ) : null}
            <Form method="post" className="mt-3">
              <Button name="intent" value="resendVerification" variant="secondary" size="sm" pending={pending}>
                {t("verify.resend")}
              </Button>
            </Form>
          </Notice>
        )}
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
            to={href("/account/addresses")}
            className="font-medium text-clay-700 underline"
            data-testid="addresses-link"
          >
            {t("address.book.title")}
          </Link>
        </p>
        <p className="mb-6">
          <Link
            to={href("/account/wishlist")}
            className="font-medium text-clay-700 underline"
            data-testid="wishlist-link"
          >
            {t("wishlist.title")}
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
      <FollowedStores feed={following} />
    </>
  );
}
