/** A figure of an answer is ±Infinity or NaN: JSON would silently turn it into null. */
export class NonFiniteFigureError extends Error {
  constructor(readonly path: string) {
    super(
      `the figure ${path} is not a finite number: the data holds values too large to add up (rewards beyond ±1e12, ` +
        'which this dashboard’s ingest refuses, written by another client)',
    );
  }
}

function pathOfNonFinite(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(the answer)';
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfNonFinite(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = pathOfNonFinite(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/**
 * `JSON.stringify(body)`, except that a number that is not finite (which JSON would write as null, passing an overflow
 * off as "no value") throws a `NonFiniteFigureError` naming where it is.
 */
export function finiteJson(body: unknown): string {
  let nonFinite = false;
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) nonFinite = true;
    return value;
  });
  if (nonFinite) throw new NonFiniteFigureError(pathOfNonFinite(body, '') ?? '(unknown)');
  return text;
}

/** A JSON answer whose figures are all finite (else `NonFiniteFigureError`). */
export function finiteJsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  return new Response(finiteJson(body), { ...init, headers });
}
