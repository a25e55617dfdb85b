import { createRemixStub } from "@remix-run/testing";
import { renderToString } from "react-dom/server";
import { expect, test } from "vitest";
import SearchPage, { loader } from "#app/routes/($lang).search.tsx";
import { setSearchConnection } from "#search/client.ts";
import { runLoader } from "#tests/support/loaders.ts";

/** Renders the real /search route component with what its loader returned. */
async function render(path: string) {
  const data = await runLoader(loader, path, path.startsWith("/zh") ? { lang: "zh" } : {});
  const Stub = createRemixStub([{ id: "search", path: "/:lang?/search", Component: SearchPage, loader: () => data }]);
  return renderToString(<Stub initialEntries={[path]} hydrationData={{ loaderData: { search: data } }} />);
}

test("the page says when search is limited to the SQLite fallback", async () => {
  setSearchConnection(null);
  const html = await render("/search?q=shea");
  expect(html).toContain('data-testid="limited-search"');
  expect(html).toContain("Limited search");
  const zh = await render("/zh/search?q=%E4%B9%B3%E6%9C%A8%E6%9E%9C");
  expect(zh).toContain("简易搜索模式");
});

test("matches are marked, user text is escaped, chips and facets are links without JavaScript", async () => {
  setSearchConnection(null);
  const html = await render("/search?q=shea&country=GH&inStock=1");
  expect(html).toMatch(/<mark[^>]*>Shea<\/mark>/);
  expect(html).toContain('aria-label="Remove filter: Ghana"');
  expect(html).toContain('href="/search?q=shea&amp;inStock=1"');
  expect(html).toContain('aria-label="Remove filter: In stock"');
  const hostile = await render(`/search?q=${encodeURIComponent("<script>alert(1)</script>")}`);
  expect(hostile).not.toContain("<script>alert(1)</script>");
  expect(hostile).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
});
