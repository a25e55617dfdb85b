import { useEffect, useState } from "react";
import { Field, SelectField } from "#app/components/field.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";

export interface RegionOption {
  code: string;
  name: string;
}

export interface AddressFormState {
  /** What the form shows (submitted values, a saved address, defaults); never the ID number. */
  values: Record<string, string>;
  /** Message keys by field name. */
  errors: Record<string, string>;
  countries: RegionOption[];
  regions: { provinces: RegionOption[]; cities: RegionOption[]; districts: RegionOption[] };
}

const options = (list: RegionOption[]) => list.map((r) => ({ value: r.code, label: r.name }));

/**
 * The destination-aware address fields (decision 026): mainland China (province → city →
 * district selects, detailed address, mobile) or international (lines, city, region, postcode,
 * phone). The server renders every select with the options for the values it was given. Without
 * JavaScript, "Update the form" (intent=update) re-renders the form for a new destination,
 * province or city, keeping what was typed; with JavaScript the next select is filled in place
 * from /api/regions/:code and the button is not shown.
 */
export function AddressFields({ state, withCustoms = false }: { state: AddressFormState; withCustoms?: boolean }) {
  const t = useT();
  const { values } = state;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [country, setCountry] = useState(values.country ?? "");
  const [province, setProvince] = useState(values.provinceCode ?? "");
  const [city, setCity] = useState(values.cityCode ?? "");
  const [district, setDistrict] = useState(values.districtCode ?? "");
  const [cities, setCities] = useState(state.regions.cities);
  const [districts, setDistricts] = useState(state.regions.districts);
  // A new server render (after "update", a refusal or another saved address) starts from its values.
  useEffect(() => {
    setCountry(state.values.country ?? "");
    setProvince(state.values.provinceCode ?? "");
    setCity(state.values.cityCode ?? "");
    setDistrict(state.values.districtCode ?? "");
    setCities(state.regions.cities);
    setDistricts(state.regions.districts);
  }, [state]);

  const load = async (code: string): Promise<RegionOption[]> => {
    if (!code) return [];
    const response = await fetch(`/api/regions/${code}`);
    return response.ok ? ((await response.json()) as RegionOption[]) : [];
  };
  const error = (name: string) => (state.errors[name] ? t(state.errors[name] as MessageKey) : undefined);
  const text = (
    name: string,
    label: string,
    extra: { type?: "text" | "tel"; autoComplete?: string; inputMode?: "numeric" | "tel"; required?: boolean } = {},
  ) => (
    <Field
      key={`${name}-${values[name] ?? ""}`}
      name={name}
      label={label}
      type={extra.type ?? "text"}
      inputMode={extra.inputMode}
      autoComplete={extra.autoComplete}
      defaultValue={values[name] ?? ""}
      error={error(name)}
    />
  );
  const isChina = country === "CN";
  return (
    <div className="space-y-4" data-testid="address-fields">
      <SelectField
        label={t("address.country")}
        errorId="country-error"
        error={error("country")}
        placeholder={t("address.choose")}
        options={options(state.countries)}
        select={{
          id: "country",
          name: "country",
          value: country,
          autoComplete: "country",
          onChange: (e) => setCountry(e.currentTarget.value),
          "aria-invalid": error("country") ? true : undefined,
        }}
      />
      {isChina ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            label={t("address.province")}
            errorId="provinceCode-error"
            error={error("provinceCode")}
            placeholder={t("address.choose")}
            options={options(state.regions.provinces)}
            select={{
              id: "provinceCode",
              name: "provinceCode",
              value: province,
              onChange: (e) => {
                const code = e.currentTarget.value;
                setProvince(code);
                setCity("");
                setDistrict("");
                setDistricts([]);
                setCities([]);
                void load(code).then((list) => {
                  setCities(list);
                  // A municipality has one city: choose it and load its districts at once.
                  if (list.length === 1) {
                    setCity(list[0]!.code);
                    void load(list[0]!.code).then(setDistricts);
                  }
                });
              },
              "aria-invalid": error("provinceCode") ? true : undefined,
            }}
          />
          <SelectField
            label={t("address.city")}
            errorId="cityCode-error"
            error={error("cityCode")}
            placeholder={t("address.choose")}
            options={options(cities)}
            select={{
              id: "cityCode",
              name: "cityCode",
              value: city,
              onChange: (e) => {
                const code = e.currentTarget.value;
                setCity(code);
                setDistrict("");
                setDistricts([]);
                void load(code).then(setDistricts);
              },
              "aria-invalid": error("cityCode") ? true : undefined,
            }}
          />
          <SelectField
            label={t("address.district")}
            errorId="districtCode-error"
            error={error("districtCode")}
            placeholder={t("address.choose")}
            options={options(districts)}
            select={{
              id: "districtCode",
              name: "districtCode",
              value: district,
              onChange: (e) => setDistrict(e.currentTarget.value),
              "aria-invalid": error("districtCode") ? true : undefined,
            }}
          />
        </div>
      ) : null}
      {hydrated ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" name="intent" value="update" variant="secondary" size="sm" formNoValidate>
            {t("address.update")}
          </Button>
          <p className="text-xs text-stone-600">{t("address.updateHint")}</p>
        </div>
      )}
      {isChina ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            {text("address", t("address.detail"), { autoComplete: "street-address" })}
          </div>
          {text("name", t("address.recipient"), { autoComplete: "name" })}
          {text("phone", t("address.mobile"), { type: "tel", autoComplete: "tel-national", inputMode: "tel" })}
          {text("postcode", t("address.postcodeOptional"), { autoComplete: "postal-code", inputMode: "numeric" })}
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {text("name", t("address.recipient"), { autoComplete: "name" })}
          {text("phone", t("address.phone"), { type: "tel", autoComplete: "tel", inputMode: "tel" })}
          <div className="sm:col-span-2">{text("address", t("address.line1"), { autoComplete: "address-line1" })}</div>
          <div className="sm:col-span-2">{text("address2", t("address.line2"), { autoComplete: "address-line2" })}</div>
          {text("city", t("address.city"), { autoComplete: "address-level2" })}
          {text("region", t("address.region"), { autoComplete: "address-level1" })}
          {text("postcode", t("address.postcode"), { autoComplete: "postal-code" })}
        </div>
      )}
      {withCustoms && isChina ? (
        <fieldset className="space-y-3 rounded border border-stone-200 p-3" data-testid="customs-fields">
          <legend className="px-1 font-semibold text-clay-900">{t("address.customsTitle")}</legend>
          <p className="text-xs text-stone-600">{t("address.customsNote")}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            {text("customsName", t("address.customsName"), { autoComplete: "off" })}
            <Field
              name="customsId"
              label={t("address.customsId")}
              autoComplete="off"
              spellCheck={false}
              maxLength={22}
              defaultValue=""
              error={error("customsId")}
            />
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
