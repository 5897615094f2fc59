/**
 * The items of `source`, with the next one already requested while the
 * caller works on the current one: the directory (or the file) reads page
 * N+1 while the store writes page N. At most one item is held ahead.
 * A failure of the item read ahead surfaces when the caller reaches it.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  // Marked handled now; the same promise is awaited (and rethrows) on the next turn.
  pending.catch(() => undefined);
  let finished = false;
  try {
    while (true) {
      const result = await pending;
      if (result.done === true) {
        finished = true;
        return;
      }
      pending = iterator.next();
      pending.catch(() => undefined);
      yield result.value;
    }
  } finally {
    // Stops the source when the caller leaves early. Not awaited: it would wait for the read in flight.
    if (!finished) iterator.return?.(undefined).catch(() => undefined);
  }
}
