import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { ProductForm } from "#app/components/product-form.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input } from "#app/components/ui/input.tsx";
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
      imageAlts: product.imageAlts,
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
      <Photos productId={product.id} images={product.images} alts={product.imageAlts} />
    </>
  );
}

const IMAGE_ERRORS = ["tooMany", "tooLarge", "notAnImage", "empty", "tooOften", "altTooLong"] as const;
const IMAGE_DONE = {
  added: "sell.photosAdded",
  deleted: "sell.photoDeleted",
  moved: "photo.moved",
  altSaved: "photo.altSaved",
} as const;

function Photos({
  productId,
  images,
  alts,
}: {
  productId: number;
  images: string[];
  alts: Record<string, { en?: string; zh?: string; fr?: string }>;
}) {
  const t = useT();
  const href = useHref();
  const [searchParams] = useSearchParams();
  const pending = useNavigation().state === "submitting";
  const error = IMAGE_ERRORS.find((e) => e === searchParams.get("imageError"));
  const doneParam = searchParams.get("images");
  const done = doneParam && doneParam in IMAGE_DONE ? IMAGE_DONE[doneParam as keyof typeof IMAGE_DONE] : null;
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
      ) : done ? (
        <Notice tone="success" className="mb-3">
          {t(done)}
        </Notice>
      ) : null}
      <ul className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4" role="list" data-testid="photos">
        {images.map((url, i) => {
          const { src, srcSet } = imageSources(url);
          return (
            <li
              key={url}
              className="relative rounded border border-stone-200 bg-white p-2"
              data-testid={`photo-${i + 1}`}
            >
              <img
                src={src}
                srcSet={srcSet}
                sizes="200px"
                alt={t("sell.photoAlt", { n: i + 1 })}
                className="aspect-square w-full object-cover"
              />
              {i === 0 ? (
                <span className="absolute top-3 left-3 rounded bg-clay-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                  {t("photo.cover")}
                </span>
              ) : null}
              {images.length > 1 ? (
                <Form method="post" action={action} className="mt-2 flex flex-wrap gap-1">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="url" value={url} />
                  {i > 0 ? (
                    <>
                      <Button variant="secondary" size="xs" name="move" value="cover">
                        {t("photo.makeCover")}
                        <span className="sr-only"> · {t("sell.photoAlt", { n: i + 1 })}</span>
                      </Button>
                      <Button variant="secondary" size="xs" name="move" value="earlier">
                        <span aria-hidden>←</span> {t("photo.earlier")}
                        <span className="sr-only"> · {t("sell.photoAlt", { n: i + 1 })}</span>
                      </Button>
                    </>
                  ) : null}
                  {i < images.length - 1 ? (
                    <Button variant="secondary" size="xs" name="move" value="later">
                      {t("photo.later")} <span aria-hidden>→</span>
                      <span className="sr-only"> · {t("sell.photoAlt", { n: i + 1 })}</span>
                    </Button>
                  ) : null}
                </Form>
              ) : null}
              <AltTextForm action={action} url={url} n={i + 1} alt={alts[url] ?? {}} />
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

/** A photo's alternative text in the three languages, under a disclosure (works without JavaScript). */
function AltTextForm({
  action,
  url,
  n,
  alt,
}: {
  action: string;
  url: string;
  n: number;
  alt: { en?: string; zh?: string; fr?: string };
}) {
  const t = useT();
  const id = (lang: string) => `alt-${lang}-${n}`;
  return (
    <details className="mt-2 text-xs">
      <summary className="cursor-pointer text-clay-700 underline">{t("photo.altTitle", { n })}</summary>
      <Form method="post" action={action} className="mt-2 space-y-2">
        <input type="hidden" name="intent" value="alt" />
        <input type="hidden" name="url" value={url} />
        <p className="text-stone-600">{t("photo.altHint")}</p>
        {(
          [
            ["altEn", "en", "photo.altEn"],
            ["altZh", "zh", "photo.altZh"],
            ["altFr", "fr", "photo.altFr"],
          ] as const
        ).map(([name, lang, label]) => (
          <div key={name}>
            <label htmlFor={id(lang)} className="block font-medium text-stone-700">
              {t(label)}
            </label>
            <Input
              compact
              id={id(lang)}
              name={name}
              lang={lang}
              maxLength={200}
              defaultValue={alt[lang] ?? ""}
              className="w-full"
            />
          </div>
        ))}
        <Button variant="secondary" size="xs">
          {t("photo.saveAlt")}
          <span className="sr-only"> · {t("sell.photoAlt", { n })}</span>
        </Button>
      </Form>
    </details>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
