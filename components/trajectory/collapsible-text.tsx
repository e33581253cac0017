'use client';

import { useState } from 'react';
import { clipText } from '@/lib/chart-data/steps';
import { formatInteger } from '@/lib/chart-data/format';

export interface CollapsibleTextProps {
  text: string;
  /** Monospace, whitespace kept (tool output, JSON). */
  mono?: boolean;
  className?: string;
}

/**
 * Long text collapsed to its first ~1,500 characters / 20 lines; only that head is in the DOM until expanded.
 * Rendered as a text child, so markup in it is shown, never run.
 */
export function CollapsibleText({ text, mono = false, className = '' }: CollapsibleTextProps) {
  const [expanded, setExpanded] = useState(false);
  const { preview, clipped, hiddenChars } = clipText(text);
  const shown = expanded || !clipped ? text : preview;
  const body = mono ? (
    <pre className={`whitespace-pre-wrap break-words font-mono text-xs leading-relaxed ${className}`}>
      {shown}
    </pre>
  ) : (
    <p className={`whitespace-pre-wrap break-words text-sm leading-relaxed ${className}`}>{shown}</p>
  );
  return (
    <div>
      {body}
      {clipped ? (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
          className="mt-1 text-xs font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
        >
          {expanded ? 'Show less' : `Show more (${formatInteger(hiddenChars)} more characters)`}
        </button>
      ) : null}
    </div>
  );
}
