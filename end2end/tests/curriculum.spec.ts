// Curriculum in the browser: a Polish trainee reads a module in Polish, meets the fallback notice
// on a module without Polish, passes a quiz and sees the progress bar move; an officer sees the
// unit's progress and downloads it as CSV, enrols a person by username and records a completion
// made elsewhere for a person named by username.
import { readFile } from "node:fs/promises";
import { test, expect, hydrated, signIn } from "./fixtures";

const CURRICULUM = "nato-logistics-foundations";

async function completedCount(page: import("@playwright/test").Page): Promise<number> {
  const bar = page
    .locator(`[data-testid="my-curriculum"][data-code="${CURRICULUM}"]`)
    .getByTestId("curriculum-progress");
  return Number(await bar.getAttribute("data-completed"));
}

async function openModule(page: import("@playwright/test").Page, code: string) {
  await page.goto("/training");
  await hydrated(page);
  await page.locator(`[data-testid="my-curriculum"][data-code="${CURRICULUM}"] h3 a`).click();
  await page.locator(`[data-testid="module-item"][data-code="${code}"]`).getByTestId("module-link").click();
  await expect(page.getByTestId("module-body")).toBeVisible();
  await hydrated(page);
}

test("a Polish trainee reads in Polish, sees the fallback notice, passes a quiz and progresses", async ({ page }) => {
  await signIn(page, "trainee.pol", undefined, "/training");
  await page.goto("/training");
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  const before = await completedCount(page);

  await openModule(page, "classes-of-supply");
  await expect(page.getByTestId("module-title")).toHaveAttribute("lang", "pl");
  await expect(page.getByTestId("module-body")).toHaveAttribute("lang", "pl");
  await expect(page.getByTestId("fallback-notice")).toHaveCount(0);

  await openModule(page, "medical-logistics");
  await expect(page.getByTestId("fallback-notice")).toBeVisible();
  await expect(page.getByTestId("module-body")).toHaveAttribute("lang", "en");

  await openModule(page, "classes-of-supply");
  await page.getByTestId("choice-q1-b").check();
  await page.getByTestId("choice-q2-a").check();
  await page.getByTestId("quiz-submit").click();
  await expect(page.getByTestId("quiz-result")).toHaveAttribute("data-passed", "true");
  await expect(page.getByTestId("module-completed")).toBeVisible();

  await page.goto("/training");
  await hydrated(page);
  expect(await completedCount(page)).toBe(before + 1);
});

/** On the progress page: the Polish brigade's progress in the demo curriculum. */
async function showBrigadeProgress(page: import("@playwright/test").Page) {
  // Unit names are data, not interface text.
  await page.getByTestId("field-unit").selectOption({ label: "1st Logistics Brigade" });
  // Other specs author curricula of their own: pick the demo one by its (Polish) title.
  await page
    .getByTestId("progress-pick")
    .getByTestId("field-curriculum")
    .selectOption({ label: "Podstawy logistyki NATO" });
  await page.getByTestId("progress-show").click();
}

test("an officer sees the unit's progress and downloads it as CSV", async ({ page }) => {
  await signIn(page, "officer.pol", undefined, "/training");
  await page.goto("/training");
  await hydrated(page);
  await page.getByTestId("progress-link").click();
  await expect(page.getByTestId("progress-pick")).toBeVisible();
  await hydrated(page);
  await showBrigadeProgress(page);
  const row = page.locator('[data-testid="progress-row"][data-username="trainee.pol"]');
  await expect(row).toBeVisible();
  await expect(page.getByTestId("coverage-chart")).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("progress-csv").click(),
  ]);
  const path = await download.path();
  const csv = await readFile(path, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain("trainee.pol");
});

test.describe("naming a person", () => {
  test.use({ expectedStatuses: [422] });

  test("an officer enrols a person by username; an unknown one is a field error", async ({ page }) => {
    await signIn(page, "officer.pol", undefined, "/training/progress");
    await page.goto("/training/progress");
    await hydrated(page);
    const form = page.getByTestId("enrol-form");
    await form.getByTestId("field-curriculum_id").selectOption({ label: "Podstawy logistyki NATO" });
    await form.getByTestId("field-user_id").fill("no.such.person");
    await page.getByTestId("enrol-submit").click();
    await expect(form.getByTestId("error-user_id")).toBeVisible();
    await expect(page.getByTestId("enrolled")).toHaveCount(0);

    await form.getByTestId("field-user_id").fill(" Trainee.POL ");
    await page.getByTestId("enrol-submit").click();
    await expect(page.getByTestId("enrolled")).toBeVisible();
    await expect(form.getByTestId("error-user_id")).toHaveCount(0);
  });

  test("an officer records an outside completion by username; an unknown one is a field error", async ({ page }) => {
    await signIn(page, "officer.pol", undefined, "/training/progress");
    await page.goto("/training/progress");
    await hydrated(page);
    await showBrigadeProgress(page);
    const form = page.getByTestId("import-form");
    await expect(form).toBeVisible();
    await hydrated(page);
    const person = form.getByTestId("field-completions.0.user_id");
    await person.fill("no.such.person");
    await form.getByTestId("field-completions.0.completed_on").fill("2026-01-15");
    await form.getByTestId("field-completions.0.score").fill("88");
    await page.getByTestId("import-submit").click();
    await expect(form.getByTestId("error-completions.0.user_id")).toBeVisible();
    await expect(person).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("imported")).toHaveCount(0);

    await person.fill(" Trainee.POL ");
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("imported")).toBeVisible();
    await expect(form.getByTestId("error-completions.0.user_id")).toHaveCount(0);
  });
});
