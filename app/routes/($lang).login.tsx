import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "#app/components/field.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { verifyLogin } from "#app/models/users.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { loginSchema, type FieldErrors } from "#app/utils/auth-forms.ts";
import { requireLocale } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { safeRedirect } from "#app/utils/password.ts";
import { LOGIN_LIMIT, hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { startSession } from "#app/utils/session.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  if (await getUser(request)) throw redirect(localizePath("/account", locale));
  return null;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const form = await request.formData();
  const email = String(form.get("email") ?? "").slice(0, 254);
  const redirectTo = safeRedirect(form.get("redirectTo"), localizePath("/account", locale));
  // Per IP and per account: guessing one account from many addresses, or many from one, both stop.
  const ip = typeof context.clientIp === "string" ? context.clientIp : "unknown";
  const waits = [hitRateLimit(`login:ip:${ip}`, LOGIN_LIMIT), hitRateLimit(`login:email:${email.trim().toLowerCase()}`, LOGIN_LIMIT)];
  const wait = Math.max(...waits.map((w) => w ?? 0));
  if (wait > 0) {
    return data({ errors: { form: "auth.tooMany" } as FieldErrors, minutes: Math.ceil(wait / 60), email }, { status: 429, headers: { "Retry-After": String(wait) } });
  }
  const parsed = loginSchema.safeParse({ email, password: form.get("password") ?? "" });
  const user = parsed.success ? await verifyLogin(parsed.data.email, parsed.data.password) : null;
  if (!user) return data({ errors: { form: "auth.invalidCredentials" } as FieldErrors, minutes: 0, email }, { status: 400 });
  return startSession(user.id, redirectTo);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("auth.loginTitle"));

export default function Login() {
  const t = useT();
  const href = useHref();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const formError = result?.errors.form;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold text-clay-900">{t("auth.loginTitle")}</h1>
      <Form method="post" className="space-y-4" noValidate>
        {formError ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
            {t(formError, { minutes: result?.minutes ?? 0 })}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required defaultValue={result?.email ?? ""} />
        <Field label={t("auth.password")} name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={pending} className="w-full rounded bg-clay-700 px-4 py-2 font-semibold text-white hover:bg-clay-900 disabled:opacity-60">
          {pending ? t("auth.pending") : t("auth.submitLogin")}
        </button>
      </Form>
      <p className="mt-6 text-sm">
        <Link to={`${href("/signup")}${searchParams.get("redirectTo") ? `?${new URLSearchParams({ redirectTo: searchParams.get("redirectTo")! })}` : ""}`} className="text-clay-700 underline">
          {t("auth.noAccount")}
        </Link>
      </p>
    </div>
  );
}
