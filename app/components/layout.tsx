import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { LOCALES, LOCALE_INFO, localizePath, stripLocale } from "#app/i18n/locales.ts";
import { useHref, useLocale, useT } from "#app/i18n/use-locale.ts";
import { usePersonal } from "#app/utils/personal.tsx";
import { SearchBox } from "./search-box.tsx";

export function SiteLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="flex min-h-screen flex-col bg-clay-50 text-stone-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t("nav.skip")}
      </a>
      <Header />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <Footer />
    </div>
  );
}

/**
 * On a phone (under 640 px) the header is three rows: the logo with cart, account and languages;
 * the sections; the search box. From 640 px up it is one wrapping row. Every link is at least 44 px
 * tall on a phone. The search page has its own search box (with its filters), so the header leaves
 * its box out there: one search box per page (decision 027).
 */
function Header() {
  const t = useT();
  const href = useHref();
  const location = useLocation();
  const onSearchPage = stripLocale(location.pathname) === "/search";
  const link = "inline-flex min-h-11 items-center hover:underline sm:min-h-0";
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:gap-x-6 sm:gap-y-3 sm:py-3">
        <Link
          to={href("/")}
          className="flex min-h-11 min-w-0 items-center gap-2 text-lg font-bold text-clay-700 sm:min-h-0"
          data-testid="site-logo"
        >
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-8 w-8 shrink-0">
            <circle cx="16" cy="16" r="15" fill="#b4532a" />
            <path d="M5 20c5-8 9 4 14-4s6-6 8-5" stroke="#fbf6f1" strokeWidth="2.5" fill="none" strokeLinecap="round" />
          </svg>
          <span className="truncate">{t("site.name")}</span>
        </Link>
        <nav
          aria-label={t("nav.main")}
          className="order-1 flex w-full gap-x-5 text-sm font-medium sm:order-none sm:w-auto sm:gap-4"
        >
          <Link to={href("/festivals")} className={link}>
            {t("nav.festivals")}
          </Link>
          <Link to={href("/stores")} className={link}>
            {t("nav.stores")}
          </Link>
          <Link to={href("/countries")} className={link}>
            {t("nav.countries")}
          </Link>
          <Link to={href("/categories")} className={link}>
            {t("nav.categories")}
          </Link>
        </nav>
        {onSearchPage ? null : <SearchBox />}
        <div className={`ml-auto flex items-center gap-x-3 sm:gap-x-6 ${onSearchPage ? "" : "sm:ml-0"}`}>
          <CartLink />
          <AccountLink />
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}

function CartLink() {
  const t = useT();
  const href = useHref();
  // The server writes a guest's count into the shared page (spliceCartCount): keep this markup in step.
  const count = usePersonal().cartCount;
  return (
    <Link
      to={href("/cart")}
      className="inline-flex min-h-11 items-center gap-1 text-sm font-medium whitespace-nowrap hover:underline sm:min-h-0"
      data-testid="cart-link"
      aria-label={t("cart.linkLabel", { count })}
    >
      {t("cart.title")}{" "}
      <span className="rounded-full bg-clay-700 px-2 py-0.5 text-xs font-bold text-white" data-testid="cart-count">
        {count}
      </span>
    </Link>
  );
}

function AccountLink() {
  const t = useT();
  const href = useHref();
  const { user } = usePersonal();
  const className =
    "inline-flex min-h-11 items-center text-sm font-medium whitespace-nowrap hover:underline sm:min-h-0";
  return user ? (
    <Link to={href("/account")} className={className} data-testid="account-link">
      {t("auth.account")}
    </Link>
  ) : (
    <Link to={href("/login")} className={className} data-testid="login-link">
      {t("auth.loginTitle")}
    </Link>
  );
}

/** What a phone shows of each language's name (the link's accessible name stays the full one). */
const SHORT_LABEL = { en: "EN", zh: "中文", fr: "FR" } as const;

/** Links to the same page in each language, query string kept. */
export function LanguageSwitcher() {
  const t = useT();
  const current = useLocale();
  const location = useLocation();
  const path = stripLocale(location.pathname);
  return (
    <nav aria-label={t("nav.language")} className="flex text-sm sm:gap-2">
      {LOCALES.map((locale) => (
        <Link
          key={locale}
          to={`${localizePath(path, locale)}${location.search}`}
          // A full page load: the browser holds only the current language's messages.
          reloadDocument
          hrefLang={LOCALE_INFO[locale].hreflang}
          lang={LOCALE_INFO[locale].htmlLang}
          aria-current={locale === current ? "true" : undefined}
          className={`inline-flex min-h-11 min-w-8 items-center justify-center sm:min-h-0 sm:min-w-0 ${locale === current ? "font-bold text-clay-700 underline" : "text-stone-700 hover:underline"}`}
          aria-label={LOCALE_INFO[locale].label}
        >
          <span className="sm:hidden">{SHORT_LABEL[locale]}</span>
          <span className="hidden sm:inline">{LOCALE_INFO[locale].label}</span>
        </Link>
      ))}
    </nav>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="mt-12 border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-stone-600">
        <p>{t("footer.about")}</p>
        <p>{t("footer.campaign")}</p>
        <p>{t("footer.prices")}</p>
      </div>
    </footer>
  );
}

export function PageHeading({ title, subtitle }: { title: string; subtitle?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-bold text-clay-900 sm:text-3xl">{title}</h1>
      {subtitle ? <p className="mt-1 text-stone-700">{subtitle}</p> : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center">
      <p className="font-medium text-stone-800">{title}</p>
      {children ? <div className="mt-2 text-sm text-stone-600">{children}</div> : null}
    </div>
  );
}
