import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { IssuedVoucherList, VoucherIssueForm } from "#app/components/voucher-issue.tsx";
import { useT } from "#app/i18n/use-locale.ts";
import { requireOwner } from "#app/models/access.server.ts";
import { defaultWindow, voucherAction } from "#app/models/vouchers/issue-actions.server.ts";
import { issueStoreVoucher, listIssuedVouchers, stopStoreVoucher } from "#app/models/vouchers/vouchers.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader(args: LoaderFunctionArgs) {
  const { store } = requireOwner(args);
  return { vouchers: listIssuedVouchers({ storeId: store.id }, args.context.locale), defaults: defaultWindow() };
}

/** Issue a store voucher, or stop issuing one (decision 034). */
export async function action(args: ActionFunctionArgs) {
  const { store, user } = requireOwner(args);
  return voucherAction(await args.request.formData(), "store", {
    issue: (input) => issueStoreVoucher(store, user.id, input),
    stop: (id) => stopStoreVoucher(store, id),
  });
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("vouchers.sellTitle"));

export default function SellVouchers() {
  const { vouchers, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeading title={t("vouchers.sellTitle")} />
      <p className="mb-4 max-w-prose text-sm text-stone-700">{t("vouchers.sellIntro")}</p>
      {result?.ok ? (
        <Notice tone="success" className="mb-4" data-testid="voucher-done">
          {t(result.message)}
        </Notice>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="issued-heading" className="space-y-2">
          <h2 id="issued-heading" className="font-semibold text-clay-900">
            {t("vouchers.heading")}
          </h2>
          <IssuedVoucherList vouchers={vouchers} />
        </section>
        <section aria-labelledby="new-voucher-heading" className="space-y-2">
          <h2 id="new-voucher-heading" className="font-semibold text-clay-900">
            {t("vouchers.newHeading")}
          </h2>
          <VoucherIssueForm
            scope="store"
            reply={result && !result.ok ? result : null}
            defaults={defaults}
            key={result?.ok ? vouchers.length : "form"}
          />
        </section>
      </div>
    </>
  );
}
