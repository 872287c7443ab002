// The foundation: the home page renders from the database, hydrates, and speaks the visitor's
// language. Selectors are roles and data-testids only: the interface is localised.
import { test, expect, hydrated } from "./fixtures";

test("the home page renders every seeded nation with bases and units", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("nation")).toHaveCount(12);
  const poland = page.locator('[data-testid="nation"][data-code="POL"]');
  await expect(poland.getByRole("table")).toBeVisible();
  await expect(poland.getByTestId("unit").first()).toBeVisible();
});

test("a unit tree folds client-side after hydration, without a page load", async ({ page }) => {
  await page.goto("/");
  await hydrated(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  const nation = page.locator('[data-testid="nation"][data-code="POL"]');
  const toggle = nation.getByTestId("unit-toggle").first();
  const children = nation.getByTestId("unit-children").first();
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(children).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(children).toBeHidden();
  await toggle.click();
  await expect(children).toBeVisible();
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
});

test("switching to Polish changes the interface, sets <html lang> and survives a reload", async ({ page }) => {
  await page.goto("/");
  const english = await page.getByRole("heading", { level: 1 }).textContent();
  await page.getByTestId("lang-select").selectOption("pl");
  await page.getByTestId("lang-submit").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  const polish = await page.getByRole("heading", { level: 1 }).textContent();
  expect(polish).not.toEqual(english);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(polish ?? "");
  await hydrated(page);
  await expect(page.getByTestId("lang-select")).toHaveValue("pl");
});

test.describe("a German browser", () => {
  test.use({ locale: "de-DE" });
  test("gets German without choosing it", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await hydrated(page);
    await expect(page.getByTestId("lang-select")).toHaveValue("de");
  });
});

test.describe("an unknown address", () => {
  test.use({ expectedStatuses: [404] });
  test("shows the 404 page", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByRole("link", { name: /./ }).first()).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, axe: false });
  test("the home page is complete and the language switcher works", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("nation")).toHaveCount(12);
    await expect(page.getByTestId("unit-toggle").first()).toBeHidden();
    await page.getByTestId("lang-select").selectOption("fr");
    await page.getByTestId("lang-submit").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });
});
