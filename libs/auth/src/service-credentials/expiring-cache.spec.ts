import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  it('returns a value until its expiry and not from then on', () => {
    const cache = new ExpiringCache<string>();
    cache.set('a', 'A', 1_000);
    expect(cache.get('a', 999)).toBe('A');
    expect(cache.get('a', 1_000)).toBeUndefined();
    // An expired entry is gone, not merely hidden.
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most its bound, dropping the least recently used entry', () => {
    const cache = new ExpiringCache<number>(3);
    for (const k of ['a', 'b', 'c']) cache.set(k, k.charCodeAt(0), 10_000);
    expect(cache.get('a', 0)).toBe(97); // a is now the most recently used
    cache.set('d', 100, 10_000);
    expect(cache.size).toBe(3);
    expect(cache.get('b', 0)).toBeUndefined();
    expect([cache.get('a', 0), cache.get('c', 0), cache.get('d', 0)]).toEqual([97, 99, 100]);
    for (let i = 0; i < 1_000; i++) cache.set(`k${i}`, i, 10_000);
    expect(cache.size).toBe(3);
    expect(cache.get('k999', 0)).toBe(999);
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('replaces a key in place and can forget one', () => {
    const cache = new ExpiringCache<string>(2);
    cache.set('a', 'old', 10);
    cache.set('a', 'new', 20);
    expect(cache.size).toBe(1);
    expect(cache.get('a', 15)).toBe('new');
    cache.delete('a');
    expect(cache.get('a', 0)).toBeUndefined();
  });

  it('refuses a bound below one', () => {
    expect(() => new ExpiringCache(0)).toThrow(/at least one/);
  });
});
