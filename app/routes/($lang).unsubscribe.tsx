import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useT } from "#app/i18n/use-locale.ts";
import { readUnsubscribeToken, unsubscribe } from "#app/models/notifications.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

/**
 * One-click unsubscribe (RFC 8058) for non-transactional email. The link carries a signed token
 * (address + topic). GET only shows a button — mail scanners follow links, and a GET never changes
 * anything; the mail client's one-click POST, or the button, unsubscribes.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const target = readUnsubscribeToken(token);
  return data(
    { valid: target !== null, topic: target?.topic ?? null, token },
    { status: target ? 200 : 400, headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const form = await request.formData().catch(() => new FormData());
  const token = String(form.get("token") ?? url.searchParams.get("token") ?? "");
  const target = readUnsubscribeToken(token);
  if (!target) return data({ done: false }, { status: 400 });
  unsubscribe(target.email, target.topic);
  return { done: true };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("unsubscribe.title"));

export default function Unsubscribe() {
  const t = useT();
  const { valid, token, topic } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-md">
      <PageHeading title={t("unsubscribe.title")} />
      {result?.done ? (
        <Notice tone="success" data-testid="unsubscribed">
          {t("unsubscribe.done")}
        </Notice>
      ) : !valid || result?.done === false ? (
        <Notice tone="error">{t("unsubscribe.invalid")}</Notice>
      ) : (
        <Form method="post" className="space-y-4">
          <p>{t(topic === "reminders" ? "reminders.unsubscribeText" : "unsubscribe.lowStock")}</p>
          <input type="hidden" name="token" value={token} />
          <Button type="submit">{t("unsubscribe.confirm")}</Button>
        </Form>
      )}
    </div>
  );
}
