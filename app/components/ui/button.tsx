import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn.ts";

export type ButtonVariant = "primary" | "secondary" | "outline" | "danger" | "ghost";
export type ButtonSize = "xs" | "sm" | "md" | "lg";

// Every variant has a 1px border (transparent where none shows), so buttons of one size line up
// with each other and with the inputs of the matching size (md with Input, sm with compact Input).
const VARIANTS: Record<ButtonVariant, string> = {
  primary: "border-transparent bg-clay-700 font-semibold text-white hover:bg-clay-900",
  secondary: "border-stone-300 bg-white text-stone-900 hover:bg-stone-100",
  outline: "border-clay-700 font-semibold text-clay-700 hover:bg-clay-100",
  danger: "border-red-700 font-semibold text-red-800 hover:bg-red-50",
  ghost: "border-transparent text-stone-800 underline-offset-2 hover:underline",
};

const SIZES: Record<ButtonSize, string> = {
  xs: "px-2 py-1 text-xs",
  sm: "px-3 py-1.5 text-sm",
  md: "px-4 py-2",
  lg: "px-5 py-2.5 text-lg",
};

/**
 * The class string of a button, for links and summaries that look like one. `block` makes it
 * fill its container's width. Labels do not wrap (a squeezed "搜索" would break in two), so a
 * row that may be narrow should be allowed to wrap instead.
 */
export function buttonClass({
  variant = "primary",
  size = "md",
  block = false,
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; block?: boolean; className?: string } = {}): string {
  return cn(
    "items-center justify-center gap-2 rounded border text-center whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-clay-700 disabled:cursor-not-allowed disabled:opacity-60",
    block ? "flex w-full" : "inline-flex",
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
  block,
  pending = false,
  className,
  type = "submit",
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
  pending?: boolean;
}) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClass({ variant, size, block, className })}
      {...props}
    />
  );
}
