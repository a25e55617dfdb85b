import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { loadCatalog } from "#app/i18n/catalogs.ts";
import { localeFromPath } from "#app/i18n/locales.ts";
import { PersonalProvider, readPersonalData } from "#app/utils/personal.tsx";

// Remix's default entry, after the page language's messages have loaded: the browser ships one
// language's catalog, not all three (app/i18n/catalogs.browser.ts).
void loadCatalog(localeFromPath(window.location.pathname)).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <PersonalProvider value={readPersonalData()}>
          <RemixBrowser />
        </PersonalProvider>
      </StrictMode>,
    );
  }),
);
