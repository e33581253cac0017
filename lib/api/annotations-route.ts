import type { z } from 'zod';
import { errorResponse } from './error-response';
import { dbConfigFromEnv } from '../db';
import { crossSiteReason, requestIdentity } from '../http-security/identity';
import { currentSettings } from '../http-security/settings';
import { AnnotationError } from '../annotations/errors';
import {
  createAnnotationSchema,
  listQuerySchema,
  updateAnnotationSchema,
  type AnnotationList,
} from '../annotations/schema';
import { matchingAnnotations } from '../annotations/select';
import {
  createAnnotation,
  currentAnnotations,
  deleteAnnotation,
  updateAnnotation,
} from '../annotations/store';

/** Largest request body of a write, in bytes (a note of 10,000 characters fits with room for its target). */
export const MAX_ANNOTATION_BODY_BYTES = 64 * 1024;

const REALM = 'Basic realm="RL Trajectory Dashboard", charset="UTF-8"';

/** Thrown inside a handler to answer at once. */
class Answer extends Error {
  constructor(readonly response: Response) {
    super('answer');
  }
}

const fail = (message: string, param: string | null, status: number, headers?: HeadersInit): never => {
  throw new Answer(errorResponse(message, param, status, headers));
};

/** Answers a handler's result, or its error in the one error shape. */
async function answering(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Answer) return error.response;
    if (error instanceof AnnotationError) return errorResponse(error.message, error.param, error.status);
    console.error('annotations:', error);
    return errorResponse('internal error', null, 500);
  }
}

/**
 * Who writes: refused with 403 when the request comes from another site (the cross-site guard), 401 without valid
 * credentials while DASHBOARD_AUTH is set (429 while throttled); `anonymous` without DASHBOARD_AUTH.
 */
function writer(request: Request): string {
  const settings = currentSettings();
  const crossSite = crossSiteReason(request.headers, settings);
  if (crossSite) fail(`${crossSite}: notes are written from the dashboard itself`, null, 403);
  const identity = requestIdentity(request.headers, settings);
  if (identity.kind === 'throttled') {
    const seconds = identity.retryAfterSeconds;
    fail(`too many failed logins; retry in ${seconds} s`, null, 429, { 'Retry-After': String(seconds) });
  }
  if (identity.kind === 'unauthenticated')
    fail(identity.reason === 'missing' ? 'authentication required' : 'invalid credentials', null, 401, {
      'WWW-Authenticate': REALM,
    });
  return (identity as { name: string }).name;
}

/** The JSON body of a write, at most MAX_ANNOTATION_BODY_BYTES (413 beyond), parsed with `schema` (400 naming the field). */
async function body<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    fail('send the note as JSON (Content-Type: application/json)', null, 415);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_ANNOTATION_BODY_BYTES) tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_ANNOTATION_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        tooLarge();
      }
      chunks.push(value);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    return fail('the body is not JSON', null, 400);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const path = [...issue.path, ...(key ? [key] : [])].map(String);
    const param = path.length > 0 ? path.join('.') : 'body';
    const message = key ? `unknown field "${param}"` : `${param}: ${issue.message}`;
    return fail(message, param, 400);
  }
  return parsed.data;
}

function tooLarge(): never {
  return fail(`the body is larger than ${MAX_ANNOTATION_BODY_BYTES} bytes`, null, 413);
}

const json = (value: unknown, status = 200, headers?: HeadersInit) =>
  Response.json(value, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/** `GET /api/annotations`: the current notes matching the query, most recently changed first. */
export function listAnnotationsRequest(request: Request): Promise<Response> {
  return answering(async () => {
    const params: Record<string, string> = {};
    for (const [key, value] of new URL(request.url).searchParams) {
      if (key in params) fail(`${key} is given more than once`, key, 400);
      params[key] = value;
    }
    const query = listQuerySchema.safeParse(params);
    if (!query.success) {
      const issue = query.error.issues[0];
      const param = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0]);
      fail(
        issue.code === 'unrecognized_keys' ? `unknown parameter "${param}"` : `${param}: ${issue.message}`,
        param,
        400,
      );
    }
    const { limit, offset, ...filters } = query.data!;
    const set = await currentAnnotations(dbConfigFromEnv());
    const matching = matchingAnnotations(set.list, filters);
    const answer: AnnotationList = {
      annotations: matching.slice(offset, offset + limit),
      total: matching.length,
      version: set.version,
    };
    return json(answer);
  });
}

/** `GET /api/annotations/<id>`: one current note. */
export function getAnnotationRequest(id: string): Promise<Response> {
  return answering(async () => {
    const found = (await currentAnnotations(dbConfigFromEnv())).byId.get(id);
    if (!found) fail(`no annotation "${id}"`, 'id', 404);
    return json(found);
  });
}

/** `POST /api/annotations`: a new note by the signed-in identity; 201 with the note. */
export function createAnnotationRequest(request: Request): Promise<Response> {
  return answering(async () => {
    const author = writer(request);
    const input = await body(request, createAnnotationSchema);
    const created = await createAnnotation(dbConfigFromEnv(), input, author);
    return json(created, 201, { Location: `/api/annotations/${encodeURIComponent(created.id)}` });
  });
}

/** `PATCH /api/annotations/<id>`: changes one's own note; the note as it now is. */
export function updateAnnotationRequest(request: Request, id: string): Promise<Response> {
  return answering(async () => {
    const author = writer(request);
    const patch = await body(request, updateAnnotationSchema);
    return json(await updateAnnotation(dbConfigFromEnv(), id, patch, author));
  });
}

/** `DELETE /api/annotations/<id>`: deletes one's own note; 204. */
export function deleteAnnotationRequest(request: Request, id: string): Promise<Response> {
  return answering(async () => {
    const author = writer(request);
    await deleteAnnotation(dbConfigFromEnv(), id, author);
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  });
}
