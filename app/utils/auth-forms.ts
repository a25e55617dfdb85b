import { z } from "zod";
import type { MessageKey } from "#app/i18n/translate.ts";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "./password.ts";

/** Field errors are message keys (translated in the component, in the shopper's language). */
export type FieldErrors = Partial<Record<"email" | "password" | "form", MessageKey>>;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const loginSchema = z.object({ email, password: z.string().min(1).max(PASSWORD_MAX) });

export function parseSignup(form: FormData): { ok: true; email: string; password: string } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsedEmail = email.safeParse(form.get("email") ?? "");
  if (!parsedEmail.success) errors.email = "auth.emailInvalid";
  const password = String(form.get("password") ?? "");
  const problem = passwordProblem(password, parsedEmail.success ? parsedEmail.data : "");
  if (problem) {
    errors.password = ({ tooShort: "auth.passwordTooShort", tooLong: "auth.passwordTooLong", common: "auth.passwordCommon", sameAsEmail: "auth.passwordSameAsEmail" } as const)[problem];
  }
  if (!parsedEmail.success || problem) return { ok: false, errors };
  return { ok: true, email: parsedEmail.data, password };
}

export const PASSWORD_VARS = { min: PASSWORD_MIN, max: PASSWORD_MAX };
