// Shared fixtures: every test fails on a page error or a failed request, every page visited is
// checked with axe-core (WCAG 2.1 AA), and `hydrated()` waits for the wasm bundle to take over.
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

export async function hydrated(page: Page) {
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1);
}

type Fixtures = { expectedStatuses: number[]; axe: boolean };

export const test = base.extend<Fixtures>({
  expectedStatuses: [[], { option: true }],
  // axe-core runs inside the page, so it cannot check a page with JavaScript disabled; those
  // pages are the same markup the JavaScript-enabled tests check.
  axe: [true, { option: true }],
  page: async ({ page, expectedStatuses, axe, javaScriptEnabled }, use) => {
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      const expected = expectedStatuses.some((s) => m.text().includes(`status of ${s}`));
      if (m.type() === "error" && !expected) problems.push(`console error: ${m.text()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !expectedStatuses.includes(r.status())) {
        problems.push(`HTTP ${r.status()} for ${r.url()}`);
      }
    });
    page.on("requestfailed", (r) => {
      // navigations superseded by a newer one are aborted by the browser, not failed; with
      // JavaScript off, the browser itself blocks the hydration script
      const error = r.failure()?.errorText;
      const blockedScript = !javaScriptEnabled && error === "csp";
      if (error !== "net::ERR_ABORTED" && !blockedScript) {
        problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
      }
    });
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (axe) await expectAccessible(page);
      return response;
    };
    await use(page);
    if (axe) await expectAccessible(page);
    expect(problems).toEqual([]);
  },
});

export { expect };

export const DEMO_PASSWORD = process.env.MUSTER_DEMO_PASSWORD ?? "e2e demo password";

/** Signs in through the login page and waits for the destination to load. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, next = "/") {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await hydrated(page);
  await page.getByTestId("field-username").fill(username);
  await page.getByTestId("field-password").fill(password);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("user-name")).toBeVisible();
}
