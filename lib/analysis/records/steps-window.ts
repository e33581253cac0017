import type { Step } from '../../db';
import { JsonArraySplitter } from '../../json/array-splitter';

/** Characters of steps_json fed to the splitter at a time. */
const CHUNK = 1 << 20;

/**
 * The texts of the steps of a stored steps_json, one at a time and in order, as the splitter delimits them (nothing is
 * parsed here): a caller that stops early never scans the rest. Text that is not a JSON array (or breaks off) yields
 * the steps read up to there.
 */
export function* stepTexts(stepsJson: unknown): Generator<string, void, undefined> {
  if (typeof stepsJson !== 'string') return;
  const splitter = new JsonArraySplitter();
  for (let at = 0; at < stepsJson.length; at += CHUNK) {
    const pieces = splitter.push(stepsJson.slice(at, at + CHUNK));
    if (at + CHUNK >= stepsJson.length) pieces.push(...splitter.end());
    for (const piece of pieces) {
      if ('error' in piece || piece.text === null) return;
      yield piece.text;
    }
  }
}

/** A step's text parsed, or undefined when it is not JSON. */
export function parseStep(text: string): Step | undefined {
  try {
    return JSON.parse(text) as Step;
  } catch {
    return undefined;
  }
}

/**
 * Steps `from` to `from + limit − 1` of a stored steps_json text, parsing those only: the text is scanned up to the
 * end of the window and no further, so the first page of a 300,000-step trajectory costs what its 200 steps cost.
 * Text that is not a JSON array (or breaks off) yields the steps read up to there.
 */
export function stepsWindow(stepsJson: unknown, from: number, limit: number): Step[] {
  const end = from + limit;
  const out: Step[] = [];
  let index = 0;
  if (limit <= 0) return out;
  for (const text of stepTexts(stepsJson)) {
    if (index >= from) {
      const step = parseStep(text);
      if (step === undefined) return out;
      out.push(step);
    }
    if (++index >= end) break;
  }
  return out;
}
