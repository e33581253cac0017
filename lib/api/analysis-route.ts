import { IncompatibleSchemaError } from '../db';
import { AnalysisError } from '../analysis/errors';
import { parseAnalysisQuery } from '../analysis/query';
import { runStat, statParams, type Stat, type StatParam } from '../analysis/stat';
import { errorResponse } from './error-response';

/** Maps a thrown error to the one error shape: client errors keep their status, the rest are logged 500s. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AnalysisError) return errorResponse(error.message, error.param, error.status);
  if (error instanceof IncompatibleSchemaError) return errorResponse(error.message, null, 500);
  console.error(error);
  return errorResponse('internal error', null, 500);
}

/** Runs a request handler body, answering any thrown error in the one error shape. */
export async function answer(run: () => Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await run());
  } catch (error) {
    return toErrorResponse(error);
  }
}

/**
 * The route handler of a stat: parse the query (400 naming the parameter; the stat's own parameters allowed besides
 * the filters and metric options), run the stat, answer JSON.
 */
export function statRoute<P extends StatParam, R>(stat: Stat<P, R>): (request: Request) => Promise<Response> {
  return (request) =>
    answer(() =>
      runStat(
        stat,
        parseAnalysisQuery(new URL(request.url).searchParams, statParams(stat), {
          filters: stat.spec.filters !== false,
        }),
      ),
    );
}
