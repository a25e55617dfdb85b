import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { isMessageKey } from "#app/utils/intent.ts";
import { MAX_PRICE_DOLLARS, productInputSchema } from "#app/utils/product-form.ts";
import { Field, SelectField } from "./field.tsx";
import { Button } from "./ui/button.tsx";
import { Textarea } from "./ui/input.tsx";
import { Notice } from "./ui/notice.tsx";

export type ProductFormValues = Partial<
  Record<
    | "titleEn"
    | "titleZh"
    | "titleFr"
    | "descriptionEn"
    | "descriptionZh"
    | "descriptionFr"
    | "categorySlug"
    | "tags"
    | "price"
    | "stock"
    | "sku",
    string
  >
>;

/**
 * Create and edit share one form and one zod schema (conform): validated in the browser on blur
 * and again on the server, a plain POST without JavaScript, field errors beside their fields in the
 * owner's language, what was typed kept on error, missing translations flagged as you type.
 */
export function ProductForm({
  lastResult,
  defaultValue,
  categories,
  mode,
  inventory,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: ProductFormValues;
  categories: { slug: string; name: string }[];
  mode: "create" | "edit";
  /** The listing's units as stored (edit): the stock field sets on hand; reserved and available follow. */
  inventory?: { reserved: number; available: number };
}) {
  const t = useT();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `product-${mode}`,
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: productInputSchema }),
  });
  // Errors are message keys, or a message the server already wrote in the owner's language (units reserved).
  const error = (field: FieldMetadata<unknown>) => {
    const first = field.errors?.[0];
    if (!first) return undefined;
    return isMessageKey(first) ? t(first, { min: 1, max: MAX_PRICE_DOLLARS }) : first;
  };
  const missing = (field: FieldMetadata<unknown>) => (field.value ? undefined : t("sell.missingLanguage"));
  const text = (
    field: FieldMetadata<string | undefined>,
    label: string,
    extra: { lang?: string; hint?: string; inputMode?: "decimal" | "numeric" } = {},
  ) => (
    <Field
      label={label}
      errorId={field.errorId}
      error={error(field)}
      hint={extra.hint}
      lang={extra.lang}
      inputMode={extra.inputMode}
      {...getInputProps(field, { type: "text" })}
      key={field.key}
    />
  );
  const area = (field: FieldMetadata<string | undefined>, label: string, lang?: string, hint?: string) => (
    <div>
      <label htmlFor={field.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <Textarea
        {...getTextareaProps(field)}
        key={field.key}
        rows={4}
        lang={lang}
        aria-describedby={
          [field.errors ? field.errorId : null, hint ? `${field.id}-hint` : null].filter(Boolean).join(" ") || undefined
        }
        className="mt-1 w-full"
      />
      {hint ? (
        <p id={`${field.id}-hint`} className="mt-1 text-xs text-amber-800">
          {hint}
        </p>
      ) : null}
      {field.errors ? (
        <p id={field.errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error(field)}
        </p>
      ) : null}
    </div>
  );
  return (
    <Form method="post" {...getFormProps(form)} className="grid max-w-3xl gap-4">
      {form.errors ? (
        <Notice tone="error" id={form.errorId}>
          {t(form.errors[0] as MessageKey)}
        </Notice>
      ) : null}
      {text(fields.titleEn, t("sell.fieldTitleEn"))}
      {text(fields.titleZh, t("sell.fieldTitleZh"), { lang: "zh-Hans", hint: missing(fields.titleZh) })}
      {text(fields.titleFr, t("sell.fieldTitleFr"), { lang: "fr", hint: missing(fields.titleFr) })}
      {area(fields.descriptionEn, t("sell.fieldDescriptionEn"))}
      {area(fields.descriptionZh, t("sell.fieldDescriptionZh"), "zh-Hans", missing(fields.descriptionZh))}
      {area(fields.descriptionFr, t("sell.fieldDescriptionFr"), "fr", missing(fields.descriptionFr))}
      <SelectField
        label={t("sell.fieldCategory")}
        errorId={fields.categorySlug.errorId}
        error={error(fields.categorySlug)}
        placeholder={t("sell.chooseCategory")}
        options={categories.map((c) => ({ value: c.slug, label: c.name }))}
        select={{ ...getSelectProps(fields.categorySlug), key: fields.categorySlug.key }}
      />
      {text(fields.tags, t("sell.fieldTags"))}
      <div className="grid gap-4 sm:grid-cols-3">
        {text(fields.price, t("sell.fieldPrice"), { inputMode: "decimal" })}
        {text(fields.stock, t("sell.fieldStock"), {
          inputMode: "numeric",
          hint: inventory ? t("sell.inventoryHint", inventory) : undefined,
        })}
        {text(fields.sku, t("sell.fieldSku"))}
      </div>
      <div className="flex flex-wrap gap-3">
        {mode === "create" ? (
          <>
            <Button variant="outline" name="intent" value="draft" pending={pending}>
              {pending ? t("sell.pending") : t("sell.saveDraft")}
            </Button>
            <Button name="intent" value="publish" disabled={pending}>
              {t("sell.saveAndPublish")}
            </Button>
          </>
        ) : (
          <Button name="intent" value="save" pending={pending}>
            {pending ? t("sell.pending") : t("sell.saveChanges")}
          </Button>
        )}
      </div>
    </Form>
  );
}
