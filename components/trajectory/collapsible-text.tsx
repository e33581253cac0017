'use client';

import { useState } from 'react';
import { clipText } from '@/lib/chart-data/steps';
import { formatInteger } from '@/lib/chart-data/format';
import { HighlightedText } from './highlighted-text';

export interface CollapsibleTextProps {
  /** The text as sent to the browser (possibly cut, see `totalLength`). */
  text: string;
  /** Length of the whole text when the server sent only its head (`text`); the rest is in the raw record. */
  totalLength?: number;
  /** Where the whole record can be read (the JSON API), named when the text was cut. */
  recordHref?: string;
  /** Monospace, whitespace kept (tool output, JSON). */
  mono?: boolean;
  className?: string;
  /** Search words to mark in the text. */
  terms?: readonly string[];
}

/**
 * Long text collapsed to its first ~1,500 characters / 20 lines; only that head is in the DOM until expanded.
 * Rendered as a text child, so markup in it is shown, never run.
 */
export function CollapsibleText({
  text,
  totalLength = text.length,
  recordHref,
  mono = false,
  className = '',
  terms,
}: CollapsibleTextProps) {
  const [expanded, setExpanded] = useState(false);
  const { preview, clipped } = clipText(text);
  const cut = totalLength > text.length;
  const collapsible = clipped || cut;
  const shown = <HighlightedText text={expanded || !clipped ? text : preview} terms={terms} />;
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
      {expanded && cut ? (
        <p className="mt-1 text-xs text-tremor-content dark:text-dark-tremor-content">
          First {formatInteger(text.length)} of {formatInteger(totalLength)} characters
          {recordHref ? (
            <>
              {'; the whole text is in the '}
              <a
                href={recordHref}
                className="text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
              >
                raw record
              </a>
            </>
          ) : null}
          .
        </p>
      ) : null}
      {collapsible ? (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
          className="mt-1 text-xs font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis"
        >
          {expanded
            ? 'Show less'
            : `Show more (${formatInteger(totalLength - preview.length)} more characters)`}
        </button>
      ) : null}
    </div>
  );
}
