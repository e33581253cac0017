import { IngestLimitError, limitSetting, overLimit, type IngestLimits } from './limits';

type BodyLimits = Pick<IngestLimits, 'maxBodyBytes' | 'bodyIdleSeconds' | 'bodyTimeoutSeconds'>;

function tooSlow(key: 'bodyIdleSeconds' | 'bodyTimeoutSeconds', seconds: number): IngestLimitError {
  const { variable } = limitSetting(key);
  const what =
    key === 'bodyIdleSeconds'
      ? `no part of the body arrived for ${seconds} s`
      : `the body took more than ${seconds} s to arrive`;
  return new IngestLimitError(variable, 408, `${what} (${variable})`);
}

/**
 * The chunks of a request body, counted as they arrive: past `maxBodyBytes` it throws a 413 `IngestLimitError`;
 * when no chunk arrives for `bodyIdleSeconds`, or the time spent waiting for chunks adds up to `bodyTimeoutSeconds`,
 * a 408. Only waiting counts: time the reader spends on the chunks (parsing, writing) between two reads does not.
 * An aborted `signal`, or a body that breaks off (the client went away), ends it with an AbortError. The stream is
 * cancelled when the reading stops early, so no more of the body is taken in.
 */
export async function* bodyChunks(
  body: ReadableStream<Uint8Array> | null,
  limits: BodyLimits,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let bytes = 0;
  let waitedMs = 0;
  let finished = false;
  try {
    for (;;) {
      const leftMs = limits.bodyTimeoutSeconds * 1000 - waitedMs;
      const idle = leftMs > limits.bodyIdleSeconds * 1000;
      const started = performance.now();
      const next = await within(
        reader.read(),
        idle ? limits.bodyIdleSeconds * 1000 : leftMs,
        () =>
          idle
            ? tooSlow('bodyIdleSeconds', limits.bodyIdleSeconds)
            : tooSlow('bodyTimeoutSeconds', limits.bodyTimeoutSeconds),
        signal,
      );
      waitedMs += performance.now() - started;
      if (next.done) {
        finished = true;
        return;
      }
      bytes += next.value.byteLength;
      if (bytes > limits.maxBodyBytes) throw overLimit('maxBodyBytes', limits.maxBodyBytes, 'the body');
      yield next.value;
    }
  } finally {
    // Not awaited: Next.js's body stream settles a cancel only once the client closes the connection, and the answer
    // (which closes it) must not wait for that.
    if (!finished) reader.cancel().catch(() => {});
  }
}

/** `promise`, or the error of `onTimeout` after `ms`, or the abort reason of `signal`, whichever comes first. */
function within<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal!.reason ?? new DOMException('aborted', 'AbortError'));
    if (signal?.aborted) return onAbort();
    const timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        // A body stream only fails when the connection broke: the client is gone, whatever the error says.
        reject(
          new DOMException(`the body broke off: ${(error as Error)?.message ?? String(error)}`, 'AbortError'),
        );
      },
    );
  });
}
