import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn.ts";

const CONTROL =
  "rounded border bg-white px-3 py-2 text-stone-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-clay-700 disabled:bg-stone-100";

const border = (invalid: unknown) => (invalid === true || invalid === "true" ? "border-red-600" : "border-stone-300");

/** A text-like input; `aria-invalid` turns its border red. */
export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...props },
  ref,
) {
  return <input ref={ref} className={cn(CONTROL, border(props["aria-invalid"]), className)} {...props} />;
});

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(CONTROL, border(props["aria-invalid"]), "py-1.5", className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(CONTROL, border(props["aria-invalid"]), className)} {...props} />;
}
