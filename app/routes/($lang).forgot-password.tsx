import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "#app/components/field.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { RESET_PASSWORD_MINUTES } from "#app/models/account-tokens.server.ts";
import { requestPasswordReset } from "#app/models/users.server.ts";
import { forgotPasswordSchema } from "#app/utils/auth-forms.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { hitPasswordResetLimit } from "#app/utils/rate-limit.server.ts";

export async function loader() {
  return { minutes: RESET_PASSWORD_MINUTES };
}

/**
 * "Forgot your password?": one answer for every well-formed address — a redirect to "if an account
 * uses it, a link is on its way" — whether an account has it or not, so the page tells nobody who
 * has an account. Requests count against the client's address and against the email asked for.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = context;
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), minutes: 0 }, { status: 400 });
  const wait = await hitPasswordResetLimit(context.clientIp, submission.value.email);
  if (wait)
    return data(
      { result: submission.reply({ formErrors: ["reset.tooMany"] }), minutes: Math.ceil(wait / 60) },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  requestPasswordReset(submission.value.email, locale);
  return redirect(`${localizePath("/forgot-password", locale)}?sent=1`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("reset.forgotTitle"));

export default function ForgotPassword() {
  const { minutes } = useLoaderData<typeof loader>();
  const t = useT();
  const href = useHref();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const sent = searchParams.get("sent") === "1";
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: result?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });
  const message = (errors?: string[]) =>
    errors?.[0] ? t(errors[0] as MessageKey, { minutes: result?.minutes ?? 0 }) : undefined;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold text-clay-900">{t("reset.forgotTitle")}</h1>
      <p className="mb-6 text-sm text-stone-700">{t("reset.forgotIntro")}</p>
      {sent ? (
        <Notice tone="success" className="mb-6" data-testid="reset-sent">
          {t("reset.sent", { minutes })}
        </Notice>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        {form.errors?.length ? (
          <Notice tone="error" id={form.errorId}>
            {message(form.errors)}
          </Notice>
        ) : null}
        <Field
          label={t("auth.email")}
          errorId={fields.email.errorId}
          error={message(fields.email.errors)}
          autoComplete="email"
          {...getInputProps(fields.email, { type: "email" })}
          key={fields.email.key}
        />
        <Button block pending={pending}>
          {pending ? t("auth.pending") : t("reset.send")}
        </Button>
      </Form>
      <p className="mt-6 text-sm">
        <Link to={href("/login")} className="text-clay-700 underline">
          {t("auth.haveAccount")}
        </Link>
      </p>
    </div>
  );
}
