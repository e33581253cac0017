/** The one error shape of every API route: `{ "error": { "message", "param" } }` (param null when none is to blame). */
export interface ErrorBody {
  error: { message: string; param: string | null };
}

export function errorResponse(
  message: string,
  param: string | null,
  status: number,
  headers?: HeadersInit,
): Response {
  return Response.json({ error: { message, param } } satisfies ErrorBody, { status, headers });
}
