import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { ProductForm } from "#app/components/product-form.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { imageSources, isUploadedImage } from "#app/utils/images.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { listCategoryOptions } from "#app/models/catalog.server.ts";
import { getOwnProduct, saveOwnProduct } from "#app/models/owner/listings.server.ts";
import { translate } from "#app/i18n/translate.ts";
import { notFound } from "#app/utils/http.server.ts";
import { belowReservedVars } from "#app/utils/inventory.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import { productInputSchema } from "#app/utils/product-form.ts";

function productId(raw: string | undefined): number {
  if (!raw || !/^\d{1,12}$/.test(raw)) notFound();
  return Number(raw);
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const { store } = requireOwner({ request, context });
  // Another store's product is "not found", exactly like one that does not exist.
  const product = getOwnProduct(store, productId(params.id));
  if (!product) notFound();
  return {
    categories: listCategoryOptions(locale),
    product: {
      id: product.id,
      status: product.status,
      images: product.images,
      inventory: { onHand: product.onHand, reserved: product.reserved, available: product.stock },
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
        stock: String(product.onHand),
        sku: product.sku,
      },
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { locale } = context;
  const { store } = requireOwner({ request, context });
  const id = productId(params.id);
  if (!getOwnProduct(store, id)) notFound();
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: productInputSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = saveOwnProduct(store, id, submission.value);
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    if (result.error === "belowReserved") {
      // Fewer on the shelf than open orders hold: nothing is written, the owner is told which orders.
      const message = translate(locale, "inventory.belowReserved", belowReservedVars(result));
      return data({ result: submission.reply({ fieldErrors: { stock: [message] } }) }, { status: 409 });
    }
    const fieldErrors: Record<string, string[]> =
      result.error === "skuTaken" ? { sku: ["form.skuTaken"] } : { categorySlug: ["form.chooseCategory"] };
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirect(`${localizePath(`/sell/products/${id}`, locale)}?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ location, data: d }) =>
  pageMeta(location, (t) => d?.product.values.titleEn ?? t("sell.editProduct"));

export default function EditProduct() {
  const { categories, product } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const t = useT();
  return (
    <>
      <PageHeading
        title={t("sell.editProduct")}
        subtitle={`${product.values.sku} · ${t(`status.${product.status}`)}`}
      />
      {searchParams.get("saved") && !result ? (
        <Notice tone="success" className="mb-4">
          {t("sell.saved")}
        </Notice>
      ) : null}
      <ProductForm
        key={product.id}
        mode="edit"
        lastResult={result?.result}
        defaultValue={product.values}
        categories={categories}
        inventory={product.inventory}
      />
      <Photos productId={product.id} images={product.images} />
    </>
  );
}

const IMAGE_ERRORS = ["tooMany", "tooLarge", "notAnImage", "empty", "tooOften"] as const;

function Photos({ productId, images }: { productId: number; images: string[] }) {
  const t = useT();
  const href = useHref();
  const [searchParams] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const error = IMAGE_ERRORS.find((e) => e === searchParams.get("imageError"));
  const done = searchParams.get("images");
  const action = href(`/sell/products/${productId}/images`);
  return (
    <section aria-labelledby="photos-heading" className="mt-10 max-w-3xl">
      <h2 id="photos-heading" className="mb-2 text-lg font-bold text-clay-900">
        {t("sell.photos")}
      </h2>
      {error ? (
        <Notice tone="error" className="mb-3">
          {t(`image.${error}`)}
        </Notice>
      ) : done === "added" || done === "deleted" ? (
        <Notice tone="success" className="mb-3">
          {t(done === "added" ? "sell.photosAdded" : "sell.photoDeleted")}
        </Notice>
      ) : null}
      <ul className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4" role="list" data-testid="photos">
        {images.map((url, i) => {
          const { src, srcSet } = imageSources(url);
          return (
            <li key={url} className="rounded border border-stone-200 bg-white p-2">
              <img
                src={src}
                srcSet={srcSet}
                sizes="200px"
                alt={t("sell.photoAlt", { n: i + 1 })}
                className="aspect-square w-full object-cover"
              />
              {isUploadedImage(url) ? (
                <Form method="post" action={action} className="mt-2">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="url" value={url} />
                  <Button variant="secondary" size="xs" block>
                    {t("sell.deletePhoto", { n: i + 1 })}
                  </Button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
      <Form method="post" action={action} encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="photos" className="block text-sm font-medium text-stone-800">
            {t("sell.addPhotos")}
          </label>
          <input
            id="photos"
            name="photos"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            aria-describedby="photos-hint"
            className="mt-1 text-sm"
          />
          <p id="photos-hint" className="mt-1 text-xs text-stone-600">
            {t("sell.photoHint")}
          </p>
        </div>
        <Button pending={pending} className="text-sm">
          {pending ? t("sell.pending") : t("sell.upload")}
        </Button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
