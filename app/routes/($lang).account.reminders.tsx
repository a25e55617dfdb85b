import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { localizePath } from "#app/i18n/locales.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { parseReminderKind, setReminder } from "#app/models/reminders.server.ts";
import { formInt, formText } from "#app/utils/form-values.ts";
import { safeRedirect } from "#app/utils/password.ts";

/** Reminders are shown where they were set (festival pages); this address only takes the button's posts. */
export async function loader({ context }: LoaderFunctionArgs) {
  return redirect(localizePath("/account", context.locale));
}

const ERRORS: Record<"notFound" | "started" | "alreadySent", MessageKey> = {
  notFound: "reminders.errorNotFound",
  started: "reminders.errorStarted",
  alreadySent: "reminders.errorAlreadySent",
};

/**
 * "Remind me" / "Cancel reminder" (decision 036): JSON for the fetcher (`fetch=1`), otherwise a
 * redirect back to the page (with `reminder-error` naming a refusal, shown there).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const back = safeRedirect(formText(form, "redirectTo"), localizePath("/festivals", context.locale));
  if (!context.user)
    throw redirect(`${localizePath("/login", context.locale)}?${new URLSearchParams({ redirectTo: back })}`);
  const kind = parseReminderKind(formText(form, "kind"));
  const targetId = formInt(form, "targetId");
  const intent = formText(form, "intent");
  if (kind === null || targetId === null || (intent !== "remind" && intent !== "cancel"))
    return data({ ok: false as const, message: "admin.errorBadRequest" as MessageKey }, { status: 400 });
  const result = setReminder(context.user, kind, targetId, intent === "remind", context.locale);
  if (formText(form, "fetch") === "1")
    return result.ok
      ? data({ ok: true as const, reminding: result.reminding })
      : data({ ok: false as const, message: ERRORS[result.error] }, { status: 409 });
  if (result.ok) return redirect(back);
  const [path, hash = ""] = back.split("#");
  const url = new URL(path!, "http://x");
  url.searchParams.set("reminder-error", result.error);
  return redirect(`${url.pathname}${url.search}${hash ? `#${hash}` : ""}`);
}
