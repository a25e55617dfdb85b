import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn.ts";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "xs" | "sm" | "md" | "lg";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-clay-700 font-semibold text-white hover:bg-clay-900",
  secondary: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100",
  danger: "border border-red-700 font-semibold text-red-800 hover:bg-red-50",
  ghost: "text-stone-800 underline-offset-2 hover:underline",
};

const SIZES: Record<ButtonSize, string> = {
  xs: "px-2 py-1 text-xs",
  sm: "px-3 py-1.5 text-sm",
  md: "px-4 py-2",
  lg: "px-5 py-2.5 text-lg",
};

/** The class string of a button, for links and summaries that look like one. */
export function buttonClass({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(
    "inline-flex items-center justify-center gap-2 rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-clay-700 disabled:cursor-not-allowed disabled:opacity-60",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

/**
 * A button in one of the site's looks. `pending` disables it and marks it busy while its form is
 * being submitted (the label should say what is happening, e.g. "Saving…").
 */
export function Button({
  variant,
  size,
  pending = false,
  className,
  type = "submit",
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize; pending?: boolean }) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClass({ variant, size, className })}
      {...props}
    />
  );
}
