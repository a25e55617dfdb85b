import { Form, useNavigation } from "@remix-run/react";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import type { ProductFieldErrors } from "#app/utils/product-form.ts";
import { Field } from "./field.tsx";

export type ProductFormValues = Partial<Record<"titleEn" | "titleZh" | "titleFr" | "descriptionEn" | "descriptionZh" | "descriptionFr" | "categorySlug" | "tags" | "price" | "stock" | "sku", string>>;

/**
 * Create and edit share one form: a plain POST (works without JavaScript), field errors beside
 * their fields in the owner's language, what was typed kept on error, missing translations flagged.
 */
export function ProductForm({
  values,
  errors,
  categories,
  mode,
}: {
  values: ProductFormValues;
  errors: ProductFieldErrors;
  categories: { slug: string; name: string }[];
  mode: "create" | "edit";
}) {
  const t = useT();
  const pending = useNavigation().state === "submitting";
  const error = (field: keyof ProductFieldErrors) => (errors[field] ? t(errors[field] as MessageKey, { min: 1, max: 100000 }) : undefined);
  const missing = (field: "titleZh" | "titleFr" | "descriptionZh" | "descriptionFr") => (values[field] ? undefined : t("sell.missingLanguage"));
  return (
    <Form method="post" className="grid max-w-3xl gap-4" noValidate>
      {errors.form ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {t(errors.form)}
        </p>
      ) : null}
      <Field label={t("sell.fieldTitleEn")} name="titleEn" required maxLength={200} defaultValue={values.titleEn} error={error("titleEn")} />
      <Field label={t("sell.fieldTitleZh")} name="titleZh" lang="zh-Hans" maxLength={200} defaultValue={values.titleZh} error={error("titleZh")} hint={missing("titleZh")} />
      <Field label={t("sell.fieldTitleFr")} name="titleFr" lang="fr" maxLength={200} defaultValue={values.titleFr} error={error("titleFr")} hint={missing("titleFr")} />
      <TextArea label={t("sell.fieldDescriptionEn")} name="descriptionEn" defaultValue={values.descriptionEn} error={error("descriptionEn")} />
      <TextArea label={t("sell.fieldDescriptionZh")} name="descriptionZh" lang="zh-Hans" defaultValue={values.descriptionZh} error={error("descriptionZh")} hint={missing("descriptionZh")} />
      <TextArea label={t("sell.fieldDescriptionFr")} name="descriptionFr" lang="fr" defaultValue={values.descriptionFr} error={error("descriptionFr")} hint={missing("descriptionFr")} />
      <div>
        <label htmlFor="categorySlug" className="block text-sm font-medium text-stone-800">
          {t("sell.fieldCategory")}
        </label>
        <select
          id="categorySlug"
          name="categorySlug"
          defaultValue={values.categorySlug ?? ""}
          aria-invalid={errors.categorySlug ? true : undefined}
          aria-describedby={errors.categorySlug ? "categorySlug-error" : undefined}
          className="mt-1 w-full rounded border border-stone-300 bg-white px-3 py-2"
        >
          <option value="">{t("sell.chooseCategory")}</option>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.categorySlug ? (
          <p id="categorySlug-error" role="alert" className="mt-1 text-sm text-red-700">
            {t(errors.categorySlug)}
          </p>
        ) : null}
      </div>
      <Field label={t("sell.fieldTags")} name="tags" maxLength={400} defaultValue={values.tags} error={error("tags")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("sell.fieldPrice")} name="price" inputMode="decimal" required defaultValue={values.price} error={error("price")} />
        <Field label={t("sell.fieldStock")} name="stock" inputMode="numeric" required defaultValue={values.stock ?? "0"} error={error("stock")} />
        <Field label={t("sell.fieldSku")} name="sku" required maxLength={40} defaultValue={values.sku} error={error("sku")} />
      </div>
      <div className="flex flex-wrap gap-3">
        {mode === "create" ? (
          <>
            <button type="submit" name="intent" value="draft" disabled={pending} className="rounded border border-clay-700 px-4 py-2 font-semibold text-clay-700 disabled:opacity-60">
              {pending ? t("sell.pending") : t("sell.saveDraft")}
            </button>
            <button type="submit" name="intent" value="publish" disabled={pending} className="rounded bg-clay-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
              {t("sell.saveAndPublish")}
            </button>
          </>
        ) : (
          <button type="submit" name="intent" value="save" disabled={pending} className="rounded bg-clay-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {pending ? t("sell.pending") : t("sell.saveChanges")}
          </button>
        )}
      </div>
    </Form>
  );
}

function TextArea({ label, name, error, hint, ...rest }: { label: string; name: string; error?: string; hint?: string; defaultValue?: string; lang?: string }) {
  const describedBy = [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea id={name} name={name} rows={4} maxLength={5000} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="mt-1 w-full rounded border border-stone-300 px-3 py-2" {...rest} />
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-xs text-amber-800">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
