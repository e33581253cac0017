import { ParamError, readParam } from './read';
import type { ValueOf } from './spec';
import { PARAMS, type ParamName, type Params } from './table';

/**
 * The dynamic path segments of the page routes (`/trajectories/[id]`, `/questions/[data_id]`,
 * `/groups/[training]/[epoch]/[data_id]`), read once here, as lib/params/hrefs.ts writes them.
 */

/**
 * A path segment as the page means it. A document request gets it percent-encoded (decoded once here); some of the
 * client router's refetches pass it already decoded, and then a value holding `%` does not decode again and is taken
 * as it is. (A segment whose escapes do not decode never gets here: the proxy redirects it to its literal reading.)
 */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * A decoded path segment read as the value of a scalar parameter of the table, exactly as the same value in the query
 * string would be; null when the parameter would reject it (as the nuqs parsers read a bad value).
 */
export function segmentParam<K extends ParamName>(name: K, segment: string): ValueOf<Params[K]> | null {
  try {
    return readParam(PARAMS[name], [segment]) ?? null;
  } catch (error) {
    if (error instanceof ParamError) return null;
    throw error;
  }
}
