/**
 * Settings of the front server (`scripts/serve.ts`): where it listens and how long it waits for slow clients. Each has
 * a default; a set value that is not valid throws an Error naming the variable.
 */
export interface ServerSettings {
  port: number;
  /** Seconds a client has to send a request's headers (408 after). */
  headersTimeoutSeconds: number;
  /** Seconds a connection may stay silent both ways before it is closed (ingest bodies have their own limits). */
  idleTimeoutSeconds: number;
}

type Env = Record<string, string | undefined>;

function positiveSeconds(env: Env, variable: string, fallback: number): number {
  const raw = env[variable]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0))
    throw new Error(`${variable} must be a positive number of seconds, got "${raw}"`);
  return value;
}

export function portFrom(text: string | undefined, variable = 'PORT'): number {
  const raw = text?.trim();
  if (!raw) return 3000;
  const port = Number(raw);
  if (!/^\d{1,5}$/.test(raw) || port < 1 || port > 65535)
    throw new Error(`${variable} must be a port number (1–65535), got "${raw}"`);
  return port;
}

const readers: { [K in keyof ServerSettings]: (env: Env) => ServerSettings[K] } = {
  port: (env) => portFrom(env.PORT),
  headersTimeoutSeconds: (env) => positiveSeconds(env, 'HTTP_HEADERS_TIMEOUT_SECONDS', 10),
  idleTimeoutSeconds: (env) => positiveSeconds(env, 'HTTP_IDLE_TIMEOUT_SECONDS', 30),
};

/** The settings from the environment; throws an Error with one line per bad variable, naming it. */
export function serverSettingsFromEnv(env: Env = process.env): ServerSettings {
  const problems: string[] = [];
  const settings = Object.fromEntries(
    Object.entries(readers).map(([key, read]) => {
      try {
        return [key, read(env)];
      } catch (error) {
        problems.push((error as Error).message);
        return [key, null];
      }
    }),
  ) as unknown as ServerSettings;
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return settings;
}
