/** Deepest nesting of arrays and objects a record may have (a record deeper than this is rejected, not parsed). */
export const MAX_JSON_DEPTH = 64;

/**
 * True when the JSON text nests arrays/objects deeper than `max`. A single iterative pass (brackets inside strings
 * do not count), so a record nested thousands of levels deep is refused before `JSON.parse` or any recursive walk.
 */
export function jsonDepthExceeds(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** A `\uD800`–`\uDFFF` escape: the only way a lone surrogate gets into a string decoded from valid UTF-8. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * The path (`steps[2].observation`, or a key itself) of the first string with an unpaired UTF-16 surrogate in a
 * parsed JSON value, or null. Only looks when `text` has a surrogate escape; walks with an explicit stack.
 */
export function loneSurrogatePath(value: unknown, text: string): string | null {
  if (!SURROGATE_ESCAPE.test(text)) return null;
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (!item.isWellFormed()) return path || 'record';
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], `${path}[${i}]`]);
    } else if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const childPath = path ? `${path}.${key}` : key;
        if (!key.isWellFormed()) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

/**
 * V8's `JSON.parse` message ("Unexpected token '}', "{"a":}" is not valid JSON", "… in JSON at position 17") as
 * `at line L, column C: <what>`, with the position counted from `firstLine` / `firstColumn` of the record's text.
 */
export function describeJsonError(message: string, text: string, firstLine: number, firstColumn = 1): string {
  const what = message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ after JSON at position \d+.*$/s, ' after the end of the JSON value')
    .replace(/ in JSON at position \d+.*$/s, '')
    .trim();
  const position = /at position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : firstBadOffset(text);
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const column = (line === firstLine ? firstColumn - 1 : 0) + at - lineStart + 1;
  const shown = what === 'Unexpected end of JSON input' ? 'the record ends early (truncated?)' : what;
  return `at line ${line}, column ${column}: ${shown}`;
}

/** Whether `prefix` can still be the start of a valid JSON text. */
function viablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('Unexpected end of JSON input')) return true;
    const position = /at position (\d+)/.exec(message);
    return position !== null && Number(position[1]) >= prefix.length;
  }
}

/** Offset of the first character after which `text` cannot be valid JSON (binary search over its prefixes). */
function firstBadOffset(text: string): number {
  let good = 0; // the longest prefix known to be viable
  let bad = text.length; // a prefix length known not to be viable
  while (bad - good > 1) {
    const middle = (good + bad) >>> 1;
    if (viablePrefix(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  return good;
}
