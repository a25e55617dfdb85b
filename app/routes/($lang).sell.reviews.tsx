import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { Pagination } from "#app/components/pagination.tsx";
import { StaffReview } from "#app/components/reviews/staff-review.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Textarea } from "#app/components/ui/input.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { listStoreReviews, replyToReview } from "#app/models/reviews.server.ts";
import { formInt, formText } from "#app/utils/form-values.ts";
import { pageMeta } from "#app/utils/meta.ts";
import { parseEnum, parsePage } from "#app/utils/params.ts";
import { OWNER_REVIEW_FILTERS, REPLY_MAX_LENGTH } from "#app/utils/reviews.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { store } = requireOwner({ request, context });
  const url = new URL(request.url);
  const show = parseEnum(url.searchParams.get("show"), OWNER_REVIEW_FILTERS, "unanswered");
  return { show, ...listStoreReviews(store, show, parsePage(url.searchParams.get("page")), context.locale) };
}

const ERRORS = {
  notFound: "admin.errorNotFound",
  alreadyReplied: "reviews.errorAlreadyReplied",
  tooShort: "reviews.errorReplyTooShort",
  tooLong: "reviews.errorReplyTooLong",
} as const satisfies Record<string, MessageKey>;

/** The owner's one reply to a review of their store (another store's review id: not found). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { store } = requireOwner({ request, context });
  const form = await request.formData();
  const reviewId = formInt(form, "reviewId");
  if (reviewId === null)
    return data({ ok: false, reviewId, message: "admin.errorBadRequest" as MessageKey }, { status: 400 });
  const result = replyToReview(store, reviewId, formText(form, "reply"));
  if (!result.ok)
    return data(
      { ok: false, reviewId, message: ERRORS[result.error] as MessageKey },
      { status: result.error === "notFound" ? 404 : result.error === "alreadyReplied" ? 409 : 400 },
    );
  return { ok: true, reviewId, message: "reviews.replied" as MessageKey };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("reviews.navOwner"));

export default function OwnerReviews() {
  const { show, items, pagination } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeading title={t("reviews.navOwner")} subtitle={t("reviews.ownerIntro")} />
      {result && !items.some((r) => r.id === result.reviewId) ? (
        // A replied review leaves "awaiting your reply": the result shows above the list then.
        <Notice tone={result.ok ? "success" : "error"} className="mb-4" data-testid="reply-result">
          {t(result.message)}
        </Notice>
      ) : null}
      <nav className="mb-4 flex gap-2 text-sm" aria-label={t("reviews.filter")}>
        {OWNER_REVIEW_FILTERS.map((f) => (
          <Link
            key={f}
            to={`${href("/sell/reviews")}?show=${f}`}
            aria-current={show === f ? "page" : undefined}
            className={`rounded px-3 py-1.5 ${show === f ? "bg-clay-700 text-white" : "bg-white text-clay-900 ring-1 ring-stone-200"}`}
          >
            {t(f === "unanswered" ? "reviews.showUnanswered" : "reviews.showAll")}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState title={t("reviews.ownerNone")} />
      ) : (
        <ul className="space-y-4" role="list">
          {items.map((review) => (
            <StaffReview key={review.id} review={review}>
              {result && result.reviewId === review.id ? (
                <Notice tone={result.ok ? "success" : "error"} className="mb-2" data-testid="reply-result">
                  {t(result.message)}
                </Notice>
              ) : null}
              {review.reply === null ? (
                <Form method="post" className="space-y-2" data-testid="reply-form">
                  <input type="hidden" name="reviewId" value={review.id} />
                  <label htmlFor={`reply-${review.id}`} className="block text-sm font-medium text-stone-800">
                    {t("reviews.replyLabel")}
                  </label>
                  <Textarea
                    id={`reply-${review.id}`}
                    name="reply"
                    rows={3}
                    required
                    maxLength={REPLY_MAX_LENGTH}
                    className="w-full"
                  />
                  <p className="text-xs text-stone-600">{t("reviews.replyOnce")}</p>
                  <Button type="submit" size="sm" pending={busy}>
                    {t("reviews.replySubmit")}
                  </Button>
                </Form>
              ) : null}
            </StaffReview>
          ))}
        </ul>
      )}
      <Pagination pagination={pagination} />
    </>
  );
}
