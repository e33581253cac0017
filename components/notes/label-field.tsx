import { useId } from 'react';

/** The label input of the note forms, suggesting the labels in use; the pattern is the API's label form. */
export function LabelField({
  value,
  onChange,
  known,
}: {
  value: string;
  onChange: (value: string) => void;
  known: readonly string[];
}) {
  const list = useId();
  return (
    <label className="block min-w-0 text-xs">
      <span className="mb-1 block text-tremor-content dark:text-dark-tremor-content">Label</span>
      <input
        name="label"
        value={value}
        onChange={(event) => onChange(event.target.value.toLowerCase())}
        list={list}
        maxLength={40}
        pattern="[a-z0-9][a-z0-9\-]{0,39}"
        title="lower-case letters, digits and hyphens, e.g. reward-hack"
        placeholder="reward-hack"
        className="w-full rounded-md border border-tremor-border bg-tremor-background px-2 py-1 font-mono text-sm dark:border-dark-tremor-border dark:bg-dark-tremor-background"
      />
      <datalist id={list}>
        {known.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
    </label>
  );
}
