import { z } from 'zod';
import { errorResponse } from '../api/error-response';
import { dbConfigFromEnv, IncompatibleSchemaError } from '../db/connection';
import { WriteLockTimeoutError } from '../db/write-lock';
import { firstLineOf } from '../db/error-text';
import { requestClient } from '../http-security/client-address';
import { CredentialGate } from '../http-security/credential-gate';
import { secretsEqual } from '../http-security/credentials';
import { currentSettings } from '../http-security/settings';
import { bodyChunks } from './http-body';
import { ingestLimitsFromEnv, MIN_TOKEN_LENGTH, overLimit } from './limits';
import { ingestRecords, IngestWriteError, type IngestSummary } from './ingest';
import { readRecords } from './read';
import { INT32_MAX } from './types';
import { FORMAT_NAMES, parseFieldMap } from './dispatch';

/** Wrong tokens a client may send per minute, and all clients together, before they are refused with 429. */
export const TOKEN_FAILURES_PER_CLIENT = 5;
export const TOKEN_FAILURES_OVERALL = 50;

const boolParam = z
  .enum(['true', 'false', '1', '0', ''], { error: 'must be true, false, 1 or 0' })
  .transform((v) => v === 'true' || v === '1' || v === '');

/** Query parameters of `POST /api/trajectories`. Unknown parameters are rejected (typos would be silent otherwise). */
export const ingestQuerySchema = z
  .object({
    format: z
      .string()
      .refine((name) => FORMAT_NAMES.includes(name), { error: `must be one of ${FORMAT_NAMES.join(', ')}` })
      .default('auto'),
    dataset: z
      .string()
      .regex(/^[\w.@+-][\w./@+-]*$/, { error: 'must be a name of letters, digits and . _ - / @ +' })
      .max(256, { error: 'must be at most 256 characters' })
      .optional(),
    map: z
      .string()
      .transform((text, ctx) => {
        try {
          return parseFieldMap(text);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      })
      .optional(),
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

/** A 413 or 408 that stopped a body part-way: the error, and what was committed before it. */
export const ingestStoppedResponseSchema = z
  .object({
    error: z.object({ message: z.string(), param: z.null() }).strict(),
    committed: ingestResponseSchema,
  })
  .strict();

export type IngestStoppedResponse = z.output<typeof ingestStoppedResponseSchema>;

/** Error body of every non-200 response. */
export const errorResponseSchema = z
  .object({ error: z.object({ message: z.string(), param: z.string().nullable() }).strict() })
  .strict();

const gate = new CredentialGate({
  perClient: TOKEN_FAILURES_PER_CLIENT,
  overall: TOKEN_FAILURES_OVERALL,
  windowMs: 60_000,
});
let warnedShortToken = false;

/** Absolute file paths in an error message (LanceDB names its data files) become `<path>`; its source locations go. */
export function withoutPaths(message: string): string {
  return message
    .replace(/,?\s*(?:\/[^\s/:'"()]+){2,}:\d+:\d+/g, '') // a source location of the native addon
    .replace(/(?:\/[^\s/:'"()]+){2,}\/?/g, '<path>');
}

/** The counts of an ingest as the API answers them. */
function responseOf(summary: IngestSummary): IngestResponse {
  return {
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
}

const committedText = (s: IngestSummary) =>
  `${s.read} records were read before it and are committed (inserted ${s.inserted}, updated ${s.updated}, ` +
  `unchanged ${s.unchanged}, rejected ${s.rejected}); nothing after them was read. Send the rest in smaller ` +
  'requests: records already stored are not written twice.';

/**
 * `POST /api/trajectories`: NDJSON or a JSON array of trajectory records in the body (gzip or not), the same ingest as
 * the CLI, read as it streams in. Disabled (403) unless `INGEST_TOKEN` is set to at least 32 characters; then requires
 * `Authorization: Bearer <token>`, compared in constant time, behind a throttle on wrong tokens (per client and
 * overall) that a token accepted in the last minutes passes. 200 means every record of the body was read and counted.
 * A body over a limit (lib/ingest/limits.ts) is refused with 413 before anything is written when its Content-Length
 * says so, else stopped where it crosses the limit with a 413 (408 for a body that arrives too slowly) that says what
 * was committed before; the connection is then closed. A client that goes away stops the ingest (logged).
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
  const auth = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
  const outcome = gate.check(auth, requestClient(request.headers, currentSettings(env).trustedProxies), () =>
    match ? secretsEqual(match[1], token) : false,
  );
  if (outcome.kind === 'throttled') {
    return errorResponse(`Too many wrong tokens; try again in ${outcome.retryAfterSeconds} s.`, null, 429, {
      'Retry-After': String(outcome.retryAfterSeconds),
    });
  }
  if (outcome.kind === 'invalid')
    return errorResponse('Missing or wrong bearer token.', null, 401, { 'WWW-Authenticate': 'Bearer' });

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
        ? `Unknown query parameter ${param}; expected format, training_id, epoch_id, dataset, map or dry_run.`
        : `Query parameter ${param} ${issue.message}.`;
    return errorResponse(message, param, 400);
  }

  const limits = ingestLimitsFromEnv(env);
  const declared = Number(request.headers.get('content-length'));
  if (request.headers.has('content-length') && Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    const error = overLimit('maxBodyBytes', limits.maxBodyBytes, `the body (Content-Length ${declared})`);
    return errorResponse(`${error.message}; nothing was read. Split it into several requests.`, null, 413, {
      Connection: 'close',
    });
  }

  const { format, training_id, epoch_id, dataset, map, dry_run } = query.data;
  let summary: IngestSummary;
  try {
    // Read as bytes, like a file: invalid UTF-8 is an error of its line, and a gzipped body works too.
    summary = await ingestRecords(
      readRecords(bodyChunks(request.body, limits, request.signal), {
        source: '<body>',
        maxRecordBytes: limits.maxRecordBytes,
        inflate: limits,
        deferParse: true,
      }),
      {
        db: dbConfigFromEnv(env),
        lockTimeoutMs: limits.lockWaitSeconds * 1000,
        format,
        map,
        dataset,
        trainingId: training_id,
        epochId: epoch_id,
        dryRun: dry_run,
        maxRecords: limits.maxRecords,
        maxSteps: limits.maxSteps,
        signal: request.signal,
      },
    );
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
  if (summary.aborted) {
    console.error(
      `POST /api/trajectories: the client went away; stopped after reading ${summary.read} records. Committed ` +
        `before it: inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}.`,
    );
    return errorResponse('The request was aborted.', null, 499);
  }
  if (summary.stoppedBy) {
    const body = {
      error: { message: `${summary.stoppedBy.message}. ${committedText(summary)}`, param: null },
      committed: responseOf(summary),
    };
    return Response.json(body satisfies IngestStoppedResponse, {
      status: summary.stoppedBy.status,
      headers: { Connection: 'close' },
    });
  }
  if (summary.read === 0)
    return errorResponse('The body is empty; send NDJSON or a JSON array of records.', null, 400);
  if (summary.parseErrors === summary.read) {
    const first = summary.errors[0];
    return errorResponse(
      `The body is not JSON: line ${first?.line ?? 1}: ${first?.reason ?? 'invalid JSON'}`,
      null,
      400,
    );
  }
  return Response.json(responseOf(summary));
}
