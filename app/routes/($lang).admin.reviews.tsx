import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { StaffReview } from "#app/components/reviews/staff-review.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Input } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { listReviewsForModeration, moderateReview } from "#app/models/reviews.server.ts";
import { formInt, formText } from "#app/utils/form-values.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";
import { HIDE_REASON_MAX_LENGTH, MODERATION_FILTERS } from "#app/utils/reviews.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const url = new URL(request.url);
  const show = parseEnum(url.searchParams.get("show"), MODERATION_FILTERS, "visible");
  return {
    show,
    ...listReviewsForModeration(user, show, parsePage(url.searchParams.get("page")), context.locale),
  };
}

const ERRORS = {
  notFound: "admin.errorNotFound",
  unchanged: "reviews.errorUnchanged",
  reasonRequired: "reviews.errorReasonRequired",
} as const satisfies Record<string, MessageKey>;

/** Hide a review with a reason, or show it again; both audited (model: moderateReview). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const form = await request.formData();
  const reviewId = formInt(form, "reviewId");
  const intent = formText(form, "intent");
  if (reviewId === null || (intent !== "hide" && intent !== "restore"))
    return data({ ok: false, reviewId, message: "admin.errorBadRequest" as MessageKey }, { status: 400 });
  const result = moderateReview(
    user,
    reviewId,
    intent === "hide" ? { hide: true, reason: formText(form, "reason") } : { hide: false },
  );
  if (!result.ok)
    return data(
      { ok: false, reviewId, message: ERRORS[result.error] as MessageKey },
      { status: result.error === "notFound" ? 404 : 400 },
    );
  return { ok: true, reviewId, message: (intent === "hide" ? "reviews.hidden" : "reviews.restored") as MessageKey };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("reviews.navAdmin"));

const FILTER_LABELS = {
  visible: "reviews.showVisible",
  hidden: "reviews.showHidden",
  low: "reviews.showLow",
  photos: "reviews.showPhotos",
} as const satisfies Record<(typeof MODERATION_FILTERS)[number], MessageKey>;

export default function AdminReviews() {
  const { show, items, pagination } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeading title={t("reviews.navAdmin")} subtitle={t("reviews.adminIntro")} />
      {result && !items.some((r) => r.id === result.reviewId) ? (
        <Notice tone={result.ok ? "success" : "error"} className="mb-4" data-testid="moderation-result">
          {t(result.message)}
        </Notice>
      ) : null}
      <nav className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t("reviews.filter")}>
        {MODERATION_FILTERS.map((f) => (
          <Link
            key={f}
            to={`${href("/admin/reviews")}?show=${f}`}
            aria-current={show === f ? "page" : undefined}
            className={`rounded px-3 py-1.5 ${show === f ? "bg-clay-700 text-white" : "bg-white text-clay-900 ring-1 ring-stone-200"}`}
          >
            {t(FILTER_LABELS[f])}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState title={t("reviews.adminNone")} />
      ) : (
        <ul className="space-y-4" role="list">
          {items.map((review) => (
            <StaffReview key={review.id} review={review}>
              {result && result.reviewId === review.id ? (
                <Notice tone={result.ok ? "success" : "error"} className="mb-2" data-testid="moderation-result">
                  {t(result.message)}
                </Notice>
              ) : null}
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="reviewId" value={review.id} />
                {review.status === "visible" ? (
                  <>
                    <div className="min-w-0 flex-1">
                      <label htmlFor={`reason-${review.id}`} className="block text-xs font-medium text-stone-700">
                        {t("reviews.hideReason")}
                      </label>
                      <Input
                        id={`reason-${review.id}`}
                        name="reason"
                        required
                        maxLength={HIDE_REASON_MAX_LENGTH}
                        compact
                        className="mt-1 w-full"
                      />
                    </div>
                    <Button type="submit" name="intent" value="hide" size="sm" variant="secondary" pending={busy}>
                      {t("reviews.hide")}
                    </Button>
                  </>
                ) : (
                  <Button type="submit" name="intent" value="restore" size="sm" variant="secondary" pending={busy}>
                    {t("reviews.restore")}
                  </Button>
                )}
              </Form>
            </StaffReview>
          ))}
        </ul>
      )}
      <Pagination pagination={pagination} />
    </>
  );
}
