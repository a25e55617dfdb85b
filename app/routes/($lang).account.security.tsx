import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field } from "#app/components/field.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { pendingEmailChange } from "#app/models/account-tokens.server.ts";
import { listSessions, revokeOtherSession, revokeOtherSessions } from "#app/models/sessions.server.ts";
import { changePassword, requestEmailChange } from "#app/models/users.server.ts";
import { PASSWORD_VARS, emailChangeSchema, passwordChangeSchema } from "#app/utils/auth-forms.ts";
import { requireUser, rotateSession } from "#app/utils/auth.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { pageMeta } from "#app/utils/meta.ts";
import {
  PASSWORD_CHANGE_LIMIT,
  VERIFICATION_EMAIL_LIMIT,
  hitRateLimit,
  rateLimitWait,
} from "#app/utils/rate-limit.server.ts";

const DONE = ["revoked", "revokedAll", "passwordChanged", "emailChangeSent"] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser({ request, context });
  const sessions = listSessions(user.id).map((s) => ({
    id: s.id,
    device: s.device,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    current: s.id === context.sessionId,
  }));
  // This device first, then the others by last activity.
  sessions.sort((a, b) => Number(b.current) - Number(a.current));
  return { email: user.email, pendingEmail: pendingEmailChange(user.id, user.email), sessions };
}

/**
 * Four forms, switched on `intent`: sign out one other session, sign out every other session,
 * change the password, change the email address. Each success redirects back here with `?done=…`
 * (works without JavaScript).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser({ request, context });
  const here = localizePath("/account/security", context.locale);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "revoke") {
    const id = String(form.get("sessionId") ?? "");
    // Only the user's own other sessions: another user's id, or an unknown one, is not found.
    if (!revokeOtherSession(user.id, id, context.sessionId))
      return data({ error: "security.notFound" as const, result: undefined }, { status: 404 });
    return redirect(`${here}?done=revoked`);
  }
  if (intent === "revokeOthers") {
    if (context.sessionId) revokeOtherSessions(user.id, context.sessionId);
    return redirect(`${here}?done=revokedAll`);
  }
  if (intent === "email") return changeEmail(context, user, form);
  if (intent !== "password") return data({ error: "security.notFound" as const, result: undefined }, { status: 400 });

  const submission = parseWithZod(form, { schema: passwordChangeSchema(user.email) });
  const hide = { hideFields: ["currentPassword", "newPassword"] };
  // Guessing the current password from a stolen session is held to a per-user limit.
  const key = String(user.id);
  const wait = await rateLimitWait("password-change", key, PASSWORD_CHANGE_LIMIT);
  if (wait)
    return data(
      {
        error: undefined,
        form: "password" as const,
        result: submission.reply({ formErrors: ["auth.tooMany"], ...hide }),
        minutes: Math.ceil(wait / 60),
      },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  if (submission.status !== "success")
    return data({ error: undefined, form: "password" as const, result: submission.reply(hide) }, { status: 400 });
  const outcome = await changePassword(user.id, submission.value.currentPassword, submission.value.newPassword);
  if (outcome === "wrong") {
    await hitRateLimit("password-change", key, PASSWORD_CHANGE_LIMIT);
    return data(
      {
        error: undefined,
        form: "password" as const,
        result: submission.reply({ fieldErrors: { currentPassword: ["security.wrongPassword"] }, ...hide }),
      },
      { status: 400 },
    );
  }
  // Every session of the user is gone; this browser gets a new one and stays signed in.
  return rotateSession({ request, context }, user.id, `${here}?done=passwordChanged`);
}

/**
 * The email-change form: the current password is required (a borrowed session cannot move the
 * account to another address; wrong guesses share the password form's per-user limit), and links
 * sent are limited per account like "send again". The new address gets a verification link and the
 * old one is told; the account's address changes only when the link is followed.
 */
async function changeEmail(context: ActionFunctionArgs["context"], user: { id: number }, form: FormData) {
  const here = localizePath("/account/security", context.locale);
  const submission = parseWithZod(form, { schema: emailChangeSchema });
  const hide = { hideFields: ["currentPassword"] };
  const key = String(user.id);
  const wait =
    (await rateLimitWait("password-change", key, PASSWORD_CHANGE_LIMIT)) ??
    (await rateLimitWait("verification-email", key, VERIFICATION_EMAIL_LIMIT));
  if (wait)
    return data(
      {
        error: undefined,
        form: "email" as const,
        result: submission.reply({ formErrors: ["verify.tooMany"], ...hide }),
        minutes: Math.ceil(wait / 60),
      },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  if (submission.status !== "success")
    return data({ error: undefined, form: "email" as const, result: submission.reply(hide) }, { status: 400 });
  const { newEmail, currentPassword } = submission.value;
  const outcome = await requestEmailChange(user.id, currentPassword, newEmail, context.locale);
  if (outcome === "wrong") await hitRateLimit("password-change", key, PASSWORD_CHANGE_LIMIT);
  if (outcome !== "ok") {
    const fieldErrors: Record<string, string[]> =
      outcome === "wrong"
        ? { currentPassword: ["security.wrongPassword"] }
        : { newEmail: [outcome === "same" ? "security.emailSame" : "security.emailTaken"] };
    return data(
      { error: undefined, form: "email" as const, result: submission.reply({ fieldErrors, ...hide }) },
      { status: 400 },
    );
  }
  await hitRateLimit("verification-email", key, VERIFICATION_EMAIL_LIMIT);
  return redirect(`${here}?done=emailChangeSent`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("security.title"));

export default function Security() {
  const { email, pendingEmail, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const href = useHref();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const pendingIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const done = searchParams.get("done");
  const doneKey = DONE.includes(done as Done) ? (`security.${done as Done}` as const) : null;
  const schema = passwordChangeSchema(email);
  // Each form shows only its own result.
  const resultOf = (name: "password" | "email") =>
    actionData && "form" in actionData && actionData.form === name ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "password",
    lastResult: resultOf("password"),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const [emailForm, emailFields] = useForm({
    id: "email",
    lastResult: resultOf("email"),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: emailChangeSchema }),
  });
  const message = (errors?: string[]) =>
    errors?.[0]
      ? t(errors[0] as MessageKey, {
          ...PASSWORD_VARS,
          minutes: actionData && "minutes" in actionData ? Number(actionData.minutes) : 0,
        })
      : undefined;
  const others = sessions.filter((s) => !s.current);
  const when = (iso: string) => formatDateTime(iso, locale, CHINA_TIME_ZONE);
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm">
        <Link to={href("/account")} className="text-clay-700 underline">
          {t("account.title")}
        </Link>
      </p>
      <PageHeading title={t("security.title")} />
      {doneKey ? (
        <Notice tone="success" className="mb-6" data-testid="security-done">
          {t(doneKey)}
        </Notice>
      ) : null}
      {actionData?.error ? (
        <Notice tone="error" className="mb-6">
          {t(actionData.error)}
        </Notice>
      ) : null}

      <section aria-labelledby="sessions-heading" className="mb-10">
        <h2 id="sessions-heading" className="mb-1 text-xl font-semibold text-clay-900">
          {t("security.sessionsHeading")}
        </h2>
        <p className="mb-4 text-sm text-stone-700">{t("security.sessionsIntro")}</p>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="sessions">
          {sessions.map((s) => {
            const device = s.device || t("security.unknownDevice");
            return (
              <li
                key={s.id}
                className="flex flex-wrap items-center justify-between gap-3 p-4"
                data-testid={s.current ? "session-current" : "session-other"}
              >
                <div className="min-w-0">
                  <p className="font-medium text-stone-900">
                    {device}
                    {s.current ? (
                      <span className="ms-2 rounded bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
                        {t("security.thisDevice")}
                      </span>
                    ) : null}
                  </p>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-stone-700">
                    <dt>{t("security.created")}</dt>
                    <dd>
                      <time dateTime={s.createdAt}>{when(s.createdAt)}</time>
                    </dd>
                    <dt>{t("security.lastSeen")}</dt>
                    <dd>
                      <time dateTime={s.lastSeenAt}>{when(s.lastSeenAt)}</time>
                    </dd>
                  </dl>
                </div>
                {s.current ? null : (
                  <Form method="post">
                    <input type="hidden" name="sessionId" value={s.id} />
                    <Button
                      name="intent"
                      value="revoke"
                      variant="secondary"
                      size="sm"
                      aria-label={t("security.signOutDevice", { device })}
                    >
                      {t("security.signOut")}
                    </Button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
        {others.length > 0 ? (
          <Form method="post" className="mt-4">
            <Button name="intent" value="revokeOthers" variant="danger" pending={pendingIntent === "revokeOthers"}>
              {t("security.signOutOthers")}
            </Button>
          </Form>
        ) : (
          <p className="mt-4 text-sm text-stone-700">{t("security.noOthers")}</p>
        )}
      </section>

      <section aria-labelledby="password-heading" className="max-w-sm">
        <h2 id="password-heading" className="mb-1 text-xl font-semibold text-clay-900">
          {t("security.passwordHeading")}
        </h2>
        <p className="mb-4 text-sm text-stone-700">{t("security.passwordIntro")}</p>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          {form.errors?.length ? (
            <Notice tone="error" id={form.errorId}>
              {message(form.errors)}
            </Notice>
          ) : null}
          <input type="hidden" name="intent" value="password" />
          {/* Lets password managers tie the new password to the account. */}
          <input type="hidden" name="username" autoComplete="username" value={email} />
          <Field
            label={t("security.currentPassword")}
            errorId={fields.currentPassword.errorId}
            error={message(fields.currentPassword.errors)}
            autoComplete="current-password"
            {...getInputProps(fields.currentPassword, { type: "password" })}
            key={fields.currentPassword.key}
          />
          <Field
            label={t("security.newPassword")}
            errorId={fields.newPassword.errorId}
            error={message(fields.newPassword.errors)}
            hint={t("auth.passwordHint", PASSWORD_VARS)}
            autoComplete="new-password"
            {...getInputProps(fields.newPassword, { type: "password" })}
            key={fields.newPassword.key}
          />
          <Button pending={pendingIntent === "password"}>{t("security.submitPassword")}</Button>
        </Form>
      </section>

      <section aria-labelledby="email-heading" className="mt-10 max-w-sm">
        <h2 id="email-heading" className="mb-1 text-xl font-semibold text-clay-900">
          {t("security.emailHeading")}
        </h2>
        <p className="mb-4 text-sm text-stone-700">{t("security.emailIntro", { email })}</p>
        {pendingEmail ? (
          <Notice tone="info" announce={false} className="mb-4" data-testid="email-pending">
            {t("security.emailPending", { email: pendingEmail })}
          </Notice>
        ) : null}
        <Form method="post" {...getFormProps(emailForm)} className="space-y-4">
          {emailForm.errors?.length ? (
            <Notice tone="error" id={emailForm.errorId}>
              {message(emailForm.errors)}
            </Notice>
          ) : null}
          <input type="hidden" name="intent" value="email" />
          <Field
            label={t("security.newEmail")}
            errorId={emailFields.newEmail.errorId}
            error={message(emailFields.newEmail.errors)}
            autoComplete="email"
            {...getInputProps(emailFields.newEmail, { type: "email" })}
            key={emailFields.newEmail.key}
          />
          <Field
            label={t("security.currentPassword")}
            errorId={emailFields.currentPassword.errorId}
            error={message(emailFields.currentPassword.errors)}
            autoComplete="current-password"
            {...getInputProps(emailFields.currentPassword, { type: "password" })}
            key={emailFields.currentPassword.key}
          />
          <Button pending={pendingIntent === "email"}>{t("security.submitEmail")}</Button>
        </Form>
      </section>
    </div>
  );
}
