import { useState } from 'react';

/**
 * Local text of an input whose committed value lives in the URL: editable freely, and reset whenever the URL value
 * changes from elsewhere (a chip removed, Reset, back/forward).
 */
export function useSyncedDraft(source: string): [string, (draft: string) => void] {
  const [draft, setDraft] = useState(source);
  const [seen, setSeen] = useState(source);
  if (seen !== source) {
    setSeen(source);
    setDraft(source);
  }
  return [draft, setDraft];
}
