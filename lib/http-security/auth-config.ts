import { isPasswordHash, parsePasswordHash, type ScryptHash } from './password-hash';

/** One accepted credential: an HTTP Basic user (plain or scrypt-hashed password) or a bearer token. */
export type Credential =
  | { kind: 'basic'; user: string; password: { plain: string } | { hash: ScryptHash } }
  | { kind: 'bearer'; token: string; name?: string };

const MIN_TOKEN_LENGTH = 16;
/** The name a bearer entry may give its holder (`bearer:<name>:<token>`): the author of the notes it writes. */
export const BEARER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * Parses `DASHBOARD_AUTH`: comma-separated entries `basic:<user>:<password>`, `basic:<user>:scrypt$…`,
 * `bearer:<token>` or `bearer:<name>:<token>` (a name of letters, digits, `.`, `_`, `-`, at most 40, before a token of
 * at least 16 characters; anything else after `bearer:` is the token). Empty or unset means no authentication. Errors name the entry by position and user, never a secret.
 */
export function parseAuthConfig(text: string | undefined): Credential[] {
  if (!text || text.trim() === '') return [];
  return text.split(',').map((raw, i) => parseEntry(raw.trim(), i + 1));
}

function parseEntry(entry: string, position: number): Credential {
  const fail = (reason: string): never => {
    throw new Error(`DASHBOARD_AUTH entry ${position}: ${reason}`);
  };
  const colon = entry.indexOf(':');
  const kind = colon < 0 ? entry : entry.slice(0, colon);
  const rest = colon < 0 ? '' : entry.slice(colon + 1);
  if (kind === 'bearer') {
    const split = rest.indexOf(':');
    const name = split > 0 ? rest.slice(0, split) : '';
    const named = BEARER_NAME_PATTERN.test(name) && rest.length - split - 1 >= MIN_TOKEN_LENGTH;
    const token = named ? rest.slice(split + 1) : rest;
    if (token.length < MIN_TOKEN_LENGTH) fail(`a bearer token needs at least ${MIN_TOKEN_LENGTH} characters`);
    if (/\s/.test(token)) fail('a bearer token must not contain whitespace');
    return named ? { kind: 'bearer', token, name } : { kind: 'bearer', token };
  }
  if (kind === 'basic') {
    const split = rest.indexOf(':');
    if (split <= 0) fail('expected basic:<user>:<password>');
    const user = rest.slice(0, split);
    const secret = rest.slice(split + 1);
    if (secret === '') fail(`user "${user}" has an empty password`);
    if (!isPasswordHash(secret)) return { kind: 'basic', user, password: { plain: secret } };
    try {
      return { kind: 'basic', user, password: { hash: parsePasswordHash(secret) } };
    } catch (error) {
      return fail(`user "${user}": ${(error as Error).message}`);
    }
  }
  return fail('must start with basic: or bearer:');
}
