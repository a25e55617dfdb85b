import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { ProductForm } from "#app/components/product-form.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { listCategoryOptions } from "#app/models/catalog.server.ts";
import { saveOwnProduct } from "#app/models/owner/listings.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import { productInputSchema } from "#app/utils/product-form.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  requireOwner({ request, context });
  return { categories: listCategoryOptions(locale) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = context;
  const { store } = requireOwner({ request, context });
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: productInputSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = saveOwnProduct(store, null, submission.value, form.get("intent") === "publish");
  if (!result.ok) {
    const fieldErrors: Record<string, string[]> =
      result.error === "skuTaken" ? { sku: ["form.skuTaken"] } : { categorySlug: ["form.chooseCategory"] };
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirect(`${localizePath(`/sell/products/${result.id}`, locale)}?saved=1`);
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("sell.newProduct"));

export default function NewProduct() {
  const { categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeading title={t("sell.newProduct")} />
      <ProductForm mode="create" lastResult={result?.result} categories={categories} />
    </>
  );
}
