import { z } from "zod";
import { isMessageKey, type MessageKey } from "#app/i18n/translate.ts";

/**
 * Forms that post several actions to one route name the one they want in an `intent` field (the
 * submit button's value). Each such route declares its intents as named constants, one zod object
 * per intent joined in a `z.discriminatedUnion("intent", …)`, and an action that is a short switch
 * over the parsed value. Schema messages are message keys, so refused input answers 400 with a
 * message the page shows in the visitor's language.
 */

export { isMessageKey };

/** The message of a refused submission's first error, when it is a message key; otherwise `fallback`. */
export function refusalMessage(
  error: Record<string, string[] | null> | null | undefined,
  fallback: MessageKey,
): MessageKey {
  const first = Object.values(error ?? {}).find((messages) => messages && messages.length > 0)?.[0];
  return isMessageKey(first) ? first : fallback;
}

/** What a refused submission said its intent was (for replies that echo it), "" when none. */
export function submittedIntent(payload: Record<string, unknown>): string {
  return typeof payload.intent === "string" ? payload.intent : "";
}

/** An id from a form field: 1 to 9 digits (surrounding spaces ignored), refused with `error` otherwise. */
export const formId = (error: MessageKey) =>
  z
    .string({ error })
    .trim()
    .regex(/^\d{1,9}$/, { error })
    .transform(Number);
