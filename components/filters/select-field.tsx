'use client';

import { useId } from 'react';
import { FIELD_CONTROL, FIELD_LABEL, FIELD_SURFACE } from './field-styles';

export interface SelectFieldProps {
  label: string;
  testId: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  /** Label beside the select (in a card header) rather than above it. */
  inline?: boolean;
}

/** A labelled native select (keyboard- and screen-reader-friendly, easy to drive in tests). */
export function SelectField({ label, testId, value, options, onChange, inline = false }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`flex min-w-0 gap-1 ${inline ? 'flex-row items-center gap-2' : 'flex-col'}`}>
      <label htmlFor={id} className={FIELD_LABEL}>
        {label}
      </label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={inline ? `${FIELD_SURFACE} h-8` : FIELD_CONTROL}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
