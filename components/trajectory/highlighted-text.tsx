import { highlightSegments } from '@/lib/chart-data/highlight';

export interface HighlightedTextProps {
  text: string;
  /** The search words to mark (searchTerms of `q`); none: the text as is. */
  terms?: readonly string[];
}

/** A text with the words of the search wrapped in <mark>, built as React elements: markup in the text stays text. */
export function HighlightedText({ text, terms = [] }: HighlightedTextProps) {
  if (terms.length === 0) return text;
  return highlightSegments(text, terms).map((segment, i) =>
    segment.match ? (
      <mark
        key={i}
        className="rounded-sm bg-amber-200 px-0.5 text-inherit data-[current-match=true]:bg-amber-400 data-[current-match=true]:outline data-[current-match=true]:outline-2 data-[current-match=true]:outline-amber-700 dark:bg-amber-400/30"
      >
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}
