// @ts-expect-error -- a browser ES module of the board page, without type declarations
import * as seen from '../../public/board/seen-model.js';

/** A Storage stand-in: what the page keeps in localStorage. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  };
}

const WEEK = '7f1c0c7e-3a51-4c1e-9a55-0f3c2b1d9e01';
const at = '2026-11-21T14:05:00.000Z';
const clock = (iso: string) => iso.slice(11, 16);

describe('what changed since the viewer last looked', () => {
  it('keeps one record per user and week', () => {
    expect(seen.seenKey('commander-a', WEEK)).toBe(`intensify.board.seen.commander-a.${WEEK}`);
    expect(seen.seenKey('commander-b', WEEK)).not.toBe(seen.seenKey('commander-a', WEEK));
  });

  it('reads back what it wrote, and nothing from a missing or broken record', () => {
    const storage = memoryStorage({ broken: '{not json', wrong: '{"at": 3}' });
    const key = seen.seenKey('u', WEEK);
    expect(seen.readSeen(storage, key)).toBeNull();
    expect(seen.readSeen(storage, 'broken')).toBeNull();
    expect(seen.readSeen(storage, 'wrong')).toBeNull();
    const written = seen.writeSeen(storage, key, { arrests: 4, phones: 1 }, at);
    expect(seen.readSeen(storage, key)).toEqual(written);
    expect(written).toEqual({ at, values: { arrests: 4, phones: 1 } });
  });

  it('still answers when storage refuses to keep the record', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(seen.writeSeen(full, 'k', { arrests: 1 }, at)).toEqual({ at, values: { arrests: 1 } });
  });

  it('finds the figures that differ, up and down, and new figures from zero', () => {
    const before = { at, values: { arrests: 4, phones: 2, cashPence: 500, charged: 1 } };
    const now = { arrests: 7, phones: 2, cashPence: 300, charged: 1, ddtroGranted: 2 };
    expect(seen.changesSince(before, now)).toEqual({
      arrests: 3,
      cashPence: -200,
      ddtroGranted: 2,
    });
    expect(seen.changesSince(before, before.values)).toEqual({});
  });

  it('says each change in words with the time last seen, never by colour alone', () => {
    const options = { formatTime: clock };
    expect(seen.changeCue(3, at, options)).toBe('+3 since 14:05');
    expect(seen.changeCue(-2, at, options)).toBe('−2 since 14:05');
    const pounds = (p: number) => `£${p / 100}`;
    expect(seen.changeCue(250, at, { ...options, formatNumber: pounds })).toBe('+£2.5 since 14:05');
  });

  it('sums up how many figures changed', () => {
    expect(seen.seenSummary({}, at, clock)).toBe(
      'No figures have changed since you last looked at 14:05.',
    );
    expect(seen.seenSummary({ arrests: 1 }, at, clock)).toBe(
      '1 figure has changed since you last looked at 14:05: marked below.',
    );
    expect(seen.seenSummary({ arrests: 1, phones: 2 }, at, clock)).toMatch(/^2 figures have/);
  });
});
