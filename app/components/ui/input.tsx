import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn.ts";

const CONTROL =
  "rounded border bg-white text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-clay-700 disabled:bg-stone-100";

/**
 * The control's padding: the default matches a `md` Button, `compact` (smaller text, for filter
 * bars and table rows) a `sm` one. Kept apart so a className never has to override padding.
 */
const padding = (compact: boolean | undefined) => (compact ? "px-2 py-1.5 text-sm" : "px-3 py-2");

const border = (invalid: unknown) => (invalid === true || invalid === "true" ? "border-red-600" : "border-stone-300");

type ControlProps = { compact?: boolean };

/** A text-like input; `aria-invalid` turns its border red. */
export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & ControlProps>(function Input(
  { className, compact, ...props },
  ref,
) {
  return (
    <input ref={ref} className={cn(CONTROL, padding(compact), border(props["aria-invalid"]), className)} {...props} />
  );
});

/** Chrome ignores line-height in a select, so it gets the height of the matching input outright. */
export function Select({ className, compact, ...props }: SelectHTMLAttributes<HTMLSelectElement> & ControlProps) {
  return (
    <select
      className={cn(CONTROL, padding(compact), compact ? "h-8.5" : "h-10.5", border(props["aria-invalid"]), className)}
      {...props}
    />
  );
}

export function Textarea({ className, compact, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & ControlProps) {
  return <textarea className={cn(CONTROL, padding(compact), border(props["aria-invalid"]), className)} {...props} />;
}
