import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { setFollowing } from "#app/models/wishlist.server.ts";
import { formInt, formText } from "#app/utils/form-values.ts";
import { safeRedirect } from "#app/utils/password.ts";

/** Followed stores are listed on /account; this address only takes the follow button's posts. */
export async function loader({ context }: LoaderFunctionArgs) {
  return redirect(`${localizePath("/account", context.locale)}#following`);
}

/** Follow or unfollow a store: JSON for the fetcher (`fetch=1`), a redirect back for a plain form. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const back = safeRedirect(formText(form, "redirectTo"), localizePath("/account", context.locale));
  if (!context.user)
    throw redirect(`${localizePath("/login", context.locale)}?${new URLSearchParams({ redirectTo: back })}`);
  const storeId = formInt(form, "storeId");
  const intent = formText(form, "intent");
  if (storeId === null || (intent !== "follow" && intent !== "unfollow"))
    return data({ ok: false as const, message: "admin.errorBadRequest" as MessageKey }, { status: 400 });
  const result = setFollowing(context.user.id, storeId, intent === "follow");
  if (formText(form, "fetch") === "1")
    return result.ok
      ? data({ ok: true as const, following: result.following })
      : data(
          {
            ok: false as const,
            message: (result.error === "full" ? "follow.errorFull" : "follow.errorNotFound") as MessageKey,
          },
          { status: 409 },
        );
  return redirect(back);
}
