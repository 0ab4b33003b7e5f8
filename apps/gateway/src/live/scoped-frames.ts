import { Principal, readScope } from '@intensify/auth';
import { sseFrame } from './event-stream';

/**
 * Which viewers see the same thing: two principals with the same read scope (the one policy's
 * `readScope`) are shown the same scoped copy, whatever their role or name.
 */
export function scopeKey(p: Principal): string {
  const { forces, regions } = readScope(p);
  return `${regions?.join(',') ?? '*'}|${forces?.join(',') ?? '*'}`;
}

/**
 * Encoded frames of one pushed value, one per read scope: the first viewer of a scope pays for
 * the scope filter and `JSON.stringify`, every other viewer of that scope writes the same bytes.
 * Keyed by the value itself (the fan-out hands one object to every viewer), so a frame lives as
 * long as the value does.
 */
export class ScopedFrames<T extends object> {
  private readonly frames = new WeakMap<T, Map<string, Buffer>>();

  constructor(
    private readonly event: string,
    private readonly scope: (value: T, p: Principal) => unknown,
  ) {}

  frame(value: T, p: Principal): Buffer {
    let byScope = this.frames.get(value);
    if (!byScope) this.frames.set(value, (byScope = new Map()));
    const key = scopeKey(p);
    let frame = byScope.get(key);
    if (!frame) byScope.set(key, (frame = sseFrame(this.event, this.scope(value, p))));
    return frame;
  }
}
