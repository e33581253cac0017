'use client';

import { useState } from 'react';
import { clipText } from '@/lib/chart-data/steps';
import { formatInteger } from '@/lib/chart-data/format';
import { highlightSegments } from '@/lib/chart-data/highlight';
import { showMoreLabel } from '@/lib/chart-data/transcript';
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
  /** Flows in a line of text (a JSON string value after its key) rather than as a block of its own. */
  inline?: boolean;
  /** Between double quotes, as a JSON string: an empty string reads `""`, never blank. */
  quoted?: boolean;
  /** Collapse a long text to its head (default); false shows all that was sent. */
  collapse?: boolean;
}

function hasMatch(text: string, terms: readonly string[] | undefined): boolean {
  return terms !== undefined && terms.length > 0 && highlightSegments(text, terms).some((part) => part.match);
}

/**
 * Long text collapsed to its first ~1,500 characters / 20 lines; only that head is in the DOM until expanded. The
 * button says how much is hidden: "Show all 412 lines", or the characters of a long line. A text whose search words
 * are all past its head starts open. Rendered as a text child, so markup in it is shown, never run.
 */
export function CollapsibleText({
  text,
  totalLength = text.length,
  recordHref,
  mono = false,
  className = '',
  terms,
  inline = false,
  quoted = false,
  collapse = true,
}: CollapsibleTextProps) {
  const { preview, clipped } = collapse ? clipText(text) : { preview: text, clipped: false };
  // A search word only past the head: open from the start, so that the mark can be seen and jumped to.
  const [expanded, setExpanded] = useState(
    () => clipped && hasMatch(text.slice(preview.length), terms) && !hasMatch(preview, terms),
  );
  const cut = totalLength > text.length;
  const collapsible = clipped || (collapse && cut);
  const open = expanded || !clipped;
  const shown = (
    <>
      {quoted ? '"' : null}
      <HighlightedText text={open ? text : preview} terms={terms} />
      {quoted && open && !cut ? '"' : null}
    </>
  );
  const Wrapper = inline ? 'span' : 'div';
  const Note = inline ? 'span' : 'p';
  const body = inline ? (
    <span
      className={`whitespace-pre-wrap break-words ${mono ? 'font-mono text-xs leading-relaxed' : ''} ${className}`}
    >
      {shown}
    </span>
  ) : mono ? (
    <pre className={`whitespace-pre-wrap break-words font-mono text-xs leading-relaxed ${className}`}>
      {shown}
    </pre>
  ) : (
    <p className={`whitespace-pre-wrap break-words text-sm leading-relaxed ${className}`}>{shown}</p>
  );
  return (
    <Wrapper>
      {body}
      {(expanded || !collapse) && cut ? (
        <Note className="mt-1 block text-xs text-tremor-content dark:text-dark-tremor-content">
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
        </Note>
      ) : null}
      {collapsible ? (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
          className={`${inline ? 'ml-2' : 'mt-1'} text-xs font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand-emphasis`}
        >
          {expanded ? 'Show less' : showMoreLabel(text, preview.length, totalLength)}
        </button>
      ) : null}
    </Wrapper>
  );
}
