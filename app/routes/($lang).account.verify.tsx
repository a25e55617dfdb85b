import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { inspectToken } from "#app/models/account-tokens.server.ts";
import { verifyEmail, type VerifyResult } from "#app/models/users.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

type Problem = Extract<VerifyResult, { ok: false }>["reason"];

const PROBLEM_TEXT = {
  invalid: "verify.invalid",
  used: "verify.used",
  expired: "verify.expired",
  wrongUser: "verify.wrongUser",
  taken: "verify.taken",
} as const satisfies Record<Problem, string>;

const statusOf = (problem: Problem) => (problem === "wrongUser" ? 403 : problem === "taken" ? 409 : 400);

/**
 * The page a verification link opens. Mail scanners and link previews follow links, so GET only
 * checks the link and shows a button; the POST it sends verifies. The token proves the address, so
 * it works signed out too; signed in as another account it is refused (decision 022).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = inspectToken(token, "verify_email", context.user?.id ?? null);
  return data(
    check.ok
      ? { token, problem: null, email: check.email }
      : { token: "", problem: check.reason as Problem, email: null },
    { status: check.ok ? 200 : statusOf(check.reason), headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale, user } = context;
  const form = await request.formData();
  const result = verifyEmail(String(form.get("token") ?? "").slice(0, 200), user?.id ?? null);
  if (!result.ok) return data({ problem: result.reason }, { status: statusOf(result.reason) });
  // Signed in (necessarily as this account): back to the account page, which says what changed.
  // Signed out: to sign in, which says the address is confirmed.
  if (user) return redirect(`${localizePath("/account", locale)}?done=${result.changed ? "emailChanged" : "verified"}`);
  return redirect(`${localizePath("/login", locale)}?notice=verified`);
}

// The URL carries the token: no Referer with it, even to our own pages.
export const meta: MetaFunction = ({ location }) => [
  ...pageMeta(location, (t) => t("verify.title")),
  { name: "referrer", content: "no-referrer" },
];

export default function VerifyEmail() {
  const { token, problem: linkProblem, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const pending = useNavigation().state === "submitting";
  const problem = result?.problem ?? linkProblem;
  return (
    <div className="mx-auto max-w-md">
      <PageHeading title={t("verify.title")} />
      {problem ? (
        <>
          <Notice tone="error" data-testid="verify-problem">
            {t(PROBLEM_TEXT[problem])}
          </Notice>
          <p className="mt-6 text-sm">
            <Link to={href("/account")} className="text-clay-700 underline">
              {t("verify.toAccount")}
            </Link>
          </p>
        </>
      ) : (
        <Form method="post" className="space-y-4">
          <p>{t("verify.intro", { email: email ?? "" })}</p>
          <input type="hidden" name="token" value={token} />
          <Button pending={pending}>{t("verify.submit")}</Button>
        </Form>
      )}
    </div>
  );
}
