import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FestivalVouchers } from "#app/components/admin/festival-vouchers.tsx";
import type { VoucherFormReply } from "#app/components/voucher-issue.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useHref } from "#app/i18n/use-locale.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { getFestivalForEdit } from "#app/models/admin/festivals.server.ts";
import { festivalVouchersData, voucherAction } from "#app/models/vouchers/issue-actions.server.ts";
import { issueFestivalVoucher, stopFestivalVoucher } from "#app/models/vouchers/vouchers.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

function festivalId(id: string | undefined): number {
  if (!id || !/^\d{1,9}$/.test(id)) notFound();
  return Number(id);
}

/** The festival's vouchers on a page of their own (the editor shows the same section). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const edit = getFestivalForEdit(user, festivalId(params.id), context.locale);
  if (!edit) notFound();
  return { name: edit.festival.name, id: edit.festival.id, ...festivalVouchersData(edit.festival, context.locale) };
}

/**
 * Issue a festival voucher or stop one (organizers; audited by the model). Done → back to the
 * editor's vouchers section; refused → this page, with the form as typed and each problem named.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const id = festivalId(params.id);
  const result = voucherAction(await request.formData(), "festival", {
    issue: (input) => issueFestivalVoucher(user, id, input),
    stop: (voucherId) => stopFestivalVoucher(user, id, voucherId),
  });
  if (result.data.ok) {
    const done = result.data.message === "vouchers.issued" ? "issued" : "stoppedOk";
    throw redirect(`${localizePath(`/admin/festivals/${id}`, context.locale)}?voucher=${done}#vouchers`);
  }
  return result;
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("vouchers.adminHeading"));

export default function FestivalVouchersPage() {
  const { id, name } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const href = useHref();
  return (
    <div className="space-y-4">
      <Link to={href(`/admin/festivals/${id}`)} className="text-sm text-clay-700 underline">
        ← {name}
      </Link>
      <FestivalVouchers reply={result && !result.ok ? (result as VoucherFormReply) : null} />
    </div>
  );
}
