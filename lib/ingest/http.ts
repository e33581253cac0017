import { createHash, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { errorResponse } from '../api/error-response';
import { dbConfigFromEnv, IncompatibleSchemaError } from '../db/connection';
import { WriteLockTimeoutError } from '../db/write-lock';
import { firstLineOf } from '../db/error-text';
import { AuthThrottle } from './auth-throttle';
import { ingestRecords, IngestWriteError, type IngestSummary } from './ingest';
import { readRecords } from './read';
import { FORMATS, INT32_MAX } from './types';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** A shorter INGEST_TOKEN leaves the endpoint disabled. */
export const MIN_TOKEN_LENGTH = 32;
/** How long a request waits for another writer's batch before answering 503 (`INGEST_LOCK_WAIT_SECONDS`). */
export const DEFAULT_LOCK_WAIT_SECONDS = 60;

const boolParam = z
  .enum(['true', 'false', '1', '0', ''], { error: 'must be true, false, 1 or 0' })
  .transform((v) => v === 'true' || v === '1' || v === '');

/** Query parameters of `POST /api/trajectories`. Unknown parameters are rejected (typos would be silent otherwise). */
export const ingestQuerySchema = z
  .object({
    format: z.enum(FORMATS, { error: `must be one of ${FORMATS.join(', ')}` }).default('auto'),
    training_id: z
      .string()
      .min(1, { error: 'must not be empty' })
      .max(256, { error: 'must be at most 256 characters' })
      .optional(),
    epoch_id: z
      .string()
      .regex(/^\d{1,10}$/, { error: 'must be a non-negative integer' })
      .transform(Number)
      .refine((n) => n <= INT32_MAX, { error: `must be ≤ ${INT32_MAX}` })
      .optional(),
    dry_run: boolParam.default(false),
  })
  .strict();

export type IngestQuery = z.output<typeof ingestQuerySchema>;

/** Response body of a successful ingest (status 200, even when some records were rejected). */
export const ingestResponseSchema = z
  .object({
    read: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), reason: z.string() }).strict()),
    errors_truncated: z.boolean(),
    warnings: z.array(z.string()),
    dry_run: z.boolean(),
    seconds: z.number(),
  })
  .strict();

export type IngestResponse = z.output<typeof ingestResponseSchema>;

/** Error body of every non-200 response. */
export const errorResponseSchema = z
  .object({ error: z.object({ message: z.string(), param: z.string().nullable() }).strict() })
  .strict();

/** Constant-time comparison (both sides hashed first, so lengths never leak either). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function lockWaitSecondsFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.INGEST_LOCK_WAIT_SECONDS);
  return env.INGEST_LOCK_WAIT_SECONDS && Number.isFinite(value) && value > 0
    ? value
    : DEFAULT_LOCK_WAIT_SECONDS;
}

export function maxBytesFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.INGEST_MAX_BYTES);
  return env.INGEST_MAX_BYTES && Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_MAX_BYTES;
}

class PayloadTooLarge extends Error {}

/** The body as bytes, failing as soon as more than `maxBytes` have arrived. */
async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

const throttle = new AuthThrottle();
let warnedShortToken = false;

/**
 * The client a failed token attempt is counted against: the first X-Forwarded-For address (set by the reverse proxy
 * in front of the server), else X-Real-IP, else one shared bucket.
 */
function clientOf(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip')?.trim() || 'unknown';
}

/** Absolute file paths in an error message (LanceDB names its data files) become `<path>`; its source locations go. */
export function withoutPaths(message: string): string {
  return message
    .replace(/,?\s*(?:\/[^\s/:'"()]+){2,}:\d+:\d+/g, '') // a source location of the native addon
    .replace(/(?:\/[^\s/:'"()]+){2,}\/?/g, '<path>');
}

/**
 * `POST /api/trajectories`: NDJSON or a JSON array of trajectory records in the body, the same ingest as the CLI.
 * Disabled (403) unless `INGEST_TOKEN` is set to at least 32 characters; then requires `Authorization: Bearer
 * <token>`, compared in constant time. A client with 5 wrong tokens within a minute gets 429 with Retry-After.
 */
export async function handleIngestRequest(
  request: Request,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Response> {
  const token = env.INGEST_TOKEN;
  if (!token || token.length < MIN_TOKEN_LENGTH) {
    if (token && !warnedShortToken) {
      warnedShortToken = true;
      console.error(
        `POST /api/trajectories stays disabled: INGEST_TOKEN has ${token.length} characters, at least ${MIN_TOKEN_LENGTH} are required.`,
      );
    }
    return errorResponse(
      `Ingest over HTTP is disabled. Set the INGEST_TOKEN environment variable on the server to a secret of at least ${MIN_TOKEN_LENGTH} characters to enable it, ` +
        'then send "Authorization: Bearer <token>".',
      null,
      403,
    );
  }
  const client = clientOf(request);
  const wait = throttle.retryAfterSeconds(client);
  if (wait > 0) {
    return errorResponse(`Too many wrong tokens; try again in ${wait} s.`, null, 429, {
      'Retry-After': String(wait),
    });
  }
  const auth = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
  if (!match || !tokensEqual(match[1], token)) {
    throttle.recordFailure(client);
    return errorResponse('Missing or wrong bearer token.', null, 401, { 'WWW-Authenticate': 'Bearer' });
  }

  const url = new URL(request.url);
  const params: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in params) return errorResponse(`Query parameter ${key} is given more than once.`, key, 400);
    params[key] = value;
  }
  const query = ingestQuerySchema.safeParse(params);
  if (!query.success) {
    const issue = query.error.issues[0];
    const param = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? 'query');
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter ${param}; expected format, training_id, epoch_id or dry_run.`
        : `Query parameter ${param} ${issue.message}.`;
    return errorResponse(message, param, 400);
  }

  const maxBytes = maxBytesFromEnv(env);
  const tooLarge = `The body is larger than ${maxBytes} bytes (INGEST_MAX_BYTES); split it into several requests.`;
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return errorResponse(tooLarge, null, 413);
  let body: Uint8Array;
  try {
    body = await readBody(request, maxBytes);
  } catch (error) {
    if (error instanceof PayloadTooLarge) return errorResponse(tooLarge, null, 413);
    throw error;
  }
  if (body.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09))
    return errorResponse('The body is empty; send NDJSON or a JSON array of records.', null, 400);

  const { format, training_id, epoch_id, dry_run } = query.data;
  let summary: IngestSummary;
  try {
    // Read as bytes, like a file: invalid UTF-8 is an error of its line, and a gzipped body works too.
    summary = await ingestRecords(readRecords(Readable.from([body]), { source: '<body>' }), {
      db: dbConfigFromEnv(env),
      lockTimeoutMs: lockWaitSecondsFromEnv(env) * 1000,
      format,
      trainingId: training_id,
      epochId: epoch_id,
      dryRun: dry_run,
    });
  } catch (error) {
    // The caller is authenticated: a schema mismatch or a failed write (saying which records did not land) helps
    // them; anything else is logged here and answered without internals.
    if (error instanceof IngestWriteError && error.cause instanceof WriteLockTimeoutError) {
      return errorResponse(`The table is busy: ${withoutPaths(error.message)}`, null, 503, {
        'Retry-After': '10',
      });
    }
    if (error instanceof IncompatibleSchemaError || error instanceof IngestWriteError) {
      return errorResponse(`Ingest failed: ${withoutPaths(error.message)}`, null, 500);
    }
    console.error('POST /api/trajectories failed:', error);
    return errorResponse(
      `Ingest failed: ${withoutPaths(firstLineOf(error))}. Nothing after the last committed batch was written; the server log has details.`,
      null,
      500,
    );
  }
  if (summary.read > 0 && summary.parseErrors === summary.read) {
    const first = summary.errors[0];
    return errorResponse(
      `The body is not JSON: line ${first?.line ?? 1}: ${first?.reason ?? 'invalid JSON'}`,
      null,
      400,
    );
  }
  const response: IngestResponse = {
    read: summary.read,
    inserted: summary.inserted,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejected,
    errors: summary.errors.map(({ line, field, reason }) => ({ line, field, reason })),
    errors_truncated: summary.errorsTruncated,
    warnings: summary.warnings,
    dry_run: summary.dryRun,
    seconds: summary.seconds,
  };
  return Response.json(response);
}
