import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import { hitRateLimit, UPLOAD_LIMIT } from "#app/utils/rate-limit.server.ts";
import { requireOwner } from "#app/models/access.server.ts";
import {
  IMAGE_MOVES,
  addOwnProductImages,
  deleteOwnProductImage,
  moveOwnProductImage,
  setOwnProductImageAlt,
} from "#app/models/owner/images.server.ts";
import { getOwnProduct } from "#app/models/owner/listings.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { MAX_IMAGES_PER_PRODUCT, MAX_IMAGE_BYTES } from "#app/utils/images.ts";

/**
 * POST only: upload photos (multipart, field `photos`); or, for one photo (`url`), delete it
 * (`intent=delete`), move it (`intent=move`, `move` = cover | earlier | later) or set its
 * alternative text (`intent=alt`, `altEn`, `altZh`, `altFr`); then back to the edit page with the
 * outcome in the query string (works without JavaScript).
 */
export async function loader() {
  notFound();
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { locale } = context;
  const { store, user } = requireOwner({ request, context });
  if (!params.id || !/^\d{1,12}$/.test(params.id)) notFound();
  const id = Number(params.id);
  if (!getOwnProduct(store, id)) notFound();
  const back = (query: string) => redirect(`${localizePath(`/sell/products/${id}`, locale)}?${query}`);

  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    // Decoding photos is the costliest thing an owner can ask for: a per-user allowance, refused
    // before the body is read.
    if (await hitRateLimit("upload", String(user.id), UPLOAD_LIMIT)) return back("imageError=tooOften");
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES, filter: ({ name }) => name === "photos" }),
      );
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return back("imageError=tooLarge");
      throw error;
    }
    const files = form
      .getAll("photos")
      .filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
    if (files.length > MAX_IMAGES_PER_PRODUCT) return back("imageError=tooMany");
    const result = await addOwnProductImages(
      store,
      id,
      await Promise.all(files.map(async (f) => Buffer.from(await f.arrayBuffer()))),
    );
    if (!result.ok) {
      if (result.error === "notFound") notFound();
      return back(`imageError=${result.error}`);
    }
    return back("images=added");
  }
  const form = await request.formData();
  const url = String(form.get("url") ?? "");
  switch (form.get("intent")) {
    case "delete":
      if (!deleteOwnProductImage(store, id, url)) notFound();
      return back("images=deleted");
    case "move": {
      const move = IMAGE_MOVES.find((m) => m === form.get("move"));
      if (!move || !moveOwnProductImage(store, id, url, move)) notFound();
      return back("images=moved");
    }
    case "alt": {
      const text = (name: string) => String(form.get(name) ?? "");
      const result = setOwnProductImageAlt(store, id, url, { en: text("altEn"), zh: text("altZh"), fr: text("altFr") });
      if (!result.ok && result.error === "notFound") notFound();
      return back(result.ok ? "images=altSaved" : "imageError=altTooLong");
    }
    default:
      notFound();
  }
}
