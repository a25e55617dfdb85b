import { Readable } from "node:stream";
import { and, eq, isNull } from "drizzle-orm";
import {
  routeArgs,
  callAs,
  replyErrors,
  replyValues,
  requestAs,
  unwrap,
  type RouteFn,
} from "#tests/support/loaders.ts";
import { beforeAll, describe, expect, test } from "vitest";
import * as apply from "#app/routes/($lang).account.apply.tsx";
import * as dashboard from "#app/routes/($lang).sell._index.tsx";
import * as profile from "#app/routes/($lang).sell.profile.tsx";
import * as imagesRoute from "#app/routes/($lang).sell.products.$id.images.tsx";
import * as importRoute from "#app/routes/($lang).sell.import.tsx";
import * as layout from "#app/routes/($lang).sell.tsx";
import * as exportRoute from "#app/routes/sell.export[.csv].ts";
import * as edit from "#app/routes/($lang).sell.products.$id.tsx";
import * as listings from "#app/routes/($lang).sell.products._index.tsx";
import * as create from "#app/routes/($lang).sell.products.new.tsx";
import type { OwnStore } from "#app/models/access.server.ts";
import { createImportJob } from "#app/models/owner/import-export.server.ts";
import { applyForStore } from "#app/models/owner/store-applications.server.ts";
import { searchCatalog } from "#app/models/search.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { products, searchOutbox, stores, users } from "#db/schema/index.ts";
import { createClient } from "#search/client.ts";
import { drainAll } from "#search/outbox.ts";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { useSearchIndex } from "#tests/support/search.ts";

// Only the listings this file creates are searched for: an index with no catalog in it will do.
const connection = useSearchIndex({ documents: "empty" });
const db = () => getDb();

const snapshot = (id: number) => db().select().from(products).where(eq(products.id, id)).get();

let visitors: Record<"anonymous" | "shopper" | "owner" | "otherOwner" | "organizer" | "unverifiedOwner", string | null>;
let ownProductId: number;
let otherProductId: number;
let matrixJob: string;

beforeAll(async () => {
  const a = ownerOf("yirga-highlands-coffee");
  const b = ownerOf("nyeri-hills-coffee");
  ownProductId = db().select().from(products).where(eq(products.storeId, a.store.id)).get()!.id;
  otherProductId = db().select().from(products).where(eq(products.storeId, b.store.id)).get()!.id;
  // An owner whose address is not verified (a store of their own, pending): may look, not act.
  const unverified = await newShopper();
  expect(
    applyForStore(unverified, {
      nameEn: "Unverified Crafts",
      nameZh: "",
      nameFr: "",
      countryCode: "GH",
      cityEn: "Accra",
    }).ok,
  ).toBe(true);
  // A checked CSV file of the "other owner", waiting for its confirmation.
  const csv = "sku,title_en,category,price_usd,stock\nMATRIX-CSV-1,Imported,coffee,5,1\n";
  const job = await createImportJob(b.store as OwnStore, b.user.id, {
    stream: Readable.from([Buffer.from(csv)]),
    fileName: "matrix.csv",
    bytes: csv.length,
  });
  matrixJob = job.ok ? job.jobId : "";
  visitors = {
    anonymous: null,
    shopper: await cookieFor((await newShopper()).id),
    owner: await cookieFor(a.user.id),
    otherOwner: await cookieFor(b.user.id),
    organizer: await cookieFor(organizer().id),
    unverifiedOwner: await cookieFor(unverified.id),
  };
});

describe("authorization matrix over /sell", () => {
  // [route, method, path, params, form?] — the product in the path belongs to the "owner" visitor.
  const routes = (): [string, RouteFn, string, Record<string, string>, Record<string, string>?][] => [
    ["dashboard", dashboard.loader as RouteFn, "/sell", {}],
    ["listings", listings.loader as RouteFn, "/sell/products", {}],
    [
      "stock edit",
      listings.action as RouteFn,
      "/sell/products",
      {},
      { intent: "stock", id: String(ownProductId), stock: "77" },
    ],
    ["archive", listings.action as RouteFn, "/sell/products", {}, { intent: "archive", id: String(ownProductId) }],
    ["new form", create.loader as RouteFn, "/sell/products/new", {}],
    [
      "create",
      create.action as RouteFn,
      "/sell/products/new",
      {},
      { titleEn: "Matrix Test Beans", categorySlug: "coffee", price: "10", stock: "1", sku: `MATRIX-${Date.now()}` },
    ],
    ["edit form", edit.loader as RouteFn, `/sell/products/${ownProductId}`, { id: String(ownProductId) }],
    [
      "edit",
      edit.action as RouteFn,
      `/sell/products/${ownProductId}`,
      { id: String(ownProductId) },
      { titleEn: "Hijacked", categorySlug: "coffee", price: "1", stock: "0", sku: "HIJACK-1" },
    ],
    [
      "photo delete",
      imagesRoute.action as RouteFn,
      `/sell/products/${ownProductId}/images`,
      { id: String(ownProductId) },
      { intent: "delete", url: "/media/000000000000000000000000-1200.webp" },
    ],
    ["layout", layout.loader as RouteFn, "/sell", {}],
    ["profile form", profile.loader as RouteFn, "/sell/profile", {}],
    [
      "profile",
      profile.action as RouteFn,
      "/sell/profile",
      {},
      { nameEn: "Nyeri Hills Coffee", countryCode: "KE", cityEn: "Nyeri" },
    ],
    ["import form", importRoute.loader as RouteFn, "/sell/import", {}],
    ["import", importRoute.action as RouteFn, "/sell/import", {}, { intent: "confirm", job: matrixJob }],
    ["export", exportRoute.loader as RouteFn, "/sell/export.csv", {}],
  ];
  // Expected status per visitor; the owner's writes are not run here (they change data; tested below).
  // An unverified owner reads their console but every write is refused before anything is looked up.
  const expected: Record<string, [number, number, number, number, number]> = {
    // anonymous, shopper, otherOwner, organizer, unverifiedOwner
    dashboard: [302, 403, 200, 403, 200],
    listings: [302, 403, 200, 403, 200],
    "stock edit": [302, 403, 404, 403, 403],
    archive: [302, 403, 404, 403, 403],
    "new form": [302, 403, 200, 403, 200],
    create: [302, 403, 302, 403, 403],
    "edit form": [302, 403, 404, 403, 404],
    edit: [302, 403, 404, 403, 403],
    "photo delete": [302, 403, 404, 403, 403],
    layout: [302, 403, 200, 403, 200],
    "profile form": [302, 403, 200, 403, 200],
    profile: [302, 403, 302, 403, 403],
    "import form": [302, 403, 200, 403, 200],
    import: [302, 403, 302, 403, 403],
    export: [302, 403, 200, 403, 200],
  };

  test("every route × every kind of visitor", async () => {
    const before = snapshot(ownProductId);
    const productCount = db().select().from(products).all().length;
    for (const [name, fn, path, params, form] of routes()) {
      const statuses = [];
      for (const who of ["anonymous", "shopper", "otherOwner", "organizer", "unverifiedOwner"] as const) {
        const result = await callAs(fn, visitors[who], path, form, params);
        if (who === "anonymous") expect(result.location, name).toMatch(/^\/login\?redirectTo=/);
        statuses.push(result.status);
      }
      expect(statuses, name).toEqual(expected[name]);
    }
    // Nothing the refused visitors tried changed the owner's product; only the other owner's own create added a row.
    expect(snapshot(ownProductId)).toEqual(before);
    // The other owner's create and CSV import each added one listing to their own store.
    expect(db().select().from(products).all().length).toBe(productCount + 2);
    expect(db().select().from(products).where(eq(products.sku, "MATRIX-CSV-1")).get()!.storeId).toBe(
      ownerOf("nyeri-hills-coffee").store.id,
    );
    const created = db().select().from(products).where(eq(products.titleEn, "Matrix Test Beans")).get()!;
    expect(created.storeId).toBe(ownerOf("nyeri-hills-coffee").store.id);
  });

  test("an owner cannot open, edit, restock, archive or change the photos of another store's product by its id", async () => {
    const id = String(otherProductId);
    const before = snapshot(otherProductId)!;
    const attempts: [string, RouteFn, string, Record<string, string>, Record<string, string>?][] = [
      ["edit form", edit.loader as RouteFn, `/sell/products/${id}`, { id }],
      [
        "edit",
        edit.action as RouteFn,
        `/sell/products/${id}`,
        { id },
        { titleEn: "Hijacked", categorySlug: "coffee", price: "1", stock: "0", sku: "HIJACK-2" },
      ],
      ["stock edit", listings.action as RouteFn, "/sell/products", {}, { intent: "stock", id, stock: "0" }],
      ["archive", listings.action as RouteFn, "/sell/products", {}, { intent: "archive", id }],
      [
        "photo delete",
        imagesRoute.action as RouteFn,
        `/sell/products/${id}/images`,
        { id },
        { intent: "delete", url: "/media/000000000000000000000000-1200.webp" },
      ],
    ];
    for (const [name, fn, path, params, form] of attempts)
      expect((await callAs(fn, visitors.owner, path, form, params)).status, name).toBe(404);
    expect(snapshot(otherProductId)).toEqual(before);
    // The same request from the product's own owner does change it: the 404 was about whose product it is.
    const restock = await callAs(listings.action as RouteFn, visitors.otherOwner, "/sell/products", {
      intent: "stock",
      id,
      stock: String(before.stock + 1),
    });
    expect(restock.status).toBe(200);
    expect(snapshot(otherProductId)!.stock).toBe(before.stock + 1);
  });

  test("the owner reaches their own pages", async () => {
    for (const [name, fn, path, params] of routes().filter((r) => !r[4])) {
      expect((await callAs(fn, visitors.owner, path, undefined, params)).status, name).toBe(200);
    }
  });

  test("ids that are not numbers, or do not exist, are 404", async () => {
    for (const id of ["abc", "-1", "1e3", "999999999"]) {
      expect(
        (await callAs(edit.loader as RouteFn, visitors.owner, `/sell/products/${id}`, undefined, { id })).status,
      ).toBe(404);
    }
    expect(
      (
        await callAs(listings.action as RouteFn, visitors.owner, "/sell/products", {
          intent: "stock",
          id: "abc",
          stock: "1",
        })
      ).status,
    ).toBe(404);
  });
});

describe("the owner's listings", () => {
  test("the dashboard counts by status and lists stock and translation problems", async () => {
    const data = (await dashboard.loader(await routeArgs(requestAs(visitors.owner, "/sell"), {}))) as Awaited<
      ReturnType<typeof dashboard.loader>
    >;
    const store = ownerOf("yirga-highlands-coffee").store;
    const active = db()
      .select()
      .from(products)
      .where(and(eq(products.storeId, store.id), eq(products.status, "active")))
      .all();
    expect(data.counts.active).toBe(active.length);
    expect(data.store).toMatchObject({ slug: "yirga-highlands-coffee", status: "approved" });
    expect(data.soldOut.map((p) => p.id).sort()).toEqual(
      active
        .filter((p) => p.stock === 0)
        .map((p) => p.id)
        .sort(),
    );
  });

  test("create with validation errors keeps what was typed and writes nothing", async () => {
    const count = db().select().from(products).all().length;
    const result = await unwrap(
      await create.action(
        await routeArgs(
          requestAs(visitors.owner, "/zh/sell/products/new", {
            titleEn: "",
            titleZh: "埃塞俄比亚蜂蜜",
            categorySlug: "nope!",
            price: "-3",
            stock: "many",
            sku: "bad sku!",
          }),
          { lang: "zh" },
        ),
      ),
    );
    expect(result.status).toBe(400);
    expect(replyErrors(result.body)).toEqual({
      titleEn: "form.required",
      categorySlug: "form.chooseCategory",
      price: "form.price",
      stock: "form.stock",
      sku: "form.sku",
    });
    expect(replyValues(result.body).titleZh).toBe("埃塞俄比亚蜂蜜");
    expect(db().select().from(products).all().length).toBe(count);
  });

  test("a duplicate SKU is refused", async () => {
    const existing = db().select().from(products).get()!;
    const result = await unwrap(
      await create.action(
        await routeArgs(
          requestAs(visitors.owner, "/sell/products/new", {
            titleEn: "Dup",
            categorySlug: "coffee",
            price: "5",
            stock: "1",
            sku: existing.sku,
          }),
          {},
        ),
      ),
    );
    expect(replyErrors(result.body)).toEqual({ sku: "form.skuTaken" });
  });

  test("create → publish → edit → stock → archive, each reaching the search index through the outbox", async () => {
    const sync = () => drainAll(db(), createClient(connection(), 30_000), connection());
    const sku = `OWN-${Date.now()}`;
    const created = await callAs(create.action as RouteFn, visitors.owner, "/sell/products/new", {
      titleEn: "Ethiopian Forest Honey Gift Jar",
      titleZh: "埃塞俄比亚森林蜂蜜礼盒",
      titleFr: "",
      categorySlug: "honey-sweets",
      tags: "honey, gift，礼品",
      price: "18.50",
      stock: "12",
      sku,
      intent: "publish",
    });
    expect(created.status).toBe(302);
    const row = db().select().from(products).where(eq(products.sku, sku)).get()!;
    expect(row).toMatchObject({
      status: "active",
      priceCents: 1850,
      stock: 12,
      titleFr: "",
      tags: ["honey", "gift", "礼品"],
    });
    expect(created.location).toBe(`/sell/products/${row.id}?saved=1`);
    expect(
      db()
        .select()
        .from(searchOutbox)
        .where(and(eq(searchOutbox.entityId, row.id), isNull(searchOutbox.doneAt)))
        .all().length,
    ).toBe(1);
    await sync();
    const found = await searchCatalog({ q: "森林蜂蜜礼盒", inStock: false, sort: "relevance", page: 1 }, "zh", {
      record: false,
    });
    expect(found.engine).toBe("meilisearch");
    expect(found.hits.map((h) => h.id)).toContain(row.id);

    const editForm = {
      titleEn: "Ethiopian Forest Honey Gift Jar, 500 g",
      titleZh: "埃塞俄比亚森林蜂蜜礼盒 500克",
      titleFr: "Coffret de miel de forêt d'Éthiopie, 500 g",
      categorySlug: "honey-sweets",
      tags: "honey",
      price: "19",
      stock: "12",
      sku,
    };
    expect(
      (
        await callAs(edit.action as RouteFn, visitors.owner, `/sell/products/${row.id}`, editForm, {
          id: String(row.id),
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await callAs(listings.action as RouteFn, visitors.owner, "/sell/products", {
          intent: "stock",
          id: String(row.id),
          stock: "0",
        })
      ).status,
    ).toBe(200);
    expect(snapshot(row.id)).toMatchObject({
      titleFr: "Coffret de miel de forêt d'Éthiopie, 500 g",
      priceCents: 1900,
      stock: 0,
    });
    await sync();
    const updated = await searchCatalog({ q: "miel de forêt", inStock: false, sort: "relevance", page: 1 }, "fr", {
      record: false,
    });
    expect(updated.engine).toBe("meilisearch");
    expect(updated.hits.find((h) => h.id === row.id)).toMatchObject({ priceCents: 1900, inStock: false });

    for (const bad of ["-1", "abc", "1.5", ""]) {
      expect(
        (
          await callAs(listings.action as RouteFn, visitors.owner, "/sell/products", {
            intent: "stock",
            id: String(row.id),
            stock: bad,
          })
        ).status,
        bad,
      ).toBe(400);
    }
    expect(
      (
        await callAs(listings.action as RouteFn, visitors.owner, "/sell/products", {
          intent: "archive",
          id: String(row.id),
        })
      ).status,
    ).toBe(200);
    await sync();
    const gone = await searchCatalog({ q: "森林蜂蜜礼盒", inStock: false, sort: "relevance", page: 1 }, "zh", {
      record: false,
    });
    expect(gone.engine).toBe("meilisearch");
    expect(gone.hits.map((h) => h.id)).not.toContain(row.id);
  });
});

describe("applying to open a store", () => {
  test("a shopper applies: the store is pending and they reach their console", async () => {
    const shopper = await newShopper({ verified: true });
    const cookie = await cookieFor(shopper.id);
    const refused = await unwrap(
      await apply.action(
        await routeArgs(requestAs(cookie, "/account/apply", { nameEn: "", countryCode: "XX", cityEn: "" }), {}),
      ),
    );
    expect(refused.status).toBe(400);
    const result = await callAs(
      apply.action as RouteFn,
      cookie,
      "/fr/account/apply",
      {
        nameEn: "Lake Malawi Honey Co",
        nameZh: "马拉维湖蜂蜜",
        nameFr: "",
        countryCode: "MW",
        cityEn: "Mangochi",
      },
      { lang: "fr" },
    );
    expect(result).toMatchObject({ status: 302, location: "/fr/sell" });
    const store = db().select().from(stores).where(eq(stores.ownerId, shopper.id)).get()!;
    expect(store).toMatchObject({ status: "pending", countryCode: "MW", slug: "lake-malawi-honey-co" });
    expect(db().select().from(users).where(eq(users.id, shopper.id)).get()!.role).toBe("owner");
    // Becoming an owner is a privilege change: the session is replaced (decision 018).
    const ownerCookie = result.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(ownerCookie).not.toBe(cookie);
    expect((await callAs(dashboard.loader as RouteFn, cookie, "/sell")).location).toMatch(/^\/login\?/);
    const page = (await dashboard.loader(await routeArgs(requestAs(ownerCookie, "/sell"), {}))) as Awaited<
      ReturnType<typeof dashboard.loader>
    >;
    expect(page.store.status).toBe("pending");
    // Applying twice is refused: one store per owner.
    expect(
      (
        await callAs(apply.action as RouteFn, ownerCookie, "/account/apply", {
          nameEn: "Second",
          countryCode: "MW",
          cityEn: "Zomba",
        })
      ).status,
    ).toBe(403);
  });

  test("organizers cannot apply", async () => {
    expect((await callAs(apply.loader as RouteFn, visitors.organizer, "/account/apply")).status).toBe(403);
  });
});

describe("store profile", () => {
  test("the owner edits names, story and city in three languages; bad input is refused field by field", async () => {
    const { store } = ownerOf("yirga-highlands-coffee");
    const fields = {
      nameEn: "Yirga Highlands Coffee",
      nameZh: "耶加高地咖啡",
      nameFr: "Café des Hauts de Yirga",
      taglineEn: "Washed and natural coffees from Gedeo",
      taglineZh: "来自盖德奥的水洗与日晒咖啡",
      taglineFr: "Cafés lavés et naturels du Gedeo",
      storyEn: "Family roasters since 2014.",
      storyZh: "自2014年起的家族烘焙坊。",
      storyFr: "Torréfacteurs en famille depuis 2014.",
      countryCode: "ET",
      cityEn: "Yirgacheffe",
      cityZh: "耶加雪菲",
      cityFr: "Yirgacheffe",
    };
    const ok = await callAs(profile.action as RouteFn, visitors.owner, "/sell/profile", fields);
    expect(ok).toMatchObject({ status: 302, location: "/sell/profile?saved=profile" });
    expect(db().select().from(stores).where(eq(stores.id, store.id)).get()).toMatchObject({
      taglineZh: "来自盖德奥的水洗与日晒咖啡",
      storyFr: "Torréfacteurs en famille depuis 2014.",
    });
    expect(
      db()
        .select()
        .from(searchOutbox)
        .where(
          and(eq(searchOutbox.entityType, "store"), eq(searchOutbox.entityId, store.id), isNull(searchOutbox.doneAt)),
        )
        .all().length,
    ).toBeGreaterThan(0);

    const bad = await unwrap(
      await profile.action(
        await routeArgs(
          requestAs(visitors.owner, "/sell/profile", {
            ...fields,
            nameEn: "",
            countryCode: "E1",
            storyEn: "x".repeat(5000),
          }),
          {},
        ),
      ),
    );
    expect(bad.status).toBe(400);
    expect(replyErrors(bad.body)).toEqual({
      nameEn: "form.required",
      countryCode: "form.country",
      storyEn: "form.tooLong",
    });
    expect(db().select().from(stores).where(eq(stores.id, store.id)).get()!.nameEn).toBe("Yirga Highlands Coffee");
  });

  test("only owners reach the profile, and only their own store changes", async () => {
    const other = ownerOf("nyeri-hills-coffee").store;
    const before = db()
      .select()
      .from(stores)
      .where(eq(stores.id, ownerOf("yirga-highlands-coffee").store.id))
      .get();
    expect((await callAs(profile.loader as RouteFn, visitors.shopper, "/sell/profile")).status).toBe(403);
    expect(
      (
        await callAs(profile.action as RouteFn, visitors.organizer, "/sell/profile", {
          nameEn: "Taken over",
          countryCode: "ET",
          cityEn: "X",
        })
      ).status,
    ).toBe(403);
    await callAs(profile.action as RouteFn, visitors.otherOwner, "/sell/profile", {
      nameEn: "Nyeri Hills Coffee Co",
      countryCode: "KE",
      cityEn: "Nyeri",
    });
    expect(db().select().from(stores).where(eq(stores.id, other.id)).get()!.nameEn).toBe("Nyeri Hills Coffee Co");
    expect(db().select().from(stores).where(eq(stores.id, before!.id)).get()).toEqual(before);
  });
});
