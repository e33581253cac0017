'use client';

import { useEffect, useId } from 'react';
import { FIELD_CONTROL, FIELD_LABEL } from './field-styles';
import { useSyncedDraft } from './use-synced-draft';

const SEARCH_DEBOUNCE_MS = 400;
const MAX_QUERY = 256;

export interface SearchFilterProps {
  value: string | null;
  onCommit: (q: string | null) => void;
}

/** Free-text search over questions: applied 400 ms after typing stops, or at once on Enter. */
export function SearchFilter({ value, onCommit }: SearchFilterProps) {
  const id = useId();
  const source = value ?? '';
  const [draft, setDraft] = useSyncedDraft(source);
  const wanted = draft.trim();

  useEffect(() => {
    if (wanted === source) return;
    const timer = setTimeout(() => onCommit(wanted || null), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [wanted, source, onCommit]);

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className={FIELD_LABEL}>
        Search
      </label>
      <input
        id={id}
        data-testid="filter-q"
        type="search"
        autoComplete="off"
        maxLength={MAX_QUERY}
        placeholder="Question, id or words in the steps…"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && wanted !== source) onCommit(wanted || null);
        }}
        className={FIELD_CONTROL}
      />
    </div>
  );
}
