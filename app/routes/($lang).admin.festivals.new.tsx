import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { FestivalForm } from "#app/components/festival-form.tsx";
import { PageHeading } from "#app/components/layout.tsx";
import { localizePath } from "#app/i18n/locales.ts";
import { useT } from "#app/i18n/use-locale.ts";
import { createFestival } from "#app/models/admin/festivals.server.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { festivalInputSchema } from "#app/utils/festival-form.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireOrganizer({ request, context });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { locale } = context;
  const user = requireOrganizer({ request, context });
  const submission = parseWithZod(await request.formData(), { schema: festivalInputSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = createFestival(user, submission.value);
  if (!result.ok)
    return data({ result: submission.reply({ fieldErrors: { slug: ["admin.errorSlugTaken"] } }) }, { status: 400 });
  return redirect(localizePath(`/admin/festivals/${result.id}?created=1`, locale));
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.newFestival"));

export default function NewFestival() {
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeading title={t("admin.newFestival")} subtitle={t("admin.newFestivalIntro")} />
      <FestivalForm mode="create" lastResult={result?.result} />
    </>
  );
}
