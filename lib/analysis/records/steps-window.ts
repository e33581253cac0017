import type { Step } from '../../db';
import { JsonArraySplitter } from '../../json/array-splitter';

/** Characters of steps_json fed to the splitter at a time. */
const CHUNK = 1 << 20;

/**
 * Steps `from` to `from + limit − 1` of a stored steps_json text, parsing those only: the text is scanned up to the
 * end of the window and no further, so the first page of a 300,000-step trajectory costs what its 200 steps cost.
 * Text that is not a JSON array (or breaks off) yields the steps read up to there.
 */
export function stepsWindow(stepsJson: unknown, from: number, limit: number): Step[] {
  if (typeof stepsJson !== 'string') return [];
  const splitter = new JsonArraySplitter();
  const end = from + limit;
  const out: Step[] = [];
  let index = 0;
  for (let at = 0; at < stepsJson.length && index < end; at += CHUNK) {
    const pieces = splitter.push(stepsJson.slice(at, at + CHUNK));
    if (at + CHUNK >= stepsJson.length) pieces.push(...splitter.end());
    for (const piece of pieces) {
      if ('error' in piece || piece.text === null) return out;
      if (index >= from && index < end) {
        try {
          out.push(JSON.parse(piece.text) as Step);
        } catch {
          return out;
        }
      }
      index++;
    }
  }
  return out;
}
