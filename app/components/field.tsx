import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { Input, Select } from "./ui/input.tsx";

/**
 * A labelled control with its error beside it (announced, linked with aria-describedby). With
 * conform, pass `id`/`errorId` from the field metadata and spread `getInputProps` into `input`.
 */
export function Field({
  label,
  name,
  id = name,
  errorId = `${name}-error`,
  error,
  hint,
  ...input
}: {
  label: string;
  name: string;
  id?: string;
  errorId?: string;
  error?: string;
  hint?: ReactNode;
} & InputHTMLAttributes<HTMLInputElement>) {
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {input.type === "color" ? (
        // A colour input under the text inputs' padding is squeezed to a thin line in Chrome: it gets
        // a small padding and a swatch-sized box of its own (decision 030).
        <input
          name={name}
          {...input}
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="mt-1 block h-10.5 w-24 cursor-pointer rounded border border-stone-300 bg-white p-1 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-clay-700"
        />
      ) : (
        <Input
          name={name}
          {...input}
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="mt-1 w-full"
        />
      )}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select with its error beside it; spread conform's `getSelectProps` into `select`. */
export function SelectField({
  label,
  errorId,
  error,
  options,
  placeholder,
  select,
}: {
  label: string;
  errorId: string;
  error?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  select: SelectHTMLAttributes<HTMLSelectElement> & { id: string; key?: string };
}) {
  const { key, ...props } = select;
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <Select key={key} {...props} className="mt-1 w-full">
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
