import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "./password.ts";
import type { MessageKey, Translate } from "#app/i18n/translate.ts";

/**
 * Sign-in and sign-up schemas (conform + zod, shared by the browser and the server). Messages are
 * i18n keys, translated where they are shown.
 */
const email = z
  .string({ error: "auth.emailInvalid" })
  .trim()
  .toLowerCase()
  .max(254, { error: "auth.emailInvalid" })
  .pipe(z.email({ error: "auth.emailInvalid" }));

export const loginSchema = z.object({
  email,
  password: z.string({ error: "auth.invalidCredentials" }).max(PASSWORD_MAX, { error: "auth.invalidCredentials" }),
  redirectTo: z.string().optional(),
});

const PROBLEM_KEYS = {
  tooShort: "auth.passwordTooShort",
  tooLong: "auth.passwordTooLong",
  common: "auth.passwordCommon",
  sameAsEmail: "auth.passwordSameAsEmail",
} as const;

export const signupSchema = z
  .object({ email, password: z.string({ error: "auth.passwordTooShort" }), redirectTo: z.string().optional() })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PROBLEM_KEYS[problem] });
  });

export const PASSWORD_VARS = { min: PASSWORD_MIN, max: PASSWORD_MAX };

/**
 * Password change on /account/security: the current password (checked on the server) and a new one
 * held to the sign-up rules, for this account's email.
 */
export function passwordChangeSchema(accountEmail: string) {
  return z
    .object({
      currentPassword: z
        .string({ error: "security.currentRequired" })
        .max(PASSWORD_MAX, { error: "security.wrongPassword" }),
      newPassword: z.string({ error: "auth.passwordTooShort" }),
    })
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value.newPassword, accountEmail);
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: PROBLEM_KEYS[problem] });
    });
}

/** "Forgot your password?": the address to send a reset link to. */
export const forgotPasswordSchema = z.object({ email });

/** The form a reset link opens: the link's token (hidden) and a new password held to the sign-up rules. */
export function resetPasswordSchema(accountEmail: string) {
  return z
    .object({
      token: z.string({ error: "reset.invalid" }).max(200),
      newPassword: z.string({ error: "auth.passwordTooShort" }),
    })
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value.newPassword, accountEmail);
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: PROBLEM_KEYS[problem] });
    });
}

/** Email change on /account/security: the new address, and the current password (checked on the server). */
export const emailChangeSchema = z.object({
  newEmail: email,
  currentPassword: z
    .string({ error: "security.currentRequired" })
    .max(PASSWORD_MAX, { error: "security.wrongPassword" }),
});

/**
 * A form error's text; "too many attempts" names the wait in seconds under a minute (the first
 * growing sign-in delays are a few seconds), else in whole minutes.
 */
export function formErrorText(t: Translate, key: MessageKey, waitSeconds: number): string {
  if (key !== "auth.tooMany") return t(key);
  return waitSeconds < 60
    ? t("auth.tooManySeconds", { seconds: Math.max(1, waitSeconds) })
    : t("auth.tooMany", { minutes: Math.ceil(waitSeconds / 60) });
}
