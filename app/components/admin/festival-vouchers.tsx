import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { Notice } from "../ui/notice.tsx";
import {
  IssuedVoucherList,
  VoucherIssueForm,
  type IssuedVoucherRow,
  type VoucherFormReply,
} from "../voucher-issue.tsx";

export interface FestivalVouchersData {
  festivalVouchers: { festivalId: number; list: IssuedVoucherRow[]; defaults: { startsAt: string; endsAt: string } };
}

/**
 * The festival editor's vouchers (decision 034): those issued for the festival and the form to issue
 * one, posting to /admin/festivals/:id/vouchers (audited there), which comes back here with
 * `?voucher=` naming what was done. The editor's loader spreads festivalVouchersData(…) in.
 */
export function FestivalVouchers({ reply = null }: { reply?: VoucherFormReply | null }) {
  const { festivalVouchers } = useLoaderData<FestivalVouchersData>();
  const t = useT();
  const href = useHref();
  const [params] = useSearchParams();
  const done = params.get("voucher");
  const action = href(`/admin/festivals/${festivalVouchers.festivalId}/vouchers`);
  return (
    <section id="vouchers" aria-labelledby="festival-vouchers-heading" className="space-y-3">
      <h2 id="festival-vouchers-heading" className="text-lg font-bold text-clay-900">
        {t("vouchers.adminHeading")}
      </h2>
      <p className="max-w-prose text-sm text-stone-700">{t("vouchers.adminIntro")}</p>
      {done === "issued" || done === "stoppedOk" ? (
        <Notice tone="success" data-testid="voucher-done">
          {t(`vouchers.${done}` as MessageKey)}
        </Notice>
      ) : null}
      <IssuedVoucherList vouchers={festivalVouchers.list} action={action} />
      <details open={reply !== null || undefined} className="rounded-lg border border-stone-200 p-3">
        <summary className="text-clay-800 cursor-pointer font-medium">{t("vouchers.newHeading")}</summary>
        <div className="mt-3">
          <VoucherIssueForm scope="festival" action={action} reply={reply} defaults={festivalVouchers.defaults} />
        </div>
      </details>
    </section>
  );
}
