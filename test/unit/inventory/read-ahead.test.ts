import { describe, expect, it } from 'vitest';
import { readAhead } from '../../../src/inventory/read-ahead';

describe('readAhead', () => {
  it('yields every item in order, requesting the next before the current is handled', async () => {
    const requested: number[] = [];
    async function* source() {
      for (const item of [1, 2, 3]) {
        requested.push(item);
        yield item;
      }
    }
    const seen: [number, number[]][] = [];
    for await (const item of readAhead(source())) seen.push([item, [...requested]]);
    expect(seen.map(([item]) => item)).toEqual([1, 2, 3]);
    // While item 1 is handled, item 2 has already been asked for.
    expect(seen[0]?.[1]).toEqual([1, 2]);
  });

  it('surfaces a failure of the item read ahead when the caller reaches it, never as an unhandled rejection', async () => {
    async function* source() {
      yield 1;
      throw new Error('connection lost');
    }
    const seen: number[] = [];
    const failure = (async () => {
      for await (const item of readAhead(source())) {
        // Let the failed read settle before the loop asks for it.
        await new Promise((resolve) => setTimeout(resolve, 10));
        seen.push(item);
      }
    })();
    await expect(failure).rejects.toThrow('connection lost');
    expect(seen).toEqual([1]);
  });

  it('stops the source when the caller leaves early', async () => {
    let stopped = false;
    async function* source() {
      try {
        for (let item = 0; ; item++) yield item;
      } finally {
        stopped = true;
      }
    }
    for await (const item of readAhead(source())) if (item === 2) break;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stopped).toBe(true);
  });
});
