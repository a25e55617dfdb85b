import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeading } from "#app/components/layout.tsx";
import { notFound } from "#app/utils/http.server.ts";
import { readMailboxEntry, type MailboxEntry } from "#app/utils/mailer.server.ts";
import { requireDevMailbox } from "#app/utils/dev-mailbox.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  requireDevMailbox();
  if (!params.id || !/^\d{1,12}$/.test(params.id)) notFound();
  const entry = readMailboxEntry(Number(params.id));
  if (!entry) notFound();
  return data(entry, { headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction = () => [
  { title: "Mailbox · Silk Road Market (development)" },
  { name: "robots", content: "noindex" },
];

export default function DevMailMessage() {
  const mail = useLoaderData<MailboxEntry>();
  return (
    <div lang="en">
      <p className="mb-2 text-sm">
        <Link to="/dev/mail" className="text-clay-700 underline">
          ← Mailbox
        </Link>
      </p>
      <PageHeading title={mail.subject} />
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="mail-headers">
        <dt className="text-stone-500">From</dt>
        <dd>{mail.from}</dd>
        <dt className="text-stone-500">To</dt>
        <dd data-testid="mail-to">{mail.to}</dd>
        <dt className="text-stone-500">Message-ID</dt>
        <dd className="break-all">{mail.messageId}</dd>
        {Object.entries(mail.headers).map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-stone-500">{name}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      {/* The email's own HTML, isolated: no scripts, no access to this page. */}
      <iframe
        title={mail.subject}
        // Links open in the whole window, as a mail client opens them outside the message.
        srcDoc={mail.html.replace(/<head>/i, '<head><base target="_top">')}
        sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
        className="h-[640px] w-full rounded border border-stone-200 bg-white"
        data-testid="mail-html"
      />
      <details className="mt-4 rounded border border-stone-200 bg-white p-3">
        <summary className="cursor-pointer text-sm font-medium">Plain text</summary>
        <pre className="mt-2 text-sm break-words whitespace-pre-wrap" data-testid="mail-text">
          {mail.text}
        </pre>
      </details>
    </div>
  );
}
