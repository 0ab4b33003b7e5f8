import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';

const AXE = require.resolve('axe-core/axe.min.js');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** WCAG 2.2 AA failures axe-core finds on the page as it stands, as `rule: element`. */
export async function accessibilityFailures(page: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag: the pages' CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(
    `axe.run(document, { runOnly: ${JSON.stringify(WCAG_22_AA)} }).then((r) =>
      r.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' '))))`,
  );
}
