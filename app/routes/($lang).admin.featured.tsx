import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { EmptyState, PageHeading } from "#app/components/layout.tsx";
import { ProductPicker } from "#app/components/product-picker.tsx";
import { SortableList } from "#app/components/admin/sortable-list.tsx";
import { Combobox, useHydrated } from "#app/components/admin/combobox.tsx";
import { moveFeaturedTo, parseOrder, reorderFeatured } from "#app/models/admin/reorder.server.ts";
import { Button } from "#app/components/ui/button.tsx";
import { Notice } from "#app/components/ui/notice.tsx";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import {
  addFeaturedProduct,
  listFeaturedForCuration,
  moveFeaturedProduct,
  removeFeaturedProduct,
  type CurationResult,
} from "#app/models/admin/featured.server.ts";
import { parseSearchParams, searchCatalog } from "#app/models/search.server.ts";
import { requireOrganizer } from "#app/models/access.server.ts";
import { formId } from "#app/utils/intent.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { locale } = context;
  const user = requireOrganizer({ request, context });
  const { params: search } = parseSearchParams(
    new URLSearchParams({ q: new URL(request.url).searchParams.get("q") ?? "" }),
  );
  const picker = search.q ? await searchCatalog(search, locale, { record: false }) : null;
  return {
    featured: listFeaturedForCuration(user, locale),
    picker: { query: search.q, hits: picker?.hits ?? [], total: picker?.totalHits ?? 0 },
  };
}

const INTENT = {
  add: "add",
  remove: "remove",
  up: "up",
  down: "down",
  reorder: "reorder",
  moveTo: "move-to",
} as const;

const productId = formId("admin.errorBadRequest");
const curationActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal(INTENT.add), productId }),
    z.object({ intent: z.literal(INTENT.remove), productId }),
    z.object({ intent: z.enum([INTENT.up, INTENT.down]), productId }),
    z.object({ intent: z.literal(INTENT.reorder), order: z.string().max(20_000) }),
    z.object({ intent: z.literal(INTENT.moveTo), productId, position: formId("admin.errorBadRequest") }),
  ],
  { error: "admin.errorBadRequest" },
);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireOrganizer({ request, context });
  const submission = parseWithZod(await request.formData(), { schema: curationActionSchema });
  if (submission.status !== "success") return data({ ok: false, message: "admin.errorBadRequest" }, { status: 400 });
  const input = submission.value;
  if (input.intent === INTENT.reorder || input.intent === INTENT.moveTo) {
    const order = input.intent === INTENT.reorder ? parseOrder(input.order) : null;
    if (input.intent === INTENT.reorder && !order)
      return data({ ok: false, message: "admin.errorBadRequest" }, { status: 400 });
    const moved =
      input.intent === INTENT.reorder
        ? reorderFeatured(user, order!)
        : moveFeaturedTo(user, input.productId, input.position);
    if (!moved.ok)
      return data(
        { ok: false, message: moved.error === "stale" ? "org.errorStaleOrder" : "admin.errorNotFound" },
        { status: 409 },
      );
    return { ok: true, message: "org.orderSaved" };
  }
  let result: CurationResult;
  let done: MessageKey;
  switch (input.intent) {
    case INTENT.add:
      result = addFeaturedProduct(user, input.productId);
      done = "admin.featuredAdded";
      break;
    case INTENT.remove:
      result = removeFeaturedProduct(user, input.productId);
      done = "admin.featuredRemoved";
      break;
    case INTENT.up:
    case INTENT.down:
      result = moveFeaturedProduct(user, input.productId, input.intent);
      done = "admin.saved";
      break;
  }
  if (!result.ok)
    return data(
      { ok: false, message: result.error === "duplicate" ? "admin.errorAlreadyFeatured" : "admin.errorNotFound" },
      { status: 400 },
    );
  return { ok: true, message: done };
}

export const meta: MetaFunction = ({ location }) => pageMeta(location, (t) => t("admin.featuredTitle"));

export default function FeaturedCuration() {
  const { featured, picker } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const href = useHref();
  const featuredIds = new Set(featured.map((f) => f.id));
  const hydrated = useHydrated();
  return (
    <div className="space-y-6">
      <PageHeading title={t("admin.featuredTitle")} subtitle={t("admin.featuredIntro")} />
      {result ? <Notice tone={result.ok ? "success" : "error"}>{t(result.message as MessageKey)}</Notice> : null}
      {featured.length === 0 ? (
        <EmptyState title={t("home.noFeatured")} />
      ) : (
        <SortableList
          testId="featured-list"
          reorderIntent={INTENT.reorder}
          moveIntent={INTENT.moveTo}
          idField="productId"
          items={featured.map((p) => ({
            id: p.id,
            label: p.title,
            content: (
              <>
                <Link to={href(`/products/${p.slug}`)} className="font-medium underline">
                  {p.title}
                </Link>{" "}
                <span className="text-stone-600">
                  · {p.store.name} · {p.country.name}
                </span>
              </>
            ),
            extra: (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="productId" value={p.id} />
                <Button
                  variant="danger"
                  size="xs"
                  name="intent"
                  value={INTENT.remove}
                  aria-label={t("admin.removeNamed", { title: p.title })}
                >
                  {t("admin.remove")}
                </Button>
              </Form>
            ),
          }))}
        />
      )}
      {hydrated ? (
        <Form
          method="post"
          className="flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-4"
          preventScrollReset
        >
          <Combobox kind="product" name="productId" label={t("org.pickProduct")} required testId="featured-combobox" />
          <Button size="sm" name="intent" value={INTENT.add}>
            {t("admin.add")}
          </Button>
        </Form>
      ) : null}
      <ProductPicker
        query={picker.query}
        hits={picker.hits}
        total={picker.total}
        action={(hit) =>
          featuredIds.has(hit.id) ? (
            <span className="text-xs text-stone-600">{t("admin.alreadyFeatured")}</span>
          ) : (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="productId" value={hit.id} />
              <Button size="sm" name="intent" value={INTENT.add} aria-label={t("admin.addNamed", { title: hit.title })}>
                {t("admin.add")}
              </Button>
            </Form>
          )
        }
      />
    </div>
  );
}
