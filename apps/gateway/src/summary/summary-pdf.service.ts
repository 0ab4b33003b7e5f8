import { existsSync } from 'node:fs';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { Problem } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { HEADLESS_CHROMIUM_ARGS } from './chromium-args';
import { RenderSlots } from './render-slots';

const RENDER_TIMEOUT_MS = 30_000;

/**
 * Renders the printable summary page to PDF in headless Chromium, so the PDF is exactly what
 * the page shows. The page loads with the caller's own token (put in the page's session
 * storage in a context of its own, closed afterwards), so it shows what the caller may see.
 * One browser is launched on first use and kept; a crashed one is replaced.
 */
@Injectable()
export class SummaryPdfService implements OnModuleDestroy {
  private readonly logger = new Logger(SummaryPdfService.name);
  private browser?: Promise<Browser>;
  /** Two pages at once keep the gateway's memory bounded; a few more may wait their turn. */
  private readonly slots = new RenderSlots(2, 8);

  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {}

  render(operationId: string, token: string): Promise<Buffer> {
    return this.slots.run(() => this.renderNow(operationId, token));
  }

  private async renderNow(operationId: string, token: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    try {
      await context.addInitScript({
        content: `sessionStorage.setItem('intensify.token', ${JSON.stringify(token)});`,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      try {
        await page.goto(`${this.origin()}/board/${encodeURIComponent(operationId)}/summary`);
        await page.waitForSelector('body[data-state=ready], body[data-state=failed]');
      } catch (e) {
        this.logger.warn(`summary page did not render: ${(e as Error).message}`);
        throw new ProblemError('service_unavailable', 'The summary page did not render in time');
      }
      const problem = await page.evaluate<string | undefined>('document.body.dataset.problem');
      if (problem) throw ProblemError.fromProblem(JSON.parse(problem) as Problem);
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.browser = this.start();
      this.browser.then(
        (b) => b.on('disconnected', () => (this.browser = undefined)),
        () => (this.browser = undefined),
      );
    }
    return this.browser;
  }

  private async start(): Promise<Browser> {
    const unavailable = (why: string) =>
      new ProblemError('service_unavailable', `PDF rendering is unavailable: ${why}`);
    if (!existsSync(this.env.CHROMIUM_PATH))
      throw unavailable(`no Chromium at ${this.env.CHROMIUM_PATH} (set CHROMIUM_PATH)`);
    try {
      // Loaded on first use: the gateway starts and serves everything else without it.
      const { chromium } = await import('playwright-core');
      return await chromium.launch({
        executablePath: this.env.CHROMIUM_PATH,
        headless: true,
        args: HEADLESS_CHROMIUM_ARGS,
      });
    } catch (e) {
      this.logger.error(`could not start Chromium: ${(e as Error).message}`);
      throw unavailable(`Chromium at ${this.env.CHROMIUM_PATH} did not start`);
    }
  }

  /** This gateway as the browser beside it reaches it. */
  private origin(): string {
    const host = ['0.0.0.0', '::', ''].includes(this.env.HOST) ? '127.0.0.1' : this.env.HOST;
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.env.PORT}`;
  }
}
