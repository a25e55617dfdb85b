import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input, Select } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useLocale, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import {
  getTaxSettings,
  saveCategoryClasses,
  saveTaxClasses,
  setExchangeRate,
  type EditResult,
} from "#app/models/admin/import-tax.server.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireOrganizer({ request, context });
  return getTaxSettings(user, context.locale);
}

const INTENTS = ["classes", "categories", "rate"] as const;
type Intent = (typeof INTENTS)[number];

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const form: Record<string, string> = {};
  for (const [key, value] of await request.formData()) if (typeof value === "string") form[key] = value;
  const intent = INTENTS.find((i) => i === form.intent);
  if (!intent) return data({ intent: null, ok: false as const, message: "admin.errorBadRequest" }, { status: 400 });
  const result: EditResult =
    intent === "classes"
      ? saveTaxClasses(user, form)
      : intent === "categories"
        ? saveCategoryClasses(user, form)
        : setExchangeRate(user, form.rate ?? "");
  if (!result.ok) return data({ intent, ...result, message: result.error }, { status: 400 });
  return {
    intent,
    ok: true as const,
    message: (intent === "rate" ? "admin.fx.saved" : "admin.tax.saved") as MessageKey,
  };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.tax.title"));

type Refused = { intent: Intent; fields: Record<string, MessageKey>; values: Record<string, string> };

export default function AdminTax() {
  const settings = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const refused = result && !result.ok && "fields" in result ? (result as Refused) : null;
  const refusedFor = (intent: Intent) => (refused?.intent === intent ? refused : null);
  const notice = (intent: Intent) =>
    result && result.intent === intent ? (
      <Notice tone={result.ok ? "success" : "error"} className="mb-3">
        {t(result.message as MessageKey)}
      </Notice>
    ) : null;
  const when = (iso: string) => formatDateTime(iso, locale, CHINA_TIME_ZONE);
  const classes = refusedFor("classes");
  const cats = refusedFor("categories");
  const rate = refusedFor("rate");
  const classById = new Map(settings.classes.map((c) => [c.id, c]));
  return (
    <div className="space-y-8">
      <PageHeading title={t("admin.tax.title")} subtitle={t("admin.tax.intro")} />
      {result && result.intent === null ? <Notice tone="error">{t(result.message as MessageKey)}</Notice> : null}

      <section aria-labelledby="fx-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="fx-heading" className="mb-2 text-lg font-semibold text-clay-900">
          {t("admin.fx.title")}
        </h2>
        {notice("rate")}
        <p className="mb-3 text-stone-800" data-testid="fx-current">
          {t("admin.fx.current", { rate: settings.rate.rate, time: when(settings.rate.asOf) })}
        </p>
        <Form method="post" className="flex flex-wrap items-end gap-3" preventScrollReset>
          <div>
            <label htmlFor="fx-rate" className="block text-sm font-medium text-stone-800">
              {t("admin.fx.rate")}
            </label>
            <Input
              id="fx-rate"
              name="rate"
              inputMode="decimal"
              required
              autoComplete="off"
              defaultValue={rate?.values.rate ?? ""}
              placeholder={settings.rate.rate}
              aria-invalid={rate ? true : undefined}
              aria-describedby={rate ? "fx-rate-error" : "fx-rate-hint"}
              className="w-36"
            />
          </div>
          <Button name="intent" value="rate" disabled={busy}>
            {t("admin.fx.save")}
          </Button>
        </Form>
        {rate ? (
          <p id="fx-rate-error" className="mt-2 text-sm text-red-700">
            {t(rate.fields.rate ?? "admin.fx.errorRate")}
          </p>
        ) : (
          <p id="fx-rate-hint" className="mt-2 text-sm text-stone-600">
            {t("admin.fx.hint")}
          </p>
        )}
        {settings.history.length > 0 ? (
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer text-stone-700">{t("admin.fx.history")}</summary>
            <ul className="mt-2 space-y-1" data-testid="fx-history">
              {settings.history.map((h) => (
                <li key={h.id} className="text-stone-700">
                  <span className="font-medium tabular-nums">¥{h.rate}</span> · {when(h.asOf)}
                  {h.setBy ? <span className="text-stone-500"> · {h.setBy}</span> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="classes-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="classes-heading" className="mb-1 text-lg font-semibold text-clay-900">
          {t("admin.tax.classes")}
        </h2>
        <p className="mb-3 max-w-prose text-sm text-stone-700">{t("admin.tax.classesIntro")}</p>
        {notice("classes")}
        <Form method="post" preventScrollReset>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-stone-700">
                  <th className="py-1 pr-3 font-medium">{t("admin.tax.class")}</th>
                  <th className="py-1 pr-3 font-medium">{t("admin.tax.vat")}</th>
                  <th className="py-1 font-medium">{t("admin.tax.consumption")}</th>
                </tr>
              </thead>
              <tbody>
                {settings.classes.map((c) => {
                  const vatName = `vat.${c.id}`;
                  const ctName = `consumption.${c.id}`;
                  const vatError = classes?.fields[vatName];
                  const ctError = classes?.fields[ctName];
                  return (
                    <tr key={`${c.id}-${c.vat}-${c.consumption}`} className="border-t border-stone-100 align-top">
                      <th scope="row" className="py-2 pr-3 text-left font-normal text-stone-900">
                        {c.name}
                      </th>
                      <td className="py-2 pr-3">
                        <Input
                          compact
                          name={vatName}
                          defaultValue={classes?.values[vatName] ?? c.vat}
                          inputMode="decimal"
                          aria-label={`${c.name}: ${t("admin.tax.vat")}`}
                          aria-invalid={vatError ? true : undefined}
                          className="w-20"
                        />
                        {vatError ? <p className="mt-1 text-xs text-red-700">{t(vatError)}</p> : null}
                      </td>
                      <td className="py-2">
                        <Input
                          compact
                          name={ctName}
                          defaultValue={classes?.values[ctName] ?? c.consumption}
                          inputMode="decimal"
                          aria-label={`${c.name}: ${t("admin.tax.consumption")}`}
                          aria-invalid={ctError ? true : undefined}
                          className="w-20"
                        />
                        {ctError ? <p className="mt-1 text-xs text-red-700">{t(ctError)}</p> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Button className="mt-3" name="intent" value="classes" disabled={busy}>
            {t("admin.tax.save")}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="categories-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="categories-heading" className="mb-1 text-lg font-semibold text-clay-900">
          {t("admin.tax.categories")}
        </h2>
        <p className="mb-3 max-w-prose text-sm text-stone-700">{t("admin.tax.categoriesIntro")}</p>
        {notice("categories")}
        <Form method="post" preventScrollReset>
          <ul className="grid gap-x-8 gap-y-3 lg:grid-cols-2">
            {settings.categories.map((cat) => {
              const name = `category.${cat.id}`;
              const error = cats?.fields[name];
              const chosen = cats?.values[name] ?? String(cat.taxClassId);
              const current = classById.get(cat.taxClassId);
              return (
                <li
                  key={`${cat.id}-${cat.taxClassId}`}
                  className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between sm:gap-3"
                >
                  <label htmlFor={`cat-${cat.id}`} className="text-stone-900">
                    {cat.name}
                  </label>
                  <Select
                    compact
                    id={`cat-${cat.id}`}
                    name={name}
                    defaultValue={chosen}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={current ? `cat-${cat.id}-rates` : undefined}
                    className="w-full sm:w-60"
                  >
                    {settings.classes.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                  {current ? (
                    <span id={`cat-${cat.id}-rates`} className="sr-only">
                      {t("admin.tax.rates", { vat: current.vat, consumption: current.consumption })}
                    </span>
                  ) : null}
                  {error ? <p className="w-full text-xs text-red-700">{t(error)}</p> : null}
                </li>
              );
            })}
          </ul>
          <Button className="mt-3" name="intent" value="categories" disabled={busy}>
            {t("admin.tax.save")}
          </Button>
        </Form>
      </section>
    </div>
  );
}
