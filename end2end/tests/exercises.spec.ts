// The exercise calendar in the browser: an officer plans an exercise that double-books a unit,
// reads the conflict in their own language before saving, approves it with an override reason;
// a trainee taking part finds it under "my exercises"; and the form works without JavaScript.
import { test, expect, hydrated, signIn, DEMO_PASSWORD } from "./fixtures";
import type { Page } from "@playwright/test";

/** `YYYY-MM-DD` of today plus `days` (the demo calendar is planned relative to today). */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function fillExercise(page: Page, code: string, unit: string, startDay: number, endDay: number) {
  await page.getByTestId("field-code").fill(code);
  await page.getByTestId("field-name").fill(`Exercise ${code}`);
  await page.getByTestId("field-kind").selectOption("FTX");
  await page.getByTestId("field-host_base_id").selectOption({ label: "POL — Drawsko Pomorskie Training Area (Europe/Warsaw)" });
  await page.getByTestId("field-start_at").fill(`${inDays(startDay)}T08:00`);
  await page.getByTestId("field-end_at").fill(`${inDays(endDay)}T17:00`);
  await page.getByTestId("field-units").first().selectOption({ label: unit });
  await page.getByTestId("field-units[0].headcount").fill("50");
  await page.getByTestId("field-participants").fill("trainee.pol");
  await page.getByTestId("field-objectives").fill("Load a battalion by rail overnight");
}

test.describe("planning with conflicts", () => {
  test.use({ expectedStatuses: [409] });
  test("an officer sees a double booking explained, approves it with a reason, and the trainee sees it", async ({ page }) => {
    await signIn(page, "officer.pol", DEMO_PASSWORD, "/exercises/new");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await page.goto("/exercises/new");
    await hydrated(page);
    await fillExercise(page, "E2E-DOUBLE", "POL — Rail Loading Company", 23, 25);

    // before saving: the live list explains the double booking in Polish
    const conflict = page.getByTestId("live-conflicts").getByTestId("conflict").first();
    await expect(conflict).toHaveAttribute("data-kind", "unit_double_booked");
    await expect(conflict).toContainText("Rail Loading Company");
    await expect(conflict).toContainText("AMBER-RAIL-1");
    await expect(conflict).toContainText("jest też przydzielona do");

    // approving without a reason is refused, with the reason why in the form
    await page.getByTestId("field-status").selectOption("approved");
    await page.getByTestId("exercise-save").click();
    await expect(page.getByTestId("form-error")).toHaveAttribute("data-code", "conflict");

    await page.getByTestId("field-override_reason").fill("Rail company splits into two platoons");
    await page.getByTestId("exercise-save").click();
    await expect(page.getByTestId("saved")).toBeVisible();
    await page.getByTestId("saved-link").click();
    await expect(page.getByTestId("exercise-title")).toContainText("E2E-DOUBLE");
    await expect(page.getByTestId("status")).toHaveAttribute("data-status", "approved");
    await expect(page.getByTestId("override-reason")).toHaveText("Rail company splits into two platoons");
    await expect(page.getByTestId("conflict").first()).toHaveAttribute("data-kind", "unit_double_booked");

    // the trainee taking part finds it among their exercises
    await hydrated(page);
    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("sign-in-link")).toBeVisible();
    await signIn(page, "trainee.pol", DEMO_PASSWORD, "/exercises/mine");
    await page.goto("/exercises/mine");
    await expect(page.getByTestId("my-exercises").locator('[data-code="E2E-DOUBLE"]')).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, axe: false });
  test("the planning form saves through a plain post", async ({ page }) => {
    await page.goto("/login?next=/exercises/new");
    await page.getByTestId("field-username").fill("officer.deu");
    await page.getByTestId("field-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("user-name")).toBeVisible();
    await page.goto("/exercises/new");
    // the end before the start: refused, and what was typed comes back with the error
    await fillExercise(page, "E2E-NOJS", "DEU — Supply Company 161", 203, 200);
    await page.getByTestId("exercise-save").click();
    await expect(page.getByTestId("error-end_at")).toBeVisible();
    await expect(page.getByTestId("field-code")).toHaveValue("E2E-NOJS");
    await expect(page.getByTestId("field-kind")).toHaveValue("FTX");
    await expect(page.getByTestId("field-start_at")).toHaveValue(`${inDays(203)}T08:00`);
    await expect(page.getByTestId("field-units").first().locator("option:checked")).toHaveText("DEU — Supply Company 161");
    await expect(page.getByTestId("field-units[0].headcount")).toHaveValue("50");
    await expect(page.getByTestId("field-objectives")).toHaveValue("Load a battalion by rail overnight");

    await page.getByTestId("field-end_at").fill(`${inDays(206)}T17:00`);
    await page.getByTestId("exercise-save").click();
    await expect(page).toHaveURL(/\/exercises\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("exercise-title")).toContainText("E2E-NOJS");
    await expect(page.getByTestId("exercise-participants")).not.toBeEmpty();
  });
});

test.describe("a form posted before the page hydrated", () => {
  // the save after hydration is refused (no host base) as a hydrated page's request: 422
  test.use({ expectedStatuses: [422] });
  test("comes back with what was typed, and hydration keeps it", async ({ page }) => {
    await signIn(page, "officer.pol", DEMO_PASSWORD, "/exercises/new");
    // hold the wasm bundle: the form posts as plain HTML, as on a slow connection
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/pkg/*.wasm", async (route) => {
      await released;
      await route.continue().catch(() => {}); // the first page's request went with its page
    });
    await page.goto("/exercises/new", { waitUntil: "domcontentloaded" });
    await page.getByTestId("field-code").fill("E2E-EARLY");
    await page.getByTestId("field-start_at").fill(`${inDays(300)}T08:00`);
    await page.getByTestId("field-end_at").fill(`${inDays(301)}T08:00`);
    await page.getByTestId("field-objectives").fill("Keep </textarea> & <b>this</b>");
    await page.getByTestId("line-air").check();
    await expect(page.locator('[data-hydrated="true"]')).toHaveCount(0);
    await page.getByTestId("exercise-save").click();
    // a plain post: the server sent the browser back with the error in the address
    await expect(page).toHaveURL(/__err=/);
    await expect(page.getByTestId("error-host_base_id")).toBeVisible();
    await expect(page.getByTestId("field-code")).toHaveValue("E2E-EARLY");

    release();
    await hydrated(page);
    await expect(page.getByTestId("field-code")).toHaveValue("E2E-EARLY");
    await expect(page.getByTestId("field-end_at")).toHaveValue(`${inDays(301)}T08:00`);
    await expect(page.getByTestId("field-objectives")).toHaveValue("Keep </textarea> & <b>this</b>");
    await expect(page.getByTestId("line-air")).toBeChecked();
    // the hydrated form posts what it shows: still no host base, so the same field error
    await page.getByTestId("exercise-save").click();
    await expect(page.getByTestId("error-host_base_id")).toBeVisible();
    await expect(page.getByTestId("field-code")).toHaveValue("E2E-EARLY");
  });
});

test.describe("the month grid", () => {
  test("day chips link to their exercise, also after moving between months in the page", async ({ page }) => {
    await signIn(page, "officer.pol", DEMO_PASSWORD, "/exercises/month");
    // the demo's deliberate conflicts lie three weeks ahead
    await page.goto(`/exercises/month?month=${inDays(21).slice(0, 7)}`);
    await hydrated(page);
    const grid = page.getByTestId("month-grid");
    const chip = grid.getByRole("link", { name: "AMBER-RAIL-1", exact: true }).first();
    await expect(chip).toHaveAttribute("href", /^\/exercises\/[0-9a-f-]{36}$/);
    await expect(chip).toHaveAttribute("title", /.+/);

    // away and back without a page load: the chips are rendered again in the browser
    const title = await page.getByTestId("month-title").textContent();
    await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true; });
    await page.getByTestId("month-next").click();
    await expect(page.getByTestId("month-title")).not.toHaveText(title ?? "");
    await page.getByTestId("month-prev").click();
    await expect(page.getByTestId("month-title")).toHaveText(title ?? "");
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await grid.getByRole("link", { name: "AMBER-RAIL-1", exact: true }).first().click();
    await expect(page).toHaveURL(/\/exercises\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("exercise-title")).toContainText("AMBER-RAIL-1");
  });
});
