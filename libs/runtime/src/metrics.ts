import { DynamicModule, Module } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

const httpDuration = new Histogram({
  name: 'intensify_http_request_duration_seconds',
  help: 'HTTP requests by route pattern, method and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
});

/** Times every request; the route pattern (not the URL) keeps the label set small. */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  const end = httpDuration.startTimer();
  res.on('finish', () => {
    const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
}

/** Runs before each scrape, e.g. to read an outbox backlog or consumer lag. */
export type Collector = () => Promise<void>;
const collectors: Collector[] = [];

export function onScrape(collector: Collector): void {
  collectors.push(collector);
}

/** Every figure in Prometheus' text format, after the collectors have run. */
export async function scrapeMetrics(): Promise<{ contentType: string; text: string }> {
  // A collector that fails (a server down) must not hide the other figures.
  await Promise.allSettled(collectors.map((c) => c()));
  return { contentType: register.contentType, text: await register.metrics() };
}

/** How often the event-loop delay is sampled for `nodejs_eventloop_lag_*`. */
export const EVENT_LOOP_SAMPLE_MS = 1_000;

@Module({})
export class MetricsModule {
  /** Process metrics (RSS, heap, event loop) labelled by service; served by `serveMetrics`. */
  static forService(service: string): DynamicModule {
    register.setDefaultLabels({ service });
    // The event-loop delay is sampled by a timer: prom-client's default (every 10 ms) woke each
    // idle service 100 times a second, about 0.5 % of a core apiece on this kind of machine.
    // Once a second still shows a loop held up for long, at a hundredth of the wake-ups.
    collectDefaultMetrics({ eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
    return { module: MetricsModule };
  }
}
