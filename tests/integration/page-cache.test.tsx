import http from "node:http";
import type net from "node:net";
import express from "express";
import { Suspense, lazy } from "react";
import { afterEach, describe, expect, test } from "vitest";
import { renderDocument } from "#app/utils/render-document.server.tsx";
import { pageCache } from "#server/page-cache.ts";

/**
 * The page cache with the real document renderer over real HTTP. A page whose data never arrives is
 * cut off by the render time limit, the way an overloaded server cuts pages off; a page whose
 * component throws fails. Neither may be kept: the next visitor gets a fresh, whole render.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0)) fn();
});

type Mode = "whole" | "stalled" | "failing";

function Product() {
  return <p id="product">Yirgacheffe coffee</p>;
}

/** A part of the page whose code or data never arrives (as when the server is overloaded). */
const Stalled = lazy(() => new Promise<{ default: typeof Product }>(() => {}));

function Broken(): never {
  throw new Error("a component failed to render");
}

function page(mode: Mode) {
  return (
    <html lang="en">
      <body>
        <h1>Silk Road Market</h1>
        <p>Cart: 0</p>
        <Suspense fallback={<p>Loading…</p>}>
          {mode === "failing" ? <Broken /> : mode === "stalled" ? <Stalled /> : <Product />}
        </Suspense>
      </body>
    </html>
  );
}

async function serve() {
  let mode: Mode = "whole";
  let slow = false;
  let renders = 0;
  let ownRenders = 0;
  const app = express();
  app.use((_req, res, next) => {
    res.locals.origin = "http://localhost:3000";
    next();
  });
  app.use(
    pageCache({
      // A "cart=<n>" cookie stands for a guest with n items in the cart.
      context: async (req) =>
        ({
          user: null,
          cartOwner: /cart=\d+/.test(req.get("cookie") ?? "") ? { token: "t" } : null,
          cspNonce: "n",
          requestId: "r",
          render: { complete: true },
        }) as never,
      personalise: (html, request) => {
        const count = /cart=(\d+)/.exec(request.headers.get("cookie") ?? "")![1]!;
        return count === "99" ? null : html.replace("Cart: 0", `Cart: ${count}`);
      },
      render: async (request, context) => {
        renders += 1;
        // A slow render (its data takes a while), so that concurrent visitors overlap it.
        if (slow) await new Promise((resolve) => setTimeout(resolve, 300));
        // The shared page is rendered for nobody, whoever asked, and without their cookies.
        expect(context.cartOwner).toBeNull();
        expect(request.headers.get("cookie")).toBeNull();
        return renderDocument({
          element: page(mode),
          request,
          status: 200,
          headers: new Headers(),
          context,
          timeLimitMs: 100,
        });
      },
    }),
  );
  // What the app does with a visitor the cache passes on: renders the page for them.
  app.use((_req, res) => {
    ownRenders += 1;
    res.type("html").send("<p>own page</p>");
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  const get = async (cookie?: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: cookie ? { cookie } : {} });
    return { response, html: await response.text() };
  };
  return {
    get,
    setMode: (next: Mode) => (mode = next),
    setSlow: (next: boolean) => (slow = next),
    renders: () => renders,
    ownRenders: () => ownRenders,
  };
}

describe("the page cache keeps only whole renders", () => {
  test("a whole anonymous page is kept and served to the next visitor", async () => {
    const site = await serve();
    const first = await site.get();
    expect(first.response.headers.get("X-Cache")).toBe("MISS");
    expect(first.response.headers.get("Cache-Control")).toMatch(/^public/);
    expect(first.html).toContain("Yirgacheffe coffee");
    const second = await site.get();
    expect(second.response.headers.get("X-Cache")).toBe("HIT");
    expect(second.html).toBe(first.html);
    expect(site.renders()).toBe(1);
  });

  test("a render cut off by its time limit goes to its visitor alone, marked private; the next visitor gets a whole page", async () => {
    const site = await serve();
    site.setMode("stalled");
    const cut = await site.get();
    expect(cut.response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(cut.html).not.toContain("Yirgacheffe coffee");
    expect(cut.html).toContain("Loading…");

    site.setMode("whole");
    const next = await site.get();
    expect(next.response.headers.get("X-Cache")).toBe("MISS");
    expect(next.html).toContain("Yirgacheffe coffee");
    expect(site.renders()).toBe(2);
    expect((await site.get()).response.headers.get("X-Cache")).toBe("HIT");
  });

  test("a render that fails is never kept", async () => {
    const site = await serve();
    site.setMode("failing");
    const failed = await site.get();
    expect(failed.response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(failed.html).not.toContain("Yirgacheffe coffee");
    site.setMode("whole");
    const next = await site.get();
    expect(next.response.headers.get("X-Cache")).toBe("MISS");
    expect(next.html).toContain("Yirgacheffe coffee");
  });
});

describe("a crowd on an expired page", () => {
  test("waits for one render instead of each making its own", async () => {
    const site = await serve();
    site.setSlow(true);
    const crowd = await Promise.all([site.get(), site.get("cart=2"), site.get(), site.get("cart=5"), site.get()]);
    expect(site.renders()).toBe(1);
    expect(crowd.map((r) => r.response.headers.get("X-Cache")).sort()).toEqual(["HIT", "HIT", "HIT", "HIT", "MISS"]);
    for (const visitor of crowd) expect(visitor.html).toContain("Yirgacheffe coffee");
    expect(crowd[1]!.html).toContain("Cart: 2");
    expect(crowd[3]!.html).toContain("Cart: 5");
  });

  test("a render that cannot be shared is not handed to the others: each renders its own", async () => {
    const site = await serve();
    site.setSlow(true);
    site.setMode("failing");
    const crowd = await Promise.all([site.get(), site.get(), site.get()]);
    for (const visitor of crowd) expect(visitor.response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(site.renders()).toBe(3);
  });
});

describe("a guest with a cart shares the anonymous page, with their own parts written in (decision 039)", () => {
  test("one render serves anonymous visitors and guests with carts; a guest's page is private", async () => {
    const site = await serve();
    const guest = await site.get("cart=3");
    expect(guest.response.headers.get("X-Cache")).toBe("MISS");
    expect(guest.response.headers.get("X-Personal")).toBe("spliced");
    expect(guest.response.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(guest.html).toContain("Cart: 3");
    expect(guest.html).toContain("Yirgacheffe coffee");

    const anonymous = await site.get();
    expect(anonymous.response.headers.get("X-Cache")).toBe("HIT");
    expect(anonymous.response.headers.get("Cache-Control")).toMatch(/^public/);
    expect(anonymous.html).toContain("Cart: 0");
    expect(anonymous.html).not.toContain("Cart: 3");

    const other = await site.get("cart=7");
    expect(other.response.headers.get("X-Cache")).toBe("HIT");
    expect(other.html).toContain("Cart: 7");
    expect(site.renders()).toBe(1);
    expect(site.ownRenders()).toBe(0);
  });

  test("a page the parts cannot be written into is rendered for the guest instead", async () => {
    const site = await serve();
    const guest = await site.get("cart=99");
    expect(guest.html).toBe("<p>own page</p>");
    expect(site.ownRenders()).toBe(1);
  });

  test("a cut-off shared render is neither kept nor spliced: the guest's page is rendered for them", async () => {
    const site = await serve();
    site.setMode("stalled");
    const cut = await site.get("cart=2");
    expect(cut.html).toBe("<p>own page</p>");
    expect(site.ownRenders()).toBe(1);
    site.setMode("whole");
    expect((await site.get()).response.headers.get("X-Cache")).toBe("MISS");
  });
});
