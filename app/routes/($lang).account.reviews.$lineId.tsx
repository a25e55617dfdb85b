import {
  MaxPartSizeExceededError,
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { ReviewForm } from "#app/components/reviews/review-form.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { getOwnLine, submitReview, type ReviewError } from "#app/models/reviews.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { formText } from "#app/utils/form-values.ts";
import { notFound } from "#app/utils/http.server.ts";
import { MAX_IMAGE_BYTES } from "#app/utils/images.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { UPLOAD_LIMIT, hitRateLimit } from "#app/utils/rate-limit.server.ts";
import { MAX_REVIEW_PHOTOS } from "#app/utils/reviews.ts";

const ERRORS: Record<ReviewError | "tooOften", MessageKey> = {
  notFound: "reviews.errorNotFound",
  notShipped: "reviews.errorNotShipped",
  alreadyReviewed: "reviews.errorAlready",
  badRating: "reviews.errorRating",
  tooShort: "reviews.errorTooShort",
  tooLong: "reviews.errorTooLong",
  tooManyPhotos: "reviews.errorTooManyPhotos",
  tooLarge: "reviews.errorPhotoTooLarge",
  notAnImage: "reviews.errorNotAnImage",
  empty: "reviews.errorNotAnImage",
  tooOften: "reviews.errorTooOften",
};

function lineIdParam(value: string | undefined): number {
  if (!value || !/^\d{1,12}$/.test(value)) notFound();
  return Number(value);
}

/** The buyer's own line only: anyone else's line id is a 404, as is a line that does not exist. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser({ request, context });
  const line = getOwnLine(user.id, lineIdParam(params.lineId), context.locale);
  if (!line) notFound();
  return { line };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser({ request, context });
  const lineId = lineIdParam(params.lineId);
  const fail = (error: ReviewError | "tooOften", values: { rating?: number; body?: string } = {}, status = 400) =>
    data({ message: ERRORS[error], values }, { status });
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return fail("notAnImage");
  // Photos are decoded on the server: the same per-user allowance as owners' uploads.
  if (await hitRateLimit("upload", String(user.id), UPLOAD_LIMIT)) return fail("tooOften", {}, 429);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({
        maxPartSize: MAX_IMAGE_BYTES,
        // The memory handler drops every part the filter refuses, text fields too.
        filter: ({ name }) => name === "photos" || name === "rating" || name === "body",
      }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail("tooLarge");
    throw error;
  }
  const rating = Number(formText(form, "rating"));
  const body = formText(form, "body");
  const values = { rating, body };
  const files = form
    .getAll("photos")
    .filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
  if (files.length > MAX_REVIEW_PHOTOS) return fail("tooManyPhotos", values);
  const result = await submitReview(
    user,
    lineId,
    { rating, body, locale: context.locale },
    await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer()))),
  );
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    return fail(result.error, values, result.error === "alreadyReviewed" || result.error === "notShipped" ? 409 : 400);
  }
  return redirect(`${localizePath(`/products/${result.productSlug}`, context.locale)}?reviewed=1#reviews`);
}

export const meta: MetaFunction<typeof loader> = ({ location }) => pageMeta(location, (t) => t("reviews.write"));

export default function WriteReview() {
  const { line } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  return (
    <div className="max-w-xl">
      <PageHeading title={t("reviews.write")} subtitle={line.title} />
      <p className="mb-4 text-sm">
        <Link to={href(`/account/orders/${line.orderId}`)} className="text-clay-700 underline">
          {t("reviews.backToOrder", { id: line.orderId })}
        </Link>
      </p>
      {result ? (
        <Notice tone="error" className="mb-4" data-testid="review-error">
          {t(result.message)}
        </Notice>
      ) : null}
      {line.review ? (
        <Notice tone="info" announce={false} data-testid="already-reviewed">
          {t("reviews.errorAlready")}{" "}
          <Link to={`${href(`/products/${line.productSlug}`)}#reviews`} className="underline">
            {t("reviews.seeOnProduct")}
          </Link>
        </Notice>
      ) : !line.shipped ? (
        <Notice tone="info" announce={false} data-testid="not-shipped">
          {t("reviews.errorNotShipped")}
        </Notice>
      ) : (
        <ReviewForm defaults={result?.values} />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
