'use client';

import { MultiSelect, MultiSelectItem } from '@tremor/react';
import { useEffect, useId, useRef } from 'react';

export interface MultiSelectFilterProps {
  label: string;
  testId: string;
  options: readonly string[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
}

/** A labelled Tremor MultiSelect. */
export function MultiSelectFilter({
  label,
  testId,
  options,
  value,
  onChange,
  placeholder,
}: MultiSelectFilterProps) {
  const labelId = useId();
  const ref = useRef<HTMLInputElement>(null);
  // Tremor renders the listbox button itself and passes no label to it: point it at ours.
  useEffect(() => {
    const button = ref.current?.querySelector('button[aria-haspopup="listbox"]');
    if (button) button.setAttribute('aria-labelledby', `${labelId} ${button.id}`);
  }, [labelId]);
  return (
    <div data-testid={testId} className="flex min-w-0 flex-col gap-1">
      <span id={labelId} className="text-xs font-medium text-tremor-content dark:text-dark-tremor-content">
        {label}
      </span>
      <MultiSelect
        ref={ref}
        value={[...value]}
        onValueChange={onChange}
        placeholder={placeholder ?? 'Any'}
        placeholderSearch="Search…"
        className="min-w-0"
      >
        {options.map((option) => (
          <MultiSelectItem key={option} value={option}>
            {option}
          </MultiSelectItem>
        ))}
      </MultiSelect>
    </div>
  );
}
