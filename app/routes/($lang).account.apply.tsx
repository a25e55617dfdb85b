import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field } from "#app/components/field.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { applyForStore, listCountryOptions } from "#app/models/owner.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { requireLocale } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

const schema = z.object({
  nameEn: z.string().trim().min(2, { error: "form.required" }).max(80, { error: "form.tooLong" }),
  nameZh: z.string().trim().max(80, { error: "form.tooLong" }),
  nameFr: z.string().trim().max(80, { error: "form.tooLong" }),
  countryCode: z.string().regex(/^[A-Z]{2}$/, { error: "form.country" }),
  cityEn: z.string().trim().min(1, { error: "form.required" }).max(80, { error: "form.tooLong" }),
});
type Errors = Partial<Record<keyof z.input<typeof schema>, MessageKey>>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireUser(request, locale);
  if (user.role === "owner") throw redirect(localizePath("/sell", locale));
  if (user.role !== "shopper") throw new Response("Forbidden", { status: 403 });
  return { countries: listCountryOptions(locale) };
}

/** A shopper applies; the store starts `pending` and the shopper becomes its owner. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireUser(request, locale);
  const form = await request.formData();
  const values = Object.fromEntries(["nameEn", "nameZh", "nameFr", "countryCode", "cityEn"].map((k) => [k, String(form.get(k) ?? "")]));
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof Errors] ??= issue.message as MessageKey;
    return data({ errors, values }, { status: 400 });
  }
  const result = applyForStore(user, parsed.data);
  if (!result.ok) {
    if (result.error === "alreadyOwner") throw new Response("Forbidden", { status: 403 });
    return data({ errors: { countryCode: "form.country" } as Errors, values }, { status: 400 });
  }
  return redirect(localizePath("/sell", locale));
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("apply.title"));

export default function ApplyForStore() {
  const { countries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const pending = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="max-w-xl">
      <PageHeading title={t("apply.title")} subtitle={t("apply.intro")} />
      <Form method="post" className="grid gap-4" noValidate>
        <Field label={t("apply.nameEn")} name="nameEn" required defaultValue={values.nameEn} error={errors.nameEn ? t(errors.nameEn) : undefined} />
        <Field label={t("apply.nameZh")} name="nameZh" lang="zh-Hans" defaultValue={values.nameZh} error={errors.nameZh ? t(errors.nameZh) : undefined} />
        <Field label={t("apply.nameFr")} name="nameFr" lang="fr" defaultValue={values.nameFr} error={errors.nameFr ? t(errors.nameFr) : undefined} />
        <div>
          <label htmlFor="countryCode" className="block text-sm font-medium text-stone-800">
            {t("apply.country")}
          </label>
          <select id="countryCode" name="countryCode" defaultValue={values.countryCode ?? ""} className="mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2" aria-invalid={errors.countryCode ? true : undefined}>
            <option value="">{t("sell.chooseCategory")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.countryCode ? (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {t(errors.countryCode)}
            </p>
          ) : null}
        </div>
        <Field label={t("apply.city")} name="cityEn" required defaultValue={values.cityEn} error={errors.cityEn ? t(errors.cityEn) : undefined} />
        <button type="submit" disabled={pending} className="rounded bg-clay-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {pending ? t("auth.pending") : t("apply.submit")}
        </button>
      </Form>
    </div>
  );
}
