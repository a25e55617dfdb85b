import type net from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { setEnv } from "./env.ts";
import { closeMailer } from "#app/utils/mailer.server.ts";

/**
 * A real SMTP server in this process (smtp-server), parsing what it receives with mailparser. Point
 * the app at it with `useSmtpSink()`; `stop()` / `start()` take it down and bring it back on the same
 * port (an outage); `hold()` makes it keep the next message's DATA unanswered until `release()`.
 */
export interface SmtpSink {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Waits until at least n messages arrived (fails after the timeout). */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
  hold(): void;
  release(): void;
  /** Connections that were cut while a message was being received. */
  aborted: number;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let holding = false;
  const releaseHeld: (() => void)[] = [];
  let server: SMTPServer | null = null;
  let port = 0;
  const sink: SmtpSink = {
    url: "",
    port: 0,
    messages,
    aborted: 0,
    async waitFor(n, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          let cut = false;
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", () => (cut = true));
          stream.on("end", async () => {
            if (holding) await new Promise<void>((resolve) => releaseHeld.push(resolve));
            if (cut) {
              sink.aborted += 1;
              return callback(new Error("connection cut"));
            }
            messages.push(await simpleParser(Buffer.concat(chunks)));
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", () => resolve()));
      port = (server!.server.address() as net.AddressInfo).port;
      sink.port = port;
      sink.url = `smtp://127.0.0.1:${port}`;
    },
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const r of releaseHeld.splice(0)) r();
    },
  };
  await sink.start();
  return sink;
}

/** Points the app's mailer at this sink (SMTP_URL) for the rest of the file. */
export function useSmtpSink(sink: SmtpSink) {
  closeMailer();
  setEnv({ SMTP_URL: sink.url });
}

/** The first link in a message's plain text whose path contains `fragment`. */
export function linkIn(mail: ParsedMail, fragment: string): string {
  const links = (mail.text ?? "").match(/https?:\/\/[^\s\])>]+/g) ?? [];
  const found = links.find((l) => l.includes(fragment));
  if (!found) throw new Error(`no link containing ${fragment} in: ${mail.text}`);
  return found;
}
