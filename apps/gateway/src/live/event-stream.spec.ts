import { EventEmitter } from 'node:events';
import { Response } from 'express';
import { backpressured } from './event-stream';

/** A response whose socket is full until `drain()`. */
class SlowResponse extends EventEmitter {
  written: string[] = [];
  full = false;
  destroyed = false;

  write(frame: string): boolean {
    this.written.push(frame);
    return !this.full;
  }

  drain(): void {
    this.full = false;
    this.emit('drain');
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
}

describe('stream writes under backpressure', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps only the latest frame of each event while the socket is full, and sends it on drain', () => {
    const res = new SlowResponse();
    const write = backpressured(res as unknown as Response, 30_000);
    res.full = true;
    write('board', 'b1');
    for (let i = 2; i <= 1000; i++) write('board', `b${i}`);
    write('heartbeat', 'h');
    expect(res.written).toEqual(['b1']);
    res.drain();
    expect(res.written).toEqual(['b1', 'b1000', 'h']);
    write('board', 'b1001');
    expect(res.written).toEqual(['b1', 'b1000', 'h', 'b1001']);
  });

  it('disconnects a viewer that stays stuck past the limit, and not one that drains', () => {
    const res = new SlowResponse();
    const write = backpressured(res as unknown as Response, 30_000);
    res.full = true;
    write('board', 'b1');
    jest.advanceTimersByTime(20_000);
    res.drain();
    jest.advanceTimersByTime(20_000);
    expect(res.destroyed).toBe(false);
    res.full = true;
    write('board', 'b2');
    jest.advanceTimersByTime(30_001);
    expect(res.destroyed).toBe(true);
  });
});
