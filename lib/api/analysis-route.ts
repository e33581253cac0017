import { IncompatibleSchemaError } from '../db';
import { AnalysisError } from '../analysis/errors';
import { parseAnalysisQuery, type AnalysisQuery } from '../analysis/query';
import { errorResponse } from './error-response';

/** Maps a thrown error to the one error shape: client errors keep their status, the rest are logged 500s. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AnalysisError) return errorResponse(error.message, error.param, error.status);
  if (error instanceof IncompatibleSchemaError) return errorResponse(error.message, null, 500);
  console.error(error);
  return errorResponse('internal error', null, 500);
}

/**
 * Every analysis route has this shape: parse the query (400 naming the parameter), call one lib function, return
 * its result as JSON.
 */
export function analysisRoute<R>(
  run: (query: AnalysisQuery) => Promise<R>,
  allowed: readonly (keyof AnalysisQuery)[] = [],
  options: { filters?: boolean } = {},
): (request: Request) => Promise<Response> {
  return async (request: Request) => {
    try {
      const query = parseAnalysisQuery(new URL(request.url).searchParams, allowed, options);
      return Response.json(await run(query));
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
