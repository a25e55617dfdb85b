import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { SiteLayout } from "#app/components/layout.tsx";
import { LOCALES, LOCALE_INFO, localeFromPath, localizePath, stripLocale } from "#app/i18n/locales.ts";
import { createTranslator } from "#app/i18n/translate.ts";
import { hasCatalog } from "#app/i18n/catalogs.ts";
import { publicOrigin } from "#app/utils/origin.server.ts";
import { currentRate } from "#app/models/shipping/delivery.server.ts";
import { requireLocale } from "#app/utils/http.server.ts";
import { useNonce } from "#app/utils/nonce.tsx";
import { PersonalData } from "#app/utils/personal.tsx";
import { personalFor } from "#app/utils/personal.server.ts";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Every page's language comes from its URL prefix; "/xx/stores" is not a page of ours.
  requireLocale(params);
  // Absolute URLs for hreflang alternates: the configured public URL, else the request's own origin.
  const origin = publicOrigin(request);
  return {
    origin,
    // A document's personal parts travel apart from its data (the #personal-data script), so the
    // rest of a catalog page is the same for every shopper (decision 039); Remix's own `.data`
    // requests, which revalidate after actions, carry them here.
    personal: context.document ? null : personalFor(context),
    // Read once per request; every price on the page converts with it (decision 025).
    fx: currentRate(),
  };
}

export const meta: MetaFunction = ({ location }) => {
  const t = createTranslator(localeFromPath(location.pathname));
  return [{ title: t("site.name") }, { name: "description", content: t("site.description") }];
};

const OG_LOCALE = { en: "en_US", zh: "zh_CN", fr: "fr_FR" } as const;

/** Sort orders and filters are views of one page; only the page number (and a search query) make a different page. */
function canonicalQuery(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ["q", "page"]) {
    const value = params.get(key);
    if (value && !(key === "page" && value === "1")) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : "";
}

export function Layout({ children }: { children: ReactNode }) {
  const location = useLocation();
  const locale = localeFromPath(location.pathname);
  const data = useRouteLoaderData<typeof loader>("root");
  const origin = data?.origin ?? "";
  const path = stripLocale(location.pathname);
  const nonce = useNonce();
  // Marks the document once React has hydrated it (this effect runs after every child's), so the
  // browser tests can wait for interactive widgets instead of racing the client bundle.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  // A client-side navigation into another language (the switcher and sign-in redirects load whole
  // pages, so only an unforeseen link gets here) reloads the page: the browser holds one language's
  // messages (decision 039).
  useEffect(() => {
    if (!hasCatalog(locale)) window.location.reload();
  }, [locale]);
  return (
    <html lang={LOCALE_INFO[locale].htmlLang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {LOCALES.map((l) => (
          <link
            key={l}
            rel="alternate"
            hrefLang={LOCALE_INFO[l].hreflang}
            href={`${origin}${localizePath(path, l)}${location.search}`}
          />
        ))}
        <link rel="alternate" hrefLang="x-default" href={`${origin}${path}${location.search}`} />
        <link rel="canonical" href={`${origin}${location.pathname}${canonicalQuery(location.search)}`} />
        <meta property="og:url" content={`${origin}${location.pathname}${canonicalQuery(location.search)}`} />
        <meta property="og:site_name" content={createTranslator(locale)("site.name")} />
        <meta property="og:locale" content={OG_LOCALE[locale]} />
        <Links />
      </head>
      <body>
        <SiteLayout>{children}</SiteLayout>
        <PersonalData />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
