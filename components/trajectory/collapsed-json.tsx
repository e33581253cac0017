'use client';

import { useState } from 'react';
import { jsonTree } from '@/lib/chart-data/json-tree';
import { JsonTreeView } from './json-tree-view';

export interface CollapsedJsonProps {
  summary: string;
  /** The subtree as compact JSON, or null when it was too large to send. */
  json: string | null;
  recordHref?: string;
}

/** A deep part of a JSON value, drawn only when asked for (a few more levels per click). */
export function CollapsedJson({ summary, json, recordHref }: CollapsedJsonProps) {
  const [open, setOpen] = useState(false);
  if (open && json !== null)
    return <JsonTreeView node={jsonTree(JSON.parse(json))} recordHref={recordHref} />;
  if (json === null) {
    return (
      <span className="text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
        {summary} (too large to show here
        {recordHref ? (
          <>
            {'; see the '}
            <a
              href={recordHref}
              className="text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
            >
              raw record
            </a>
          </>
        ) : null}
        )
      </span>
    );
  }
  return (
    <button
      type="button"
      onClick={() => setOpen(true)}
      className="font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
    >
      {summary}
    </button>
  );
}
