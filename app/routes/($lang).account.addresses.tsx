import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { AddressFields } from "#app/components/address-fields.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { Button, buttonClass } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import {
  deleteAddress,
  getAddress,
  listAddresses,
  saveAddress,
  setDefaultAddress,
} from "#app/models/addresses.server.ts";
import { addressFormState, addressValues, echoValues, parseAddress } from "#app/utils/address-form.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { formText } from "#app/utils/form-values.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

/** What `?done=` says after a redirect here. */
const DONE = {
  saved: "address.book.saved",
  deleted: "address.book.deleted",
  default: "address.book.defaultSet",
} as const;

/**
 * The signed-in shopper's address book (decision 026): list, add (?new), edit (?edit=id), delete,
 * make default. Another shopper's address id is 404 and changes nothing (the model checks).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser({ request, context });
  const { locale } = context;
  const query = new URL(request.url).searchParams;
  const editId = query.get("edit");
  let form: { id: number | null; state: ReturnType<typeof addressFormState> } | null = null;
  if (editId !== null) {
    const address = /^\d+$/.test(editId) ? getAddress(user.id, Number(editId), locale) : null;
    if (!address) notFound();
    form = { id: address.id, state: addressFormState(addressValues(address), {}, locale) };
  } else if (query.has("new")) {
    form = { id: null, state: addressFormState({ country: locale === "zh" ? "CN" : "" }, {}, locale) };
  }
  return { addresses: listAddresses(user.id, locale), form };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser({ request, context });
  const { locale } = context;
  const here = localizePath("/account/addresses", locale);
  const form = await request.formData();
  const intent = formText(form, "intent");
  const idText = formText(form, "id");
  const id = /^\d+$/.test(idText) ? Number(idText) : null;
  if (intent === "delete" || intent === "default") {
    if (id === null) notFound();
    const done = intent === "delete" ? deleteAddress(user.id, id) : setDefaultAddress(user.id, id);
    if (!done) notFound();
    return redirect(`${here}?done=${intent === "delete" ? "deleted" : "default"}`);
  }
  const values = echoValues(form);
  const again = (errors = {}, status = 200) =>
    data({ form: { id, state: addressFormState(values, errors, locale) } }, { status });
  if (intent === "update") return again();
  const parsed = parseAddress(form);
  if (!parsed.ok) return again(parsed.errors, 400);
  const saved = saveAddress(user.id, id, parsed.value, { makeDefault: formText(form, "makeDefault") === "on" });
  if (!saved.ok) {
    if (saved.error === "not-found") notFound();
    return data({ form: { id, state: addressFormState(values, {}, locale) }, tooMany: true }, { status: 409 });
  }
  return redirect(`${here}?done=saved`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("address.book.title"));

export default function AddressBook() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = result?.form ?? loaded.form;
  const t = useT();
  const href = useHref();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === "save";
  const done = searchParams.get("done");
  const doneKey = done && Object.hasOwn(DONE, done) ? DONE[done as keyof typeof DONE] : null;
  const here = href("/account/addresses");
  return (
    <div className="max-w-3xl">
      <PageHeading title={t("address.book.title")} />
      {doneKey && !form ? (
        <Notice tone="success" className="mb-6" data-testid="addresses-done">
          {t(doneKey)}
        </Notice>
      ) : null}
      {form ? (
        <Form
          method="post"
          action={here}
          noValidate
          className="space-y-4 rounded-lg border border-stone-200 bg-white p-4"
        >
          <h2 className="font-semibold text-clay-900">
            {form.id === null ? t("address.book.add") : t("address.book.editTitle")}
          </h2>
          {form.id !== null ? <input type="hidden" name="id" value={form.id} /> : null}
          <AddressFields state={form.state} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="makeDefault" />
            {t("address.book.makeDefault")}
          </label>
          <p className="text-xs text-stone-600">{t("address.book.noId")}</p>
          <div className="flex flex-wrap gap-3">
            <Button name="intent" value="save" pending={pending}>
              {t("address.book.save")}
            </Button>
            <Link to={here} className={buttonClass({ variant: "secondary" })}>
              {t("address.book.cancel")}
            </Link>
          </div>
        </Form>
      ) : (
        <p className="mb-4">
          <Link to={`${here}?new`} className={buttonClass({ variant: "outline" })} data-testid="add-address">
            {t("address.book.add")}
          </Link>
        </p>
      )}
      {loaded.addresses.length === 0 ? (
        <p className="mt-6 text-stone-700">{t("address.book.empty")}</p>
      ) : (
        <ul className="mt-6 grid gap-3 sm:grid-cols-2" data-testid="address-list">
          {loaded.addresses.map((a) => (
            <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
              <p className="font-medium">
                {a.name} · {a.phoneDisplay}
                {a.isDefault ? (
                  <span className="ml-2 rounded bg-clay-100 px-1.5 text-xs text-clay-900">
                    {t("address.book.default")}
                  </span>
                ) : null}
              </p>
              {a.lines.map((line, i) => (
                <p key={i} className="text-stone-700">
                  {line}
                </p>
              ))}
              <div className="mt-2 flex flex-wrap gap-2">
                <Link to={`${here}?edit=${a.id}`} className={buttonClass({ variant: "secondary", size: "xs" })}>
                  {t("address.book.edit")}
                </Link>
                {a.isDefault ? null : (
                  <Form method="post" action={here}>
                    <input type="hidden" name="id" value={a.id} />
                    <Button name="intent" value="default" variant="secondary" size="xs">
                      {t("address.book.setDefault")}
                    </Button>
                  </Form>
                )}
                <Form method="post" action={here}>
                  <input type="hidden" name="id" value={a.id} />
                  <Button name="intent" value="delete" variant="danger" size="xs">
                    {t("address.book.delete")}
                  </Button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
