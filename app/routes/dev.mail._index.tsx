import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { useLocale } from "#app/i18n/use-locale.ts";
import { CHINA_TIME_ZONE, formatDateTime } from "#app/utils/datetime.ts";
import { loadEnv } from "#app/utils/env.server.ts";
import { requireDevMailbox } from "#app/utils/dev-mailbox.server.ts";
import { readMailbox } from "#app/utils/mailer.server.ts";

/**
 * The local mailbox (decision 021): every email the app sent while SMTP_URL is unset, newest first,
 * so a newcomer running `npm start` sees what shoppers and store owners would receive. A developer
 * tool: refused (404) when NODE_ENV is production. No state changes here.
 */
export async function loader(_args: LoaderFunctionArgs) {
  requireDevMailbox();
  const smtp = Boolean(loadEnv().SMTP_URL);
  const messages = readMailbox().map(({ id, to, subject, kind, locale, date }) => ({
    id,
    to,
    subject,
    kind,
    locale,
    date,
  }));
  return data({ smtp, messages }, { headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction = () => [
  { title: "Mailbox · Silk Road Market (development)" },
  { name: "robots", content: "noindex" },
];

export default function DevMailbox() {
  const { smtp, messages } = useLoaderData<{
    smtp: boolean;
    messages: { id: number; to: string; subject: string; kind: string; locale: string; date: string }[];
  }>();
  const locale = useLocale();
  return (
    <div lang="en">
      <PageHeading
        title="Mailbox"
        subtitle="Every email the app has sent from this machine (development only; SMTP_URL unset)."
      />
      {smtp ? (
        <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          SMTP_URL is set: new email goes to that server, not here.
        </p>
      ) : null}
      {messages.length === 0 ? (
        <p className="rounded border border-stone-200 bg-white p-6 text-stone-600" data-testid="mailbox-empty">
          No email yet. Place an order, sign up or ask for a password reset, and it appears here within a few seconds.
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" data-testid="mailbox">
          {messages.map((m) => (
            <li key={m.id}>
              <Link
                to={`/dev/mail/${m.id}`}
                className="flex flex-col gap-1 p-3 hover:bg-clay-50 focus-visible:bg-clay-50 sm:flex-row sm:items-baseline sm:gap-4"
              >
                <span className="font-medium text-clay-900 sm:flex-1">{m.subject}</span>
                <span className="text-sm text-stone-600">{m.to}</span>
                <span className="text-xs text-stone-500">
                  {m.kind} · {m.locale} · {formatDateTime(m.date, locale, CHINA_TIME_ZONE)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
