import {
  MaxPartSizeExceededError,
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field } from "#app/components/field.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { getOwnStore, listCountryOptions, setOwnStoreLogo, updateOwnStore } from "#app/models/owner.server.ts";
import { requireOwner } from "#app/utils/auth.server.ts";
import { requireLocale } from "#app/utils/http.server.ts";
import { MAX_IMAGE_BYTES, imageSources } from "#app/utils/images.ts";
import { pageMeta } from "#app/utils/meta.ts";

const line = (max: number) => z.string().trim().max(max, { error: "form.tooLong" });
const schema = z.object({
  nameEn: line(80).min(2, { error: "form.required" }),
  nameZh: line(80),
  nameFr: line(80),
  taglineEn: line(160),
  taglineZh: line(160),
  taglineFr: line(160),
  storyEn: line(4000),
  storyZh: line(4000),
  storyFr: line(4000),
  countryCode: z.string().regex(/^[A-Z]{2}$/, { error: "form.country" }),
  cityEn: line(80).min(1, { error: "form.required" }),
  cityZh: line(80),
  cityFr: line(80),
});
const FIELDS = Object.keys(schema.shape) as (keyof z.infer<typeof schema>)[];
type Errors = Partial<Record<(typeof FIELDS)[number] | "logo", MessageKey>>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireOwner(request, locale);
  const store = getOwnStore(user)!;
  return { values: Object.fromEntries(FIELDS.map((f) => [f, String(store[f] ?? "")])) as Record<string, string>, logoUrl: store.logoUrl, countries: listCountryOptions(locale) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireOwner(request, locale);
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES, filter: ({ name }) => name === "logo" }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return data({ errors: { logo: "image.tooLarge" } as Errors, values: null }, { status: 400 });
      throw error;
    }
    const file = form.get("logo");
    const bytes = file && typeof file !== "string" ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const result = await setOwnStoreLogo(user, bytes);
    if (!result.ok) return data({ errors: { logo: `image.${result.error === "notFound" ? "empty" : result.error}` as MessageKey } as Errors, values: null }, { status: 400 });
    return redirect(`${localizePath("/sell/profile", locale)}?saved=logo`);
  }
  const form = await request.formData();
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof Errors] ??= issue.message as MessageKey;
    return data({ errors, values }, { status: 400 });
  }
  const outcome = updateOwnStore(user, parsed.data);
  if (outcome === "country") return data({ errors: { countryCode: "form.country" } as Errors, values }, { status: 400 });
  return redirect(`${localizePath("/sell/profile", locale)}?saved=profile`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("profile.title"));

export default function StoreProfile() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const pending = useNavigation().state === "submitting";
  const values = result?.values ?? loaded.values;
  const errors: Errors = result?.errors ?? {};
  const err = (f: keyof Errors) => (errors[f] ? t(errors[f]!) : undefined);
  const saved = searchParams.get("saved");
  return (
    <div className="max-w-3xl">
      <PageHeading title={t("profile.title")} subtitle={t("profile.intro")} />
      {saved && !result ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t(saved === "logo" ? "profile.logoSaved" : "sell.saved")}
        </p>
      ) : null}
      <section className="mb-8 flex items-end gap-4">
        {loaded.logoUrl ? <img {...imageSources(loaded.logoUrl)} sizes="96px" alt={t("profile.logo")} className="h-24 w-24 rounded-full border border-stone-200 object-cover" /> : null}
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="logo" className="block text-sm font-medium">
              {t("profile.uploadLogo")}
            </label>
            <input id="logo" name="logo" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="logo-hint" className="mt-1 text-sm" />
            <p id="logo-hint" className="mt-1 text-xs text-stone-600">
              {t("profile.logoHint")}
            </p>
            {errors.logo ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                {t(errors.logo)}
              </p>
            ) : null}
          </div>
          <button type="submit" disabled={pending} className="rounded border border-clay-700 px-3 py-1.5 text-sm font-semibold text-clay-700">
            {t("sell.upload")}
          </button>
        </Form>
      </section>
      <Form method="post" className="grid gap-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t("profile.nameEn")} name="nameEn" required defaultValue={values.nameEn} error={err("nameEn")} />
          <Field label={t("profile.nameZh")} name="nameZh" lang="zh-Hans" defaultValue={values.nameZh} error={err("nameZh")} />
          <Field label={t("profile.nameFr")} name="nameFr" lang="fr" defaultValue={values.nameFr} error={err("nameFr")} />
          <Field label={t("profile.taglineEn")} name="taglineEn" defaultValue={values.taglineEn} error={err("taglineEn")} />
          <Field label={t("profile.taglineZh")} name="taglineZh" lang="zh-Hans" defaultValue={values.taglineZh} error={err("taglineZh")} />
          <Field label={t("profile.taglineFr")} name="taglineFr" lang="fr" defaultValue={values.taglineFr} error={err("taglineFr")} />
        </div>
        {(["storyEn", "storyZh", "storyFr"] as const).map((f) => (
          <div key={f}>
            <label htmlFor={f} className="block text-sm font-medium">
              {t(`profile.${f}`)}
            </label>
            <textarea id={f} name={f} rows={4} maxLength={4000} defaultValue={values[f]} className="mt-1 w-full rounded border border-stone-300 px-3 py-2" />
            {errors[f] ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                {t(errors[f]!)}
              </p>
            ) : null}
          </div>
        ))}
        <div className="grid gap-4 sm:grid-cols-4">
          <div>
            <label htmlFor="countryCode" className="block text-sm font-medium">
              {t("apply.country")}
            </label>
            <select id="countryCode" name="countryCode" defaultValue={values.countryCode} className="mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2">
              {loaded.countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <Field label={t("profile.cityEn")} name="cityEn" required defaultValue={values.cityEn} error={err("cityEn")} />
          <Field label={t("profile.cityZh")} name="cityZh" lang="zh-Hans" defaultValue={values.cityZh} error={err("cityZh")} />
          <Field label={t("profile.cityFr")} name="cityFr" lang="fr" defaultValue={values.cityFr} error={err("cityFr")} />
        </div>
        <button type="submit" disabled={pending} className="justify-self-start rounded bg-clay-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {pending ? t("sell.pending") : t("profile.save")}
        </button>
      </Form>
    </div>
  );
}
