import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The browser gets `app/i18n/catalogs.browser.ts` (the page's language, loaded on demand) where the
 * server, scripts and tests get `catalogs.ts` (every language, loaded): 72 kB of gzip saved per page.
 */
function browserCatalogs(): Plugin {
  const browser = path.resolve(import.meta.dirname, "app/i18n/catalogs.browser.ts");
  return {
    name: "silk-road:browser-catalogs",
    enforce: "pre",
    resolveId(source, _importer, options) {
      if (options?.ssr || !/(^|\/)i18n\/catalogs\.ts$|^\.\/catalogs\.ts$/.test(source)) return null;
      return browser;
    },
  };
}

export default defineConfig({
  plugins: [
    browserCatalogs(),
    tailwindcss(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        // Off: with it, every document request computed a partial route manifest (6 % of a product
        // page's CPU, decision 037); the whole manifest is one small cached asset instead.
        v3_lazyRouteDiscovery: false,
        v3_routeConfig: true,
      },
    }),
  ],
  server: { port: Number(process.env.PORT ?? 3000) },
});
