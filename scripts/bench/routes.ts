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
 * A reward filter that keeps every row but was never asked before (rewards are ≥ -1), so no result cache can
 * answer. The bound lies below every reward, so the engine skips it: the figures are computed from the data, with
 * what the table version derives once (question totals, orders) already at hand.
 */
export function neverAskedFilter(): string {
  coldCounter += 1;
  return `reward_min=${-1000 - coldCounter / 1024}`;
}

/**
 * A filter never asked before that keeps exactly the rows with reward ≥ `atLeast`: the generated rewards lie on a
 * grid at least 0.1 apart (-0.5, -0.1, 0, 0.25, …), and the bound sits just below `atLeast`, within 0.05 of it. It
 * drops rows, so every request passes over the rows it selects.
 */
export function neverAskedRowFilter(atLeast: number): string {
  coldCounter += 1;
  return `reward_min=${atLeast - 0.05 + coldCounter / 1e7}`;
}
