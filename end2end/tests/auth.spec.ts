// Identity in the browser: signing in and out, localised errors, and an administrator's changes
// showing up in the audit trail.
import { test, expect, hydrated, signIn, DEMO_PASSWORD } from "./fixtures";

test("a trainee signs in, sees their name and roles, and signs out", async ({ page }) => {
  await signIn(page, "trainee.pol");
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page.getByTestId("user-name")).not.toBeEmpty();
  await expect(page.getByTestId("user-roles")).not.toBeEmpty();
  await page.getByTestId("user-name").click();
  await expect(page.getByTestId("account-name")).toHaveText((await page.getByTestId("user-name").textContent()) ?? "");
  await hydrated(page);
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("sign-in-link")).toBeVisible();
  await expect(page.getByTestId("user-name")).toHaveCount(0);
});

test.describe("wrong credentials", () => {
test.use({ expectedStatuses: [401] });
test("a wrong password shows the error in the visitor's language", async ({ page, context }) => {
  await page.goto("/login");
  await hydrated(page);
  await page.getByTestId("field-username").fill("trainee.pol");
  await page.getByTestId("field-password").fill("definitely not it");
  await page.getByTestId("login-submit").click();
  const error = page.getByTestId("form-error");
  await expect(error).toHaveAttribute("data-code", "invalid_credentials");
  const english = await error.textContent();
  await context.addCookies([{ name: "muster_lang", value: "pl", url: page.url() }]);
  await page.goto("/login");
  await hydrated(page);
  await page.getByTestId("field-username").fill("trainee.pol");
  await page.getByTestId("field-password").fill("definitely not it");
  await page.getByTestId("login-submit").click();
  await expect(error).toHaveAttribute("data-code", "invalid_credentials");
  expect(await error.textContent()).not.toEqual(english);
  await expect(page.getByTestId("user-name")).toHaveCount(0);
});
});

test("an administrator creates a unit and a person, and the audit trail shows both", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const unitName = `E2E Fuel Platoon ${stamp}`;
  const username = `e2e.${stamp}`;
  await signIn(page, "admin", DEMO_PASSWORD, "/admin");
  await hydrated(page);
  const unitForm = page.getByTestId("unit-form");
  await unitForm.getByTestId("field-nation_id").selectOption({ index: 1 });
  await unitForm.getByTestId("field-name").fill(unitName);
  await unitForm.getByTestId("unit-submit").click();
  await expect(unitForm.getByTestId("saved")).toBeVisible();
  await expect(page.getByTestId("unit-row").filter({ hasText: unitName })).toHaveCount(1);

  await page.getByTestId("tab-users").click();
  await hydrated(page);
  const form = page.getByTestId("user-form");
  await form.getByTestId("field-username").fill(username);
  await form.getByTestId("field-display_name").fill("E2E Person");
  await form.getByTestId("field-email").fill(`${username}@example.mil`);
  await form.getByTestId("role-trainee").check();
  await form.getByTestId("field-password").fill("a temporary passphrase");
  await form.getByTestId("user-submit").click();
  await expect(form.getByTestId("saved")).toBeVisible();
  await expect(page.getByTestId("user-row").filter({ hasText: username })).toHaveCount(1);

  await page.getByTestId("tab-audit").click();
  await expect(page.getByTestId("audit-table")).toBeVisible();
  const rows = page.getByTestId("audit-row");
  await expect(rows.filter({ hasText: unitName }).and(page.locator('[data-action="unit.created"]'))).toHaveCount(1);
  await expect(rows.filter({ hasText: username }).and(page.locator('[data-action="user.created"]'))).toHaveCount(1);
});

test.describe("invalid input", () => {
test.use({ expectedStatuses: [422] });
test("validation errors appear next to the field in the person's language", async ({ page }) => {
  await signIn(page, "admin.pol", DEMO_PASSWORD, "/admin/users");
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  const form = page.getByTestId("user-form");
  await form.getByTestId("field-username").fill("x");
  await form.getByTestId("field-display_name").fill("Ktoś");
  await form.getByTestId("field-email").fill("not-an-address");
  await form.getByTestId("field-password").fill("short");
  await form.getByTestId("user-submit").click();
  await expect(form.getByTestId("form-error")).toHaveAttribute("data-code", "validation");
  await expect(form.getByTestId("error-username")).toBeVisible();
  await expect(form.getByTestId("error-email")).toBeVisible();
  await expect(form.getByTestId("error-password")).toBeVisible();
  await expect(form.getByTestId("field-email")).toHaveAttribute("aria-invalid", "true");
});
});
