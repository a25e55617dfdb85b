import fs from "node:fs";
import path from "node:path";
import { remember } from "@epic-web/remember";
import nodemailer, { type Transporter } from "nodemailer";
import { loadEnv } from "./env.server.ts";
import { notFound } from "./http.server.ts";

/**
 * Where email goes (decision 021): nodemailer over SMTP when `SMTP_URL` is set; otherwise the local
 * mailbox, a folder beside the database (`data/mail/`) that /dev/mail shows, so a newcomer running
 * `npm start` sees every email the app sends. The mailbox files a message under its notification id:
 * sending the same notification again replaces it rather than adding a copy.
 */
export interface OutgoingMail {
  /** The notification row's id. */
  id: number;
  kind: string;
  locale: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** `<…@…>`: the same on every attempt, so a receiving server can recognise a repeat. */
  messageId: string;
  headers: Record<string, string>;
  date: Date;
}

export interface Mailer {
  readonly kind: "smtp" | "mailbox";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A message as the local mailbox keeps it (`<id>.json` beside `<id>.eml`): its date as ISO text. */
export type MailboxEntry = Omit<OutgoingMail, "date"> & { date: string };

export function mailboxDir(): string {
  return path.join(path.dirname(path.resolve(loadEnv().DATABASE_PATH)), "mail");
}

const message = (mail: OutgoingMail) => ({
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  html: mail.html,
  text: mail.text,
  messageId: mail.messageId,
  headers: mail.headers,
  date: mail.date,
});

function smtpMailer(url: string): Mailer {
  // An SMTP outage fails a send in seconds; the outbox retries it later.
  const parsed = new URL(url);
  const timeouts: [string, string][] = [
    ["connectionTimeout", "10000"],
    ["greetingTimeout", "10000"],
    ["socketTimeout", "30000"],
  ];
  for (const [name, value] of timeouts) if (!parsed.searchParams.has(name)) parsed.searchParams.set(name, value);
  const transport: Transporter = nodemailer.createTransport(parsed.toString());
  return {
    kind: "smtp",
    async send(mail) {
      await transport.sendMail(message(mail));
    },
    close: () => transport.close(),
  };
}

function mailboxMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "mailbox",
    async send(mail) {
      const info = (await transport.sendMail(message(mail))) as { message: Buffer };
      fs.mkdirSync(dir, { recursive: true });
      const entry: MailboxEntry = { ...mail, date: mail.date.toISOString() };
      // Written under a temporary name, then renamed: /dev/mail never lists half a message.
      const write = (name: string, data: string | Buffer) => {
        const tmp = path.join(dir, `.${name}.tmp`);
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, path.join(dir, name));
      };
      write(`${mail.id}.eml`, info.message);
      write(`${mail.id}.json`, JSON.stringify(entry));
    },
    close: () => transport.close(),
  };
}

const holder = remember("mailer", () => ({ mailer: undefined as Mailer | undefined, key: "" }));

/** The process's mailer, for the current SMTP_URL (tests point it at their own SMTP server). */
export function getMailer(): Mailer {
  const url = loadEnv().SMTP_URL;
  const key = url ?? `mailbox:${mailboxDir()}`;
  if (!holder.mailer || holder.key !== key) {
    holder.mailer?.close();
    holder.mailer = url ? smtpMailer(url) : mailboxMailer(mailboxDir());
    holder.key = key;
  }
  return holder.mailer;
}

export function closeMailer() {
  holder.mailer?.close();
  holder.mailer = undefined;
  holder.key = "";
}

/** The local mailbox, newest first (an empty list when it does not exist yet). */
export function readMailbox(): MailboxEntry[] {
  const dir = mailboxDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d+\.json$/.test(name))
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as MailboxEntry)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
}

export function readMailboxEntry(id: number): MailboxEntry | null {
  const file = path.join(mailboxDir(), `${id}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as MailboxEntry) : null;
}

/** The origin of links in email: PUBLIC_URL, else the local server (there is no request to ask). */
export function mailOrigin(): string {
  const env = loadEnv();
  return env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, "") : `http://localhost:${env.PORT}`;
}

/** /dev/mail is a developer tool: a 404 when the operator runs in production. */
export function requireDevMailbox() {
  if (loadEnv().NODE_ENV === "production") notFound();
}
