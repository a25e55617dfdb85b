import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { Locale } from "#app/i18n/locales.ts";
import type { Translate } from "#app/i18n/translate.ts";

/** The campaign's look in email: clay on warm white, one column, no images to fetch, no tracking. */
export const colors = {
  clay50: "#fbf6f1",
  clay100: "#f4e7da",
  clay600: "#b4532a",
  clay700: "#8f3f1f",
  clay900: "#4a2212",
};

export const text: CSSProperties = { color: colors.clay900, fontSize: "15px", lineHeight: "24px", margin: "0 0 12px" };
export const muted: CSSProperties = { ...text, color: "#6b5a4f", fontSize: "13px", lineHeight: "20px" };
export const button: CSSProperties = {
  backgroundColor: colors.clay600,
  borderRadius: "6px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "15px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};

const LANG: Record<Locale, string> = { en: "en", zh: "zh-CN", fr: "fr" };

export function EmailLayout({
  locale,
  t,
  origin,
  preview,
  children,
  unsubscribeUrl,
}: {
  locale: Locale;
  t: Translate;
  origin: string;
  preview: string;
  children: ReactNode;
  /** Non-transactional mail only: where one click stops this kind of email. */
  unsubscribeUrl?: string;
}) {
  const home = `${origin}${locale === "en" ? "/" : `/${locale}`}`;
  return (
    <Html lang={LANG[locale]}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: colors.clay50,
          fontFamily: '-apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", Arial, sans-serif',
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", maxWidth: "560px", padding: "0" }}>
          <Section style={{ backgroundColor: colors.clay700, borderRadius: "8px 8px 0 0", padding: "16px 24px" }}>
            <Link href={home} style={{ color: "#ffffff", fontSize: "18px", fontWeight: 700, textDecoration: "none" }}>
              {t("site.name")}
            </Link>
            <Text style={{ color: colors.clay100, fontSize: "12px", lineHeight: "18px", margin: "4px 0 0" }}>
              {t("site.tagline")}
            </Text>
          </Section>
          <Section style={{ padding: "24px" }}>{children}</Section>
          <Hr style={{ borderColor: colors.clay100, margin: "0" }} />
          <Section style={{ padding: "16px 24px" }}>
            <Text style={muted}>{t(unsubscribeUrl ? "email.footerOptional" : "email.footerTransactional")}</Text>
            {unsubscribeUrl ? (
              <Text style={muted}>
                <Link href={unsubscribeUrl} style={{ color: colors.clay700 }}>
                  {t("email.unsubscribe")}
                </Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  return <Text style={{ ...text, fontSize: "20px", fontWeight: 700, lineHeight: "28px" }}>{children}</Text>;
}

export function ButtonLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      <Link href={href} style={button}>
        {children}
      </Link>
    </Section>
  );
}

/** A table of order lines: title × quantity, amount. */
export function Lines({ rows }: { rows: { label: string; amount: string }[] }) {
  return (
    <table
      className="lines"
      role="presentation"
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      style={{ margin: "0 0 12px" }}
    >
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td style={{ ...text, borderBottom: `1px solid ${colors.clay100}`, padding: "6px 0" }}>{row.label}</td>
            <td
              style={{
                ...text,
                borderBottom: `1px solid ${colors.clay100}`,
                padding: "6px 0",
                textAlign: "right",
                whiteSpace: "nowrap",
              }}
            >
              {row.amount}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
