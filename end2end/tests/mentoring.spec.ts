// Mentor pairing in the browser: an officer runs the demo pool, opens a breakdown, forbids a
// pair, re-runs, accepts every proposal; the mentor then sees the mentee.
import { test, expect, hydrated, signIn } from "./fixtures";

test("an officer runs, forbids, re-runs and accepts; the mentor then sees the mentee", async ({ page }) => {
  await signIn(page, "officer.pol", undefined, "/mentoring/runs");
  await hydrated(page);
  await page.getByTestId("run-submit").click();
  await expect(page).toHaveURL(/\/mentoring\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  const firstRun = new URL(page.url()).pathname;

  const rows = page.getByTestId("proposal-row");
  await expect(rows.first()).toBeVisible();
  const breakdown = rows.first().getByTestId("breakdown");
  await breakdown.getByTestId("breakdown-toggle").click();
  await expect(breakdown.getByTestId("breakdown-detail")).toBeVisible();

  // sorting by score keeps every row, highest first
  const count = await rows.count();
  await page.getByTestId("sort-score").click();
  await expect(page).toHaveURL(/sort=score/);
  await expect(rows).toHaveCount(count);

  // forbid a pair that does not involve the demo trainee or the demo mentor, then re-run
  const victim = page
    .locator('[data-testid="proposal-row"]:not([data-mentee="trainee.pol"]):not([data-mentor="mentor.deu"])')
    .first();
  const mentee = await victim.getAttribute("data-mentee");
  const mentor = await victim.getAttribute("data-mentor");
  await hydrated(page);
  await victim.getByTestId("forbid").click();
  await expect(page).not.toHaveURL(new RegExp(firstRun));
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(page.locator(`[data-testid="proposal-row"][data-mentee="${mentee}"][data-mentor="${mentor}"]`)).toHaveCount(0);
  await expect(page.getByTestId("unmatched-row").first()).toBeVisible();
  await expect(page.getByTestId("fairness-nation")).toBeVisible();

  await hydrated(page);
  await page.getByTestId("accept-all").click();
  await expect(page.getByTestId("accept-report")).toBeVisible();
  const mine = page.locator('[data-testid="proposal-row"][data-mentee="trainee.pol"]');
  await expect(mine).toHaveAttribute("data-status", "active");
  const trainersName = (await mine.getAttribute("data-mentor")) ?? "";
  expect(trainersName).toBe("mentor.deu");

  await page.context().clearCookies();
  await signIn(page, trainersName, undefined, "/mentoring");
  await expect(page.getByTestId("my-mentees")).toBeVisible();
  await expect(page.locator('[data-testid="pairing"][data-username="trainee.pol"]')).toHaveAttribute("data-status", "active");
});
