import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { localeFromPath, localizePath } from "#app/i18n/locales.ts";
import { endSession } from "#app/utils/session.server.ts";

/** Logging out is a POST (a link or an image cannot sign anyone out); GET just goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const referer = request.headers.get("Referer");
  const locale = referer ? localeFromPath(new URL(referer, request.url).pathname) : "en";
  return endSession(request, localizePath("/", locale));
}
