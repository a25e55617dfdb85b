import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "#app/components/field.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { verifyLogin } from "#app/models/users.server.ts";
import { signIn } from "#app/utils/auth.server.ts";
import { formErrorText, loginSchema } from "#app/utils/auth-forms.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { safeRedirect } from "#app/utils/password.ts";
import { clearFailedSignIns, recordFailedSignIn, signInWait } from "#app/utils/rate-limit.server.ts";

export async function loader({ context }: LoaderFunctionArgs) {
  const { locale } = context;
  if (context.user) throw redirect(localizePath("/account", locale));
  return null;
}

/** What sent the visitor here to sign in again, said above the form (the link they followed worked). */
const NOTICES = { verified: "verify.doneSignIn", passwordReset: "reset.done" } as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = context;
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: loginSchema });
  const email = String(form.get("email") ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
  // Failures are counted per address and per account from that address, with growing delays
  // (decision 020): no account is ever locked for everyone, and a waiting address is refused even
  // with the right password.
  const ip = context.clientIp;
  const wait = await signInWait(ip, email);
  if (wait) {
    return data(
      { result: submission.reply({ formErrors: ["auth.tooMany"], hideFields: ["password"] }), wait },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  const user =
    submission.status === "success" ? await verifyLogin(submission.value.email, submission.value.password) : null;
  // One answer for every failure, so nobody learns which emails have accounts.
  if (!user || submission.status !== "success") {
    await recordFailedSignIn(ip, email);
    return data(
      { result: submission.reply({ formErrors: ["auth.invalidCredentials"], hideFields: ["password"] }), wait: 0 },
      { status: 400 },
    );
  }
  await clearFailedSignIns(ip, email);
  return signIn(request, user.id, safeRedirect(submission.value.redirectTo, localizePath("/account", locale)));
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("auth.loginTitle"));

export default function Login() {
  const t = useT();
  const href = useHref();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useForm<{ email: string; password: string; redirectTo: string }>({
    id: "login",
    lastResult: result?.result,
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
  });
  const formError = form.errors?.[0];
  const notice = searchParams.get("notice");
  const noticeKey = notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold text-clay-900">{t("auth.loginTitle")}</h1>
      {noticeKey && !formError ? (
        <Notice tone="success" className="mb-4" data-testid="login-notice">
          {t(noticeKey)}
        </Notice>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        {formError ? (
          <Notice tone="error" id={form.errorId} data-testid="form-error">
            {formErrorText(t, formError as MessageKey, result?.wait ?? 0)}
          </Notice>
        ) : null}
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} key={fields.redirectTo.key} />
        <Field
          label={t("auth.email")}
          autoComplete="email"
          {...getInputProps(fields.email, { type: "email" })}
          key={fields.email.key}
        />
        <Field
          label={t("auth.password")}
          autoComplete="current-password"
          {...getInputProps(fields.password, { type: "password" })}
          key={fields.password.key}
        />
        <Button block pending={pending}>
          {pending ? t("auth.pending") : t("auth.submitLogin")}
        </Button>
      </Form>
      <p className="mt-4 text-sm">
        <Link to={href("/forgot-password")} className="text-clay-700 underline" data-testid="forgot-link">
          {t("reset.forgotLink")}
        </Link>
      </p>
      <p className="mt-6 text-sm">
        <Link
          to={`${href("/signup")}${searchParams.get("redirectTo") ? `?${new URLSearchParams({ redirectTo: searchParams.get("redirectTo")! })}` : ""}`}
          className="text-clay-700 underline"
        >
          {t("auth.noAccount")}
        </Link>
      </p>
    </div>
  );
}
