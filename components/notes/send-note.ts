/**
 * Writes a note from the browser: JSON to the annotations API, same origin (the browser sends its `Origin`, which the
 * API's cross-site guard checks, and the signed-in credentials). Resolves to null on success, else the API's message.
 */
export async function sendNote(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return 'The server could not be reached.';
  }
  if (response.ok) return null;
  try {
    const answer = (await response.json()) as { error?: { message?: string } };
    return answer.error?.message ?? `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}
