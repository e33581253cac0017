import type { StepPreview } from '@/lib/analysis/records/rows';

/** Observations longer than this (characters or lines) are collapsed behind "show more". */
const COLLAPSE_CHARS = 1500;
const COLLAPSE_LINES = 20;

export interface ClippedText {
  /** What is shown while collapsed (the whole text when nothing was clipped). */
  preview: string;
  clipped: boolean;
  /** Characters left out of the preview. */
  hiddenChars: number;
}

/** The head of a long text: at most `maxChars` characters and `maxLines` lines. */
export function clipText(text: string, maxChars = COLLAPSE_CHARS, maxLines = COLLAPSE_LINES): ClippedText {
  let end = Math.min(text.length, maxChars);
  let lines = 1;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++lines > maxLines) {
      end = i;
      break;
    }
  }
  return end >= text.length
    ? { preview: text, clipped: false, hiddenChars: 0 }
    : { preview: text.slice(0, end), clipped: true, hiddenChars: text.length - end };
}

/** Tool arguments as indented JSON; a string holding JSON is unpacked, any other string is shown as it is. */
export function prettyArguments(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string') {
    try {
      const parsed: unknown = JSON.parse(input);
      return typeof parsed === 'object' && parsed !== null ? JSON.stringify(parsed, null, 2) : input;
    } catch {
      return input;
    }
  }
  return JSON.stringify(input, null, 2) ?? String(input);
}

/** A short form of a trajectory id for tables: long hashes keep their head and tail. */
export function shortId(id: string, head = 8, tail = 4): string {
  return id.length <= head + tail + 1 ? id : `${id.slice(0, head)}…${id.slice(-tail)}`;
}

/** How much of a failed step's observation the one-line preview keeps. */
const LINE_ERROR_CHARS = 60;

/** The first steps of a failing trajectory as one line: `search(…) ✓ → python(…) ✗ Error: … → … +3 steps`. */
export function stepsPreviewLine(preview: readonly StepPreview[], stepCount: number): string {
  const parts = preview.map((step) => {
    const args = step.action_input ? `(${step.action_input})` : '';
    if (step.tool_status === 'error') {
      const error =
        step.observation.length > LINE_ERROR_CHARS
          ? `${step.observation.slice(0, LINE_ERROR_CHARS - 1)}…`
          : step.observation;
      return `${step.action}${args} ✗ ${error}`.trimEnd();
    }
    return `${step.action}${args}${step.tool_status === 'success' ? ' ✓' : ''}`;
  });
  const rest = stepCount - preview.length;
  if (rest > 0) parts.push(`… +${rest} step${rest === 1 ? '' : 's'}`);
  return parts.join(' → ');
}
