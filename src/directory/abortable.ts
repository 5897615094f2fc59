/**
 * Settles with `work`, or rejects with `onAbort()` as soon as the signal fires
 * or `timeoutMs` passes. ldapts cannot cancel a request in flight, so the
 * caller must also tear the connection down; the late outcome of `work` is
 * swallowed so that it cannot surface as an unhandled rejection.
 */
export function raceAbort<T>(
  work: Promise<T>,
  options: { signal?: AbortSignal; timeoutMs?: number; onAbort: () => Error; onTimeout?: () => Error },
): Promise<T> {
  const { signal, timeoutMs } = options;
  if (signal?.aborted) {
    work.catch(() => undefined);
    return Promise.reject(options.onAbort());
  }
  if (signal === undefined && timeoutMs === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const cleanup = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };
    const abort = (): void => {
      cleanup();
      reject(options.onAbort());
    };
    signal?.addEventListener('abort', abort, { once: true });
    if (timeoutMs !== undefined && options.onTimeout !== undefined) {
      const onTimeout = options.onTimeout;
      timer = setTimeout(() => {
        cleanup();
        reject(onTimeout());
      }, timeoutMs);
    }
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}
