import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { festivalInputSchema } from "#app/utils/festival-form.ts";
import { Field } from "./field.tsx";
import { Button } from "./ui/button.tsx";

export type FestivalFormValues = Partial<
  Record<
    | "slug"
    | "nameEn"
    | "nameZh"
    | "nameFr"
    | "taglineEn"
    | "taglineZh"
    | "taglineFr"
    | "themeColor"
    | "startsAt"
    | "endsAt",
    string
  >
>;

/** Create and edit a festival's details (conform + one zod schema, validated in the browser and on the server). */
export function FestivalForm({
  lastResult,
  defaultValue,
  mode,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: FestivalFormValues;
  mode: "create" | "edit";
}) {
  const t = useT();
  const pending = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: `festival-${mode}`,
    lastResult,
    defaultValue: { themeColor: "#c2410c", ...defaultValue },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: festivalInputSchema }),
  });
  const error = (field: FieldMetadata<unknown>) => (field.errors?.[0] ? t(field.errors[0] as MessageKey) : undefined);
  const input = (
    field: FieldMetadata<unknown>,
    label: string,
    extra: { type?: "text" | "datetime-local" | "color"; lang?: string; hint?: string } = {},
  ) => (
    <Field
      label={label}
      errorId={field.errorId}
      error={error(field)}
      hint={extra.hint}
      lang={extra.lang}
      {...getInputProps(field as FieldMetadata<string>, { type: extra.type ?? "text" })}
      key={field.key}
    />
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
      <input type="hidden" name="intent" value="details" />
      <div className="grid gap-4 md:grid-cols-3">
        {input(fields.nameEn, t("admin.festivalNameEn"), { lang: "en" })}
        {input(fields.nameZh, t("admin.festivalNameZh"), { lang: "zh-Hans" })}
        {input(fields.nameFr, t("admin.festivalNameFr"), { lang: "fr" })}
        {input(fields.taglineEn, t("admin.taglineEn"), { lang: "en" })}
        {input(fields.taglineZh, t("admin.taglineZh"), { lang: "zh-Hans" })}
        {input(fields.taglineFr, t("admin.taglineFr"), { lang: "fr" })}
        {input(fields.startsAt, t("admin.startsAt"), { type: "datetime-local", hint: t("festivals.beijingTime") })}
        {input(fields.endsAt, t("admin.endsAt"), { type: "datetime-local", hint: t("festivals.beijingTime") })}
        {input(fields.themeColor, t("admin.themeColor"), { type: "color" })}
        {input(fields.slug, t("admin.slug"), { hint: mode === "create" ? t("admin.slugHint") : undefined })}
      </div>
      <Button pending={pending}>
        {pending ? t("admin.saving") : mode === "create" ? t("admin.createFestival") : t("admin.saveDetails")}
      </Button>
    </Form>
  );
}
