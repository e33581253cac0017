/** The analysis route handlers, called in-process with a real `Request` (LANCEDB_URI must be set first). */
export type Handler = (request: Request) => Promise<Response>;

const handlers = new Map<string, Handler>();

export async function routeHandler(name: string): Promise<Handler> {
  let handler = handlers.get(name);
  if (!handler) {
    handler = (await import(`../../app/api/analysis-stats/${name}/route.ts`)).GET as Handler;
    handlers.set(name, handler);
  }
  return handler;
}

/** GET `/api/analysis-stats/<name>?<query>`; anything but 200 throws with the answer. */
export async function callRoute(name: string, query: string): Promise<unknown> {
  const handler = await routeHandler(name);
  const response = await handler(new Request(`http://bench/api/analysis-stats/${name}?${query}`));
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`${name}?${query}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

let coldCounter = 0;

/**
 * A reward filter that keeps every row but was never asked before (rewards are ≥ -1), so no cache can answer:
 * the request is computed from the data.
 */
export function neverAskedFilter(): string {
  coldCounter += 1;
  return `reward_min=${-1000 - coldCounter / 1024}`;
}
