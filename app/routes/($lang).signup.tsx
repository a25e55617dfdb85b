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
import { createShopper } from "#app/models/users.server.ts";
import { attachGuestOrders } from "#app/models/orders.server.ts";
import { signIn } from "#app/utils/auth.server.ts";
import { guestCartToken } from "#app/utils/cart-cookie.server.ts";
import { PASSWORD_VARS, signupSchema } from "#app/utils/auth-forms.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { safeRedirect } from "#app/utils/password.ts";
import { SIGNUP_LIMIT, hitRateLimit } from "#app/utils/rate-limit.server.ts";

export async function loader({ context }: LoaderFunctionArgs) {
  const { locale } = context;
  if (context.user) throw redirect(localizePath("/account", locale));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = context;
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: signupSchema });
  const ip = context.clientIp;
  const wait = await hitRateLimit("signup", ip, SIGNUP_LIMIT);
  if (wait)
    return data(
      { result: submission.reply({ formErrors: ["auth.tooManySignups"], hideFields: ["password"] }) },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  // The password is never sent back to the browser.
  if (submission.status !== "success")
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const user = await createShopper({ email: submission.value.email, password: submission.value.password, locale });
  if (user === "taken")
    return data(
      { result: submission.reply({ fieldErrors: { email: ["auth.emailTaken"] }, hideFields: ["password"] }) },
      { status: 400 },
    );
  // Orders this browser placed as a guest with this address join the new account (decision 016).
  const guestToken = await guestCartToken(request);
  if (guestToken) attachGuestOrders({ guestToken, userId: user.id, email: user.email });
  return signIn(request, user.id, safeRedirect(submission.value.redirectTo, localizePath("/account", locale)));
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("auth.signupTitle"));

export default function Signup() {
  const t = useT();
  const href = useHref();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "signup",
    lastResult: result?.result,
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  const error = (errors?: string[]) => (errors?.[0] ? t(errors[0] as MessageKey, PASSWORD_VARS) : undefined);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold text-clay-900">{t("auth.signupTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        {form.errors?.length ? (
          <Notice tone="error" id={form.errorId}>
            {error(form.errors)}
          </Notice>
        ) : null}
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} key={fields.redirectTo.key} />
        <Field
          label={t("auth.email")}
          errorId={fields.email.errorId}
          error={error(fields.email.errors)}
          autoComplete="email"
          {...getInputProps(fields.email, { type: "email" })}
          key={fields.email.key}
        />
        <Field
          label={t("auth.password")}
          errorId={fields.password.errorId}
          error={error(fields.password.errors)}
          hint={t("auth.passwordHint", PASSWORD_VARS)}
          autoComplete="new-password"
          {...getInputProps(fields.password, { type: "password" })}
          key={fields.password.key}
        />
        <Button block pending={pending}>
          {pending ? t("auth.pending") : t("auth.submitSignup")}
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
