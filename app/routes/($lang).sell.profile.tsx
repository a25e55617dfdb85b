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
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Field, SelectField } from "#app/components/field.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Textarea } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { listCountryOptions } from "#app/models/catalog.server.ts";
import { setOwnStoreLogo, updateOwnStore } from "#app/models/owner/store-profile.server.ts";
import { MAX_IMAGE_BYTES, imageSources } from "#app/utils/images.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { UPLOAD_LIMIT, hitRateLimit } from "#app/utils/rate-limit.server.ts";

const line = (max: number) => z.string().trim().max(max, { error: "form.tooLong" }).default("");
const schema = z.object({
  nameEn: z
    .string({ error: "form.required" })
    .trim()
    .min(2, { error: "form.required" })
    .max(80, { error: "form.tooLong" }),
  nameZh: line(80),
  nameFr: line(80),
  taglineEn: line(160),
  taglineZh: line(160),
  taglineFr: line(160),
  storyEn: line(4000),
  storyZh: line(4000),
  storyFr: line(4000),
  countryCode: z.string({ error: "form.country" }).regex(/^[A-Z]{2}$/, { error: "form.country" }),
  cityEn: z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .max(80, { error: "form.tooLong" }),
  cityZh: line(80),
  cityFr: line(80),
});
const FIELDS = Object.keys(schema.shape) as (keyof z.infer<typeof schema>)[];
type LogoError = MessageKey;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const { store } = requireOwner({ request, context });
  return {
    values: Object.fromEntries(FIELDS.map((f) => [f, String(store[f] ?? "")])) as Record<string, string>,
    logoUrl: store.logoUrl,
    countries: listCountryOptions(locale),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = context;
  const { store, user } = requireOwner({ request, context });
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    // A logo is decoded like a photo: it counts against the same per-owner upload allowance.
    const wait = await hitRateLimit("upload", String(user.id), UPLOAD_LIMIT);
    if (wait)
      return data(
        { logoError: "image.tooOften" as LogoError, result: null },
        { status: 429, headers: { "Retry-After": String(wait) } },
      );
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES, filter: ({ name }) => name === "logo" }),
      );
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError)
        return data({ logoError: "image.tooLarge" as LogoError, result: null }, { status: 400 });
      throw error;
    }
    const file = form.get("logo");
    const bytes = file && typeof file !== "string" ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const result = await setOwnStoreLogo(store, bytes);
    if (!result.ok) return data({ logoError: `image.${result.error}` as LogoError, result: null }, { status: 400 });
    return redirect(`${localizePath("/sell/profile", locale)}?saved=logo`);
  }
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data({ logoError: null, result: submission.reply() }, { status: 400 });
  const outcome = updateOwnStore(store, submission.value);
  if (outcome === "country")
    return data(
      { logoError: null, result: submission.reply({ fieldErrors: { countryCode: ["form.country"] } }) },
      { status: 400 },
    );
  return redirect(`${localizePath("/sell/profile", locale)}?saved=profile`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("profile.title"));

export default function StoreProfile() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useForm<z.input<typeof schema>>({
    id: "store-profile",
    lastResult: actionData?.result,
    defaultValue: loaded.values,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const error = (errors?: string[]) => (errors?.[0] ? t(errors[0] as MessageKey) : undefined);
  const saved = searchParams.get("saved");
  const input = (
    name: "nameEn" | "nameZh" | "nameFr" | "taglineEn" | "taglineZh" | "taglineFr" | "cityEn" | "cityZh" | "cityFr",
    lang?: string,
  ) => (
    <Field
      label={t(`profile.${name}`)}
      lang={lang}
      errorId={fields[name].errorId}
      error={error(fields[name].errors)}
      {...getInputProps(fields[name], { type: "text" })}
      key={fields[name].key}
    />
  );
  return (
    <div className="max-w-3xl">
      <PageHeading title={t("profile.title")} subtitle={t("profile.intro")} />
      {saved && !actionData ? (
        <Notice tone="success" className="mb-4">
          {t(saved === "logo" ? "profile.logoSaved" : "sell.saved")}
        </Notice>
      ) : null}
      <section className="mb-8 flex items-end gap-4">
        {loaded.logoUrl ? (
          <img
            {...imageSources(loaded.logoUrl)}
            sizes="96px"
            alt={t("profile.logo")}
            className="h-24 w-24 rounded-full border border-stone-200 object-cover"
          />
        ) : null}
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="logo" className="block text-sm font-medium">
              {t("profile.uploadLogo")}
            </label>
            <input
              id="logo"
              name="logo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              aria-describedby="logo-hint"
              className="mt-1 text-sm"
            />
            <p id="logo-hint" className="mt-1 text-xs text-stone-600">
              {t("profile.logoHint")}
            </p>
            {actionData?.logoError ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                {t(actionData.logoError)}
              </p>
            ) : null}
          </div>
          <Button variant="outline" size="sm" disabled={pending}>
            {t("sell.upload")}
          </Button>
        </Form>
      </section>
      <Form method="post" {...getFormProps(form)} className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-3">
          {input("nameEn")}
          {input("nameZh", "zh-Hans")}
          {input("nameFr", "fr")}
          {input("taglineEn")}
          {input("taglineZh", "zh-Hans")}
          {input("taglineFr", "fr")}
        </div>
        {(["storyEn", "storyZh", "storyFr"] as const).map((f) => (
          <div key={f}>
            <label htmlFor={fields[f].id} className="block text-sm font-medium">
              {t(`profile.${f}`)}
            </label>
            <Textarea {...getTextareaProps(fields[f])} key={fields[f].key} rows={4} className="mt-1 w-full" />
            {fields[f].errors ? (
              <p id={fields[f].errorId} role="alert" className="mt-1 text-sm text-red-700">
                {error(fields[f].errors)}
              </p>
            ) : null}
          </div>
        ))}
        <div className="grid gap-4 sm:grid-cols-4">
          <SelectField
            label={t("apply.country")}
            errorId={fields.countryCode.errorId}
            error={error(fields.countryCode.errors)}
            options={loaded.countries.map((c) => ({ value: c.code, label: c.name }))}
            select={{ ...getSelectProps(fields.countryCode), key: fields.countryCode.key }}
          />
          {input("cityEn")}
          {input("cityZh", "zh-Hans")}
          {input("cityFr", "fr")}
        </div>
        <Button pending={pending} className="justify-self-start">
          {pending ? t("sell.pending") : t("profile.save")}
        </Button>
      </Form>
    </div>
  );
}
