/**
 * The bounds on one ingest: how much a request may send and inflate to, how large one record may be, how many steps
 * it may hold, and how long a request may take to deliver its body. Each is an environment variable with a default;
 * a value that is set but not a positive number stops the server at start-up (`ingestLimitsFromEnv` throws naming
 * the variable). docs/ingest.md#limits lists them, from `INGEST_LIMIT_SETTINGS`.
 */

const MiB = 1024 * 1024;

/** A shorter INGEST_TOKEN stops the server at start-up (lib/server/startup-check.ts); the endpoint stays off with it. */
export const MIN_TOKEN_LENGTH = 32;

export interface IngestLimits {
  /** Bytes of one HTTP body as sent (compressed size for gzip). */
  maxBodyBytes: number;
  /** Bytes one gzip body may inflate to. */
  maxInflatedBytes: number;
  /** Inflated bytes per compressed byte a gzip body may reach (checked once it has inflated to 1 MiB). */
  maxInflateRatio: number;
  /** Characters of one record's JSON text (a JSONL line, or one element of a JSON array). */
  maxRecordBytes: number;
  /** Records (lines or array elements, valid or not) in one HTTP body. */
  maxRecords: number;
  /** Steps (turns) of one trajectory. */
  maxSteps: number;
  /** Seconds an HTTP body may pause between two chunks. */
  bodyIdleSeconds: number;
  /** Seconds the server waits, in all, for an HTTP body's bytes to arrive (time spent writing is not counted). */
  bodyTimeoutSeconds: number;
  /** Seconds a request waits for another writer's batch before answering 503. */
  lockWaitSeconds: number;
}

export interface LimitSetting {
  key: keyof IngestLimits;
  variable: string;
  default: number;
  /** How the value is shown in docs and messages. */
  unit: 'bytes' | 'count' | 'seconds' | 'ratio';
  /** Where it applies. */
  scope: 'HTTP' | 'CLI and HTTP';
  meaning: string;
}

export const INGEST_LIMIT_SETTINGS: readonly LimitSetting[] = [
  {
    key: 'maxBodyBytes',
    variable: 'INGEST_MAX_BYTES',
    default: 50 * MiB,
    unit: 'bytes',
    scope: 'HTTP',
    meaning: 'size of one request body as sent (compressed size for gzip); 413 above',
  },
  {
    key: 'maxInflatedBytes',
    variable: 'INGEST_MAX_INFLATED_BYTES',
    default: 512 * MiB,
    unit: 'bytes',
    scope: 'HTTP',
    meaning: 'size a gzip body may inflate to; 413 above',
  },
  {
    key: 'maxInflateRatio',
    variable: 'INGEST_MAX_INFLATE_RATIO',
    // Real logs inflate about 10:1 (tau-bench: 9.6:1); generated ones with repeated text up to about 150:1.
    default: 200,
    unit: 'ratio',
    scope: 'HTTP',
    meaning: 'inflated bytes per compressed byte of a gzip body, checked once 1 MiB has inflated; 413 above',
  },
  {
    key: 'maxRecords',
    variable: 'INGEST_MAX_RECORDS',
    default: 200_000,
    unit: 'count',
    scope: 'HTTP',
    meaning: 'records (valid or not) in one request body; 413 above',
  },
  {
    key: 'maxRecordBytes',
    variable: 'INGEST_MAX_RECORD_BYTES',
    default: 32 * MiB,
    unit: 'bytes',
    scope: 'CLI and HTTP',
    meaning:
      "one record's JSON text, counted in characters (its bytes for ASCII text); a longer record is rejected with its line, the next line is read",
  },
  {
    key: 'maxSteps',
    variable: 'INGEST_MAX_STEPS',
    default: 10_000,
    unit: 'count',
    scope: 'CLI and HTTP',
    meaning: 'steps of one trajectory; a record with more is rejected with its line (field `steps`)',
  },
  {
    key: 'bodyIdleSeconds',
    variable: 'INGEST_BODY_IDLE_SECONDS',
    default: 20,
    unit: 'seconds',
    scope: 'HTTP',
    meaning: 'longest pause between two chunks of a request body; 408 above',
  },
  {
    key: 'bodyTimeoutSeconds',
    variable: 'INGEST_BODY_TIMEOUT_SECONDS',
    default: 120,
    unit: 'seconds',
    scope: 'HTTP',
    meaning:
      'time, in all, the server waits for a body to arrive (time spent writing rows is not counted); 408 above',
  },
  {
    key: 'lockWaitSeconds',
    variable: 'INGEST_LOCK_WAIT_SECONDS',
    default: 60,
    unit: 'seconds',
    scope: 'HTTP',
    meaning: "how long a request waits for another writer's batch; 503 with Retry-After above",
  },
];

export const DEFAULT_INGEST_LIMITS: IngestLimits = Object.fromEntries(
  INGEST_LIMIT_SETTINGS.map((setting) => [setting.key, setting.default]),
) as unknown as IngestLimits;

/** The setting behind a limit, for messages that name it. */
export function limitSetting(key: keyof IngestLimits): LimitSetting {
  return INGEST_LIMIT_SETTINGS.find((setting) => setting.key === key)!;
}

/**
 * The limits from the environment; unset or empty variables take their defaults. Throws an Error with one line per
 * variable set to anything but a positive number (whole for bytes and counts), naming it.
 */
export function ingestLimitsFromEnv(env: Record<string, string | undefined> = process.env): IngestLimits {
  const limits = { ...DEFAULT_INGEST_LIMITS };
  const problems: string[] = [];
  for (const setting of INGEST_LIMIT_SETTINGS) {
    const raw = env[setting.variable]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    const whole = setting.unit === 'bytes' || setting.unit === 'count';
    if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0) || (whole && !Number.isSafeInteger(value)))
      problems.push(
        `${setting.variable} must be a positive ${whole ? 'whole number' : 'number'}, got "${raw}"`,
      );
    else limits[setting.key] = value;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return limits;
}

/**
 * An input stopped at one of its limits. What was committed before stays; the HTTP answer names the setting and
 * says what was committed.
 */
export class IngestLimitError extends Error {
  constructor(
    /** The environment variable of the limit. */
    readonly variable: string,
    /** 413 for a size limit, 408 for a body that arrived too slowly. */
    readonly status: 408 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** The error of a size limit (413) that `what` went over. */
export function overLimit(key: keyof IngestLimits, limit: number, what: string): IngestLimitError {
  const setting = limitSetting(key);
  return new IngestLimitError(
    setting.variable,
    413,
    `${what} is over the limit of ${formatLimit(limit, setting.unit)} (${setting.variable})`,
  );
}

export function formatLimit(value: number, unit: LimitSetting['unit']): string {
  if (unit === 'bytes') {
    if (value >= MiB && value % MiB === 0) return `${value / MiB} MiB`;
    return `${value.toLocaleString('en-US')} bytes`;
  }
  if (unit === 'seconds') return `${value} s`;
  if (unit === 'ratio') return `${value}:1`;
  return value.toLocaleString('en-US');
}
