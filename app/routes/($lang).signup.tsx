import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "#app/components/field.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { createShopper } from "#app/models/users.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { PASSWORD_VARS, parseSignup, type FieldErrors } from "#app/utils/auth-forms.ts";
import { requireLocale } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { safeRedirect } from "#app/utils/password.ts";
import { startSession } from "#app/utils/session.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  if (await getUser(request)) throw redirect(localizePath("/account", locale));
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const form = await request.formData();
  const email = String(form.get("email") ?? "").slice(0, 254);
  const parsed = parseSignup(form);
  if (!parsed.ok) return data({ errors: parsed.errors, email }, { status: 400 });
  const user = await createShopper({ email: parsed.email, password: parsed.password, locale });
  if (user === "taken") return data({ errors: { email: "auth.emailTaken" } as FieldErrors, email }, { status: 400 });
  return startSession(user.id, safeRedirect(form.get("redirectTo"), localizePath("/account", locale)));
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("auth.signupTitle"));

export default function Signup() {
  const t = useT();
  const href = useHref();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold text-clay-900">{t("auth.signupTitle")}</h1>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required defaultValue={result?.email ?? ""} error={errors.email ? t(errors.email) : undefined} />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("auth.passwordHint", PASSWORD_VARS)}
          error={errors.password ? t(errors.password, PASSWORD_VARS) : undefined}
        />
        <button type="submit" disabled={pending} className="w-full rounded bg-clay-700 px-4 py-2 font-semibold text-white hover:bg-clay-900 disabled:opacity-60">
          {pending ? t("auth.pending") : t("auth.submitSignup")}
        </button>
      </Form>
      <p className="mt-6 text-sm">
        <Link to={href("/login")} className="text-clay-700 underline">
          {t("auth.haveAccount")}
        </Link>
      </p>
    </div>
  );
}
