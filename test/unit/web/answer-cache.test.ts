import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../../src/web/http/answer-cache.ts';

const basis = [{ snapshot: 1 }];
const text = (buffer: Buffer | undefined) => buffer?.toString('utf8');

/** A cache on `basis`, as the route leaves it: it asks for an answer before writing one. */
function cacheOn(limit: number, bytes: number) {
  const cache = new AnswerCache(limit, bytes);
  expect(cache.get('first', basis)).toBeUndefined();
  return cache;
}

/** A deterministic stream of numbers in 0–1, so that a failing run can be run again. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the answers a route keeps to serve again', () => {
  it('serves an answer again byte for byte, Welsh and curly quotes included', () => {
    const cache = cacheOn(10, 1_000);
    const answer = '{"reasons":["Offers support in “maths”","Ysgol Gymraeg Bro Ŵyr"]}';
    cache.set('en /a', basis, answer);
    expect(text(cache.get('en /a', basis))).toBe(answer);
    expect(cache.get('en /b', basis)).toBeUndefined();
  });

  it('hands out a copy, which a later answer written over its place leaves as it was', () => {
    const cache = cacheOn(10, 400);
    cache.set('a', basis, 'a'.repeat(100));
    const served = cache.get('a', basis)!;
    for (const key of ['b', 'c', 'd', 'e', 'f']) cache.set(key, basis, key.repeat(100));
    expect(cache.get('a', basis)).toBeUndefined();
    expect(text(served)).toBe('a'.repeat(100));
  });

  it('keeps nothing across a change of what the answers rest on, nor on a basis not yet known', () => {
    const cache = cacheOn(10, 1_000);
    cache.set('a', basis, 'one');
    expect(cache.get('a', [{ snapshot: 2 }])).toBeUndefined();
    expect(cache.get('a', basis)).toBeUndefined();
    cache.set('a', [undefined], 'two');
    expect(cache.get('a', [undefined])).toBeUndefined();
  });

  it('keeps the latest answers that fit, the oldest going first, and never more than its limit', () => {
    const cache = cacheOn(500, 10_000);
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
    for (const key of keys) cache.set(key, basis, key.padEnd(1_000, '.'));
    const kept = keys.filter((key) => cache.get(key, basis) !== undefined);
    expect(kept).toEqual(keys.slice(-10));
    for (const key of kept) expect(text(cache.get(key, basis))).toBe(key.padEnd(1_000, '.'));

    const few = cacheOn(3, 10_000);
    for (const key of keys) few.set(key, basis, key);
    expect(keys.filter((key) => few.get(key, basis) !== undefined)).toEqual(keys.slice(-3));
  });

  it('leaves out an answer too large to keep beside others', () => {
    const cache = cacheOn(10, 1_000);
    cache.set('small', basis, 'x');
    cache.set('large', basis, 'y'.repeat(251));
    expect(cache.get('large', basis)).toBeUndefined();
    expect(text(cache.get('small', basis))).toBe('x');
  });

  it('over thousands of answers of every size, serves each key the answer last written for it, or none', () => {
    const size = 2_000;
    const cache = cacheOn(40, size);
    const next = random(16);
    const written = new Map<string, string>();
    const order: string[] = [];
    let served = 0;
    for (let i = 0; i < 5_000; i++) {
      const key = `k${Math.floor(next() * 60)}`;
      // Up to a third over the largest kept, some of it two or three bytes a character.
      const length = 1 + Math.floor(next() * (size / 3));
      const answer = `${i}:${'aŵ“'[i % 3]!.repeat(length)}`.slice(0, length);
      cache.set(key, basis, answer);
      written.set(key, answer);
      order.push(key);
      for (const [k, expected] of written) {
        const got = cache.get(k, basis);
        if (got === undefined) continue;
        served++;
        expect(text(got)).toBe(expected);
      }
      // The latest answers, a quarter of the memory between them, are all still kept.
      let bytes = 0;
      for (const k of [...new Set(order.slice(-40).reverse())]) {
        const length = Buffer.byteLength(written.get(k)!);
        if (length > size / 4) {
          expect(cache.get(k, basis), `${k}, too large, after ${i}`).toBeUndefined();
          continue;
        }
        if ((bytes += length) > size / 4) break;
        expect(cache.get(k, basis), `${k} after ${i}`).toBeDefined();
      }
    }
    expect(served).toBeGreaterThan(10_000);
  });
});
