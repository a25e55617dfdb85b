import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireOwner } from "#app/models/access.server.ts";
import {
  getOwnShipping,
  readShippingForm,
  saveOwnShipping,
  type ShippingForm,
} from "#app/models/owner/shipping.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader(args: LoaderFunctionArgs) {
  const { store } = requireOwner(args);
  return { profiles: getOwnShipping(store) };
}

export async function action(args: ActionFunctionArgs) {
  const { store } = requireOwner(args);
  const saved = saveOwnShipping(store, readShippingForm(await args.request.formData()));
  if (!saved.ok) return data(saved, { status: 400 });
  return { ok: true as const };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("shipping.console.title"));

const ZONE_KEYS = ["cn", "hkmotw", "asia", "europe", "africa", "americas", "oceania"] as const;

export default function SellShipping() {
  const { profiles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const pending = useNavigation().state !== "idle";
  const refused = result && !result.ok ? result : null;
  const shown: ShippingForm[] = refused?.values ?? profiles;
  const cell = "w-20 rounded border border-stone-300 px-1.5 py-1 text-sm";
  return (
    <>
      <PageHeading title={t("shipping.console.title")} />
      <p className="mb-4 max-w-prose text-sm text-stone-700">{t("shipping.console.intro")}</p>
      {result?.ok ? (
        <Notice tone="success" className="mb-4">
          {t("shipping.console.saved")}
        </Notice>
      ) : null}
      {refused ? (
        <Notice tone="error" className="mb-4" data-testid="shipping-errors">
          {refused.formError ? <p>{t(refused.formError)}</p> : null}
          {Object.entries(refused.errors).map(([field, key]) => (
            <p key={field}>
              {field.split(".")[1] && ZONE_KEYS.includes(field.split(".")[1] as never)
                ? `${t(`shipping.method.${field.split(".")[0]}` as MessageKey)} · ${t(`shipping.zone.${field.split(".")[1]}` as MessageKey)}: `
                : `${t(`shipping.method.${field.split(".")[0]}` as MessageKey)}: `}
              {t(key)}
            </p>
          ))}
        </Notice>
      ) : null}
      <Form method="post" className="space-y-6">
        {shown.map((p) => (
          <fieldset key={p.method} className="rounded-lg border border-stone-200 bg-white p-4">
            <legend className="px-1 font-semibold text-clay-900">
              {t(`shipping.method.${p.method}` as MessageKey)}
            </legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`${p.method}.offer`} defaultChecked={p.offered} />
              {t("shipping.console.offer")}
            </label>
            <div className="mt-3 flex flex-wrap gap-4 text-sm">
              <label className="space-y-1">
                <span className="block">{t("shipping.console.pricing")}</span>
                <select
                  name={`${p.method}.pricing`}
                  defaultValue={p.pricing}
                  className="rounded border border-stone-300 px-2 py-1"
                >
                  <option value="item">{t("shipping.console.pricing.item")}</option>
                  <option value="weight">{t("shipping.console.pricing.weight")}</option>
                </select>
              </label>
              <label className="space-y-1">
                <span className="block">{t("shipping.console.freeOver")}</span>
                <input name={`${p.method}.freeOver`} defaultValue={p.freeOver} inputMode="decimal" className={cell} />
              </label>
            </div>
            <div className="mt-3 overflow-x-auto">
              <table className="text-sm">
                <thead>
                  <tr className="text-left text-stone-700">
                    <th className="pr-3 font-medium">{t("shipping.console.zone")}</th>
                    <th className="pr-2 font-medium">{t("shipping.console.first")}</th>
                    <th className="pr-2 font-medium">{t("shipping.console.additional")}</th>
                    <th className="pr-2 font-medium">{t("shipping.console.minDays")}</th>
                    <th className="font-medium">{t("shipping.console.maxDays")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ZONE_KEYS.map((zone) => {
                    const r = p.rates[zone]!;
                    const label = t(`shipping.zone.${zone}` as MessageKey);
                    return (
                      <tr key={zone}>
                        <th scope="row" className="py-1 pr-3 text-left font-normal">
                          {label}
                        </th>
                        <td className="pr-2">
                          <input
                            name={`${p.method}.${zone}.first`}
                            defaultValue={r.first}
                            inputMode="decimal"
                            aria-label={`${label}: ${t("shipping.console.first")}`}
                            className={cell}
                          />
                        </td>
                        <td className="pr-2">
                          <input
                            name={`${p.method}.${zone}.additional`}
                            defaultValue={r.additional}
                            inputMode="decimal"
                            aria-label={`${label}: ${t("shipping.console.additional")}`}
                            className={cell}
                          />
                        </td>
                        <td className="pr-2">
                          <input
                            name={`${p.method}.${zone}.min`}
                            defaultValue={r.minDays}
                            inputMode="numeric"
                            aria-label={`${label}: ${t("shipping.console.minDays")}`}
                            className={cell}
                          />
                        </td>
                        <td>
                          <input
                            name={`${p.method}.${zone}.max`}
                            defaultValue={r.maxDays}
                            inputMode="numeric"
                            aria-label={`${label}: ${t("shipping.console.maxDays")}`}
                            className={cell}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </fieldset>
        ))}
        <Button pending={pending}>{t("shipping.console.save")}</Button>
      </Form>
    </>
  );
}
