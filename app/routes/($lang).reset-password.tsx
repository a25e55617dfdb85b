import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "#app/components/field.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { inspectToken, type TokenCheck } from "#app/models/account-tokens.server.ts";
import { resetPassword } from "#app/models/users.server.ts";
import { PASSWORD_VARS, resetPasswordSchema } from "#app/utils/auth-forms.ts";
import { pageMeta } from "#app/utils/meta.ts";

type Problem = Extract<TokenCheck, { ok: false }>["reason"];

const PROBLEM_TEXT = {
  invalid: "reset.invalid",
  used: "reset.used",
  expired: "reset.expired",
  wrongUser: "reset.wrongUser",
} as const satisfies Record<Problem, string>;

const statusOf = (problem: Problem) => (problem === "wrongUser" ? 403 : 400);

/**
 * The page a reset link opens (decision 022). GET checks the link and shows the new-password form
 * with the token in a hidden field; the POST uses the link up, stores the password, ends every
 * session of the account and sends the browser to sign in with the new password (so the password
 * manager saves it, and signing in stays the one way into a session).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = inspectToken(token, "reset_password", context.user?.id ?? null);
  return data(
    check.ok
      ? { token, problem: null, email: check.email }
      : { token: "", problem: check.reason as Problem, email: "" },
    { status: check.ok ? 200 : statusOf(check.reason), headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale, user } = context;
  const form = await request.formData();
  const token = String(form.get("token") ?? "").slice(0, 200);
  const check = inspectToken(token, "reset_password", user?.id ?? null);
  if (!check.ok) return data({ problem: check.reason, result: undefined }, { status: statusOf(check.reason) });
  // The new password is held to the sign-up rules for the account's address.
  const submission = parseWithZod(form, { schema: resetPasswordSchema(check.email) });
  if (submission.status !== "success")
    return data({ problem: null, result: submission.reply({ hideFields: ["newPassword"] }) }, { status: 400 });
  const done = await resetPassword(token, submission.value.newPassword, user?.id ?? null);
  // Used by a request racing this one: refused like any used link.
  if (!done.ok) return data({ problem: done.reason, result: undefined }, { status: statusOf(done.reason) });
  return redirect(`${localizePath("/login", locale)}?notice=passwordReset`);
}

// The URL carries the token: no Referer with it, even to our own pages.
export const meta: MetaFunction = ({ location }) => [
  ...pageMeta(location, (t) => t("reset.title")),
  { name: "referrer", content: "no-referrer" },
];

export default function ResetPassword() {
  const { token, problem: linkProblem, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const pending = useNavigation().state === "submitting";
  const schema = resetPasswordSchema(email);
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    defaultValue: { token },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const problem = actionData?.problem ?? linkProblem;
  const message = (errors?: string[]) => (errors?.[0] ? t(errors[0] as MessageKey, PASSWORD_VARS) : undefined);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold text-clay-900">{t("reset.title")}</h1>
      {problem ? (
        <>
          <Notice tone="error" data-testid="reset-problem">
            {t(PROBLEM_TEXT[problem])}
          </Notice>
          <p className="mt-6 text-sm">
            <Link to={href("/forgot-password")} className="text-clay-700 underline">
              {t("reset.askAgain")}
            </Link>
          </p>
        </>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <p className="text-sm text-stone-700">{t("reset.intro", { email })}</p>
          <input {...getInputProps(fields.token, { type: "hidden" })} key={fields.token.key} />
          {/* Lets password managers tie the new password to the account. */}
          <input type="hidden" name="username" autoComplete="username" value={email} />
          <Field
            label={t("security.newPassword")}
            errorId={fields.newPassword.errorId}
            error={message(fields.newPassword.errors)}
            hint={t("auth.passwordHint", PASSWORD_VARS)}
            autoComplete="new-password"
            {...getInputProps(fields.newPassword, { type: "password" })}
            key={fields.newPassword.key}
          />
          <Button block pending={pending}>
            {pending ? t("auth.pending") : t("reset.submit")}
          </Button>
        </Form>
      )}
    </div>
  );
}
