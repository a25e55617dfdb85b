import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useHref, useT } from "#app/i18n/use-locale.ts";
import { UNVERIFIED } from "#app/utils/unverified.ts";
import { buttonClass } from "./ui/button.tsx";

/**
 * The one error view: translated 404 and generic messages, never a stack trace. The detail of an
 * unexpected error is logged on the server by Remix, not shown here.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const href = useHref();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const notFound = status === 404;
  const forbidden = status === 403;
  const tooMany = status === 429;
  // An owner or organizer acting before verifying their address: say what to do, and where.
  if (forbidden && isRouteErrorResponse(error) && error.data === UNVERIFIED)
    return (
      <div className="mx-auto max-w-xl py-16 text-center">
        <p className="text-sm font-semibold text-clay-600">{t("error.status", { status })}</p>
        <h1 className="mt-2 text-3xl font-bold text-clay-900">{t("verify.requiredTitle")}</h1>
        <p className="mt-4 text-stone-700">{t("verify.requiredText")}</p>
        <Link to={href("/account")} className={buttonClass({ className: "mt-8" })}>
          {t("verify.toAccount")}
        </Link>
      </div>
    );
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold text-clay-600">{t("error.status", { status })}</p>
      <h1 className="mt-2 text-3xl font-bold text-clay-900">
        {notFound
          ? t("error.notFoundTitle")
          : forbidden
            ? t("error.forbiddenTitle")
            : tooMany
              ? t("error.tooManyTitle")
              : t("error.genericTitle")}
      </h1>
      <p className="mt-4 text-stone-700">
        {notFound
          ? t("error.notFoundText")
          : forbidden
            ? t("error.forbiddenText")
            : tooMany
              ? t("error.tooManyText")
              : t("error.genericText")}
      </p>
      <Link to={href("/")} className={buttonClass({ className: "mt-8" })}>
        {t("error.backHome")}
      </Link>
    </div>
  );
}
