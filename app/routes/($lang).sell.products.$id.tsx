import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { ProductForm } from "#app/components/product-form.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import { getOwnProduct, listCategoryOptions, saveOwnProduct } from "#app/models/owner.server.ts";
import { requireOwner } from "#app/utils/auth.server.ts";
import { notFound, requireLocale } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseProductForm, type ProductFieldErrors } from "#app/utils/product-form.ts";

function productId(raw: string | undefined): number {
  if (!raw || !/^\d{1,12}$/.test(raw)) notFound();
  return Number(raw);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireOwner(request, locale);
  // Another store's product is "not found", exactly like one that does not exist.
  const product = getOwnProduct(user, productId(params.id));
  if (!product) notFound();
  return {
    categories: listCategoryOptions(locale),
    product: {
      id: product.id,
      status: product.status,
      values: {
        titleEn: product.titleEn,
        titleZh: product.titleZh,
        titleFr: product.titleFr,
        descriptionEn: product.descriptionEn,
        descriptionZh: product.descriptionZh,
        descriptionFr: product.descriptionFr,
        categorySlug: product.categorySlug,
        tags: product.tags.join(", "),
        price: (product.priceCents / 100).toFixed(2),
        stock: String(product.stock),
        sku: product.sku,
      },
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const user = await requireOwner(request, locale);
  const id = productId(params.id);
  if (!getOwnProduct(user, id)) notFound();
  const form = await request.formData();
  const parsed = parseProductForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = saveOwnProduct(user, id, parsed.data);
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    const errors: ProductFieldErrors = result.error === "skuTaken" ? { sku: "form.skuTaken" } : { categorySlug: "form.chooseCategory" };
    return data({ errors, values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) }, { status: 400 });
  }
  return redirect(`${localizePath(`/sell/products/${id}`, locale)}?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ location, data: d }) => pageMeta(location, (t) => d?.product.values.titleEn ?? t("sell.editProduct"));

export default function EditProduct() {
  const { categories, product } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  return (
    <>
      <PageHeading title={t("sell.editProduct")} subtitle={`${product.values.sku} · ${t(`status.${product.status}`)}`} />
      {searchParams.get("saved") && !result ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t("sell.saved")}
        </p>
      ) : null}
      <ProductForm key={product.id} mode="edit" values={result?.values ?? product.values} errors={result?.errors ?? {}} categories={categories} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
