import { expect, Locator, Page } from '@playwright/test';

/** One axe rule broken, with the nodes that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

declare global {
  interface Window {
    axe?: {
      run(
        context: Element,
        options: { resultTypes: string[] },
      ): Promise<{
        violations: Array<{
          id: string;
          impact?: string | null;
          help: string;
          nodes: Array<{ target: unknown[]; html: string }>;
        }>;
      }>;
    };
  }
}

/** The Delivery tab's own DOM (the app shell around it is Backstage's). */
export function deliveryContent(page: Page): Locator {
  return page.getByTestId('delivery-content');
}

/**
 * Runs axe-core (from node_modules, never downloaded) on one element: our
 * plugin's container, a dialog or a panel, not the Backstage shell around it,
 * which breaks some rules of its own (`region`, `heading-order`, ...).
 */
export async function axeViolations(scope: Locator): Promise<AxeViolation[]> {
  const page = scope.page();
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const handle = await scope.elementHandle();
  if (!handle) throw new Error('axe: nothing to check, the scope is empty');
  return handle.evaluate(async element => {
    const result = await window.axe!.run(element, {
      resultTypes: ['violations'],
    });
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map(n => `${n.target.join(' ')}: ${n.html.slice(0, 200)}`),
    }));
  });
}

/** Asserts that axe finds no violation in `scope` (the message lists them). */
export async function expectNoAxeViolations(scope: Locator) {
  const violations = await axeViolations(scope);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}
