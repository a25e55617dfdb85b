import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, SelectField } from "#app/components/field.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireVerifiedToAct } from "#app/models/access.server.ts";
import { listCountryOptions } from "#app/models/catalog.server.ts";
import { applyForStore } from "#app/models/owner/store-applications.server.ts";
import { requireUser, rotateSession } from "#app/utils/auth.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

const schema = z.object({
  nameEn: z
    .string({ error: "form.required" })
    .trim()
    .min(2, { error: "form.required" })
    .max(80, { error: "form.tooLong" }),
  nameZh: z.string().trim().max(80, { error: "form.tooLong" }).default(""),
  nameFr: z.string().trim().max(80, { error: "form.tooLong" }).default(""),
  countryCode: z.string({ error: "form.country" }).regex(/^[A-Z]{2}$/, { error: "form.country" }),
  cityEn: z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .max(80, { error: "form.tooLong" }),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const user = requireUser({ request, context });
  if (user.role === "owner") throw redirect(localizePath("/sell", locale));
  if (user.role !== "shopper") throw new Response("Forbidden", { status: 403 });
  return { countries: listCountryOptions(locale), emailVerified: user.emailVerified };
}

/**
 * A shopper applies; the store starts `pending` and the shopper becomes its owner. Owners act only
 * with a verified address (decision 022), so an unverified shopper cannot apply yet.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = context;
  const user = requireUser({ request, context });
  requireVerifiedToAct({ request, context }, user);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = applyForStore(user, submission.value);
  if (!result.ok) {
    if (result.error === "alreadyOwner") throw new Response("Forbidden", { status: 403 });
    return data({ result: submission.reply({ fieldErrors: { countryCode: ["form.country"] } }) }, { status: 400 });
  }
  // Becoming an owner is a privilege change: the browser gets a new session (decision 018).
  return rotateSession({ request, context }, user.id, localizePath("/sell", locale));
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("apply.title"));

export default function ApplyForStore() {
  const { countries, emailVerified } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "apply",
    lastResult: result?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const error = (errors?: string[]) => (errors?.[0] ? t(errors[0] as MessageKey) : undefined);
  return (
    <div className="max-w-xl">
      <PageHeading title={t("apply.title")} subtitle={t("apply.intro")} />
      {emailVerified ? null : (
        <Notice tone="warning" announce={false} className="mb-6" data-testid="verify-first">
          {t("verify.applyNotice")}{" "}
          <Link to={href("/account")} className="underline">
            {t("verify.toAccount")}
          </Link>
        </Notice>
      )}
      {/* Until the address is verified there is nothing to fill in: the action would refuse it. */}
      {emailVerified ? (
        <Form method="post" {...getFormProps(form)} className="grid gap-4">
          <Field
            label={t("apply.nameEn")}
            errorId={fields.nameEn.errorId}
            error={error(fields.nameEn.errors)}
            {...getInputProps(fields.nameEn, { type: "text" })}
            key={fields.nameEn.key}
          />
          <Field
            label={t("apply.nameZh")}
            lang="zh-Hans"
            errorId={fields.nameZh.errorId}
            error={error(fields.nameZh.errors)}
            {...getInputProps(fields.nameZh, { type: "text" })}
            key={fields.nameZh.key}
          />
          <Field
            label={t("apply.nameFr")}
            lang="fr"
            errorId={fields.nameFr.errorId}
            error={error(fields.nameFr.errors)}
            {...getInputProps(fields.nameFr, { type: "text" })}
            key={fields.nameFr.key}
          />
          <SelectField
            label={t("apply.country")}
            errorId={fields.countryCode.errorId}
            error={error(fields.countryCode.errors)}
            placeholder={t("sell.chooseCategory")}
            options={countries.map((c) => ({ value: c.code, label: c.name }))}
            select={{ ...getSelectProps(fields.countryCode), key: fields.countryCode.key }}
          />
          <Field
            label={t("apply.city")}
            errorId={fields.cityEn.errorId}
            error={error(fields.cityEn.errors)}
            {...getInputProps(fields.cityEn, { type: "text" })}
            key={fields.cityEn.key}
          />
          <Button pending={pending}>{pending ? t("auth.pending") : t("apply.submit")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
