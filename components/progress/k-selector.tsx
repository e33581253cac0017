'use client';

import { useDashboardUrl } from '../hooks/use-dashboard-url';
import { SelectField } from '../filters/select-field';

export interface KSelectorProps {
  /** The k choices (see kOptions). */
  options: number[];
  /** The k the figures were computed with. */
  value: number | null;
}

/** Picks the k of pass@k (`k` in the URL). */
export function KSelector({ options, value }: KSelectorProps) {
  const { update } = useDashboardUrl();
  if (options.length === 0) return null;
  const choices =
    value === null || options.includes(value) ? options : [...options, value].sort((a, b) => a - b);
  return (
    <SelectField
      label="k"
      testId="k-selector"
      inline
      value={value === null ? '' : String(value)}
      options={[
        ...(value === null ? [{ value: '', label: '–' }] : []),
        ...choices.map((k) => ({ value: String(k), label: String(k) })),
      ]}
      onChange={(k) => update({ k: k === '' ? null : Number(k) })}
    />
  );
}
