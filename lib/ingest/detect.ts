import type { BodyFormat, FieldError, Format } from './types';

export type Detected = { ok: true; format: BodyFormat } | { ok: false; error: FieldError };

/** Bodies a record carries: a `steps` array, a `messages` array, verl fields `input` + `output` + (`score` | `step`). */
export function bodiesOf(record: Record<string, unknown>): BodyFormat[] {
  const found: BodyFormat[] = [];
  if (Array.isArray(record.steps)) found.push('steps');
  if (Array.isArray(record.messages)) found.push('messages');
  if ('input' in record && 'output' in record && ('score' in record || 'step' in record)) found.push('verl');
  return found;
}

/** The body format of one record: the forced one, or the single body it carries. */
export function detectFormat(record: Record<string, unknown>, format: Format = 'auto'): Detected {
  if (format !== 'auto') return { ok: true, format };
  const found = bodiesOf(record);
  if (found.length === 1) return { ok: true, format: found[0] };
  if (found.length === 0) {
    return {
      ok: false,
      error: {
        field: 'steps',
        reason:
          'no trajectory body: expected a `steps` array, a `messages` array, or verl fields `input`, `output`, `score`, `step`',
      },
    };
  }
  return {
    ok: false,
    error: {
      field: found[1],
      reason: `the record has more than one body (${found.join(', ')}); keep one or force --format`,
    },
  };
}
