// Readiness in the browser: a commander sees their subtree, drills down to a person whose module
// expired and sees that module named as the cause, then records an assessed level with a reason
// and sees it beside the computed one. Also the same pages without JavaScript.
import { createHash } from "node:crypto";
import { test, expect, hydrated, signIn, DEMO_PASSWORD } from "./fixtures";

/** The server's stable demo ids: UUID v5 in Muster's demo namespace. */
function demoId(kind: string, key: string): string {
  const namespace = Buffer.from("6d75737465724000800064656d6f0001", "hex");
  const hash = createHash("sha1").update(namespace).update(`${kind}:${key}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const FUEL_COMPANY = demoId("unit", "POL:11th Fuel Supply Company");
const LAPSED = demoId("user", "lapsed.pol");

test.describe("a commander at work", () => {
// the assessment without a reason is answered 422 on purpose
test.use({ expectedStatuses: [422] });
test("a commander drills down to an expired module and records an assessed level", async ({ page }) => {
  await signIn(page, "commander.pol", undefined, "/readiness");
  await hydrated(page);
  await expect(page.getByTestId("readiness-tree")).toBeVisible();
  // the subtree two levels down: brigade, battalions, companies
  expect(await page.getByTestId("readiness-unit-row").count()).toBeGreaterThan(3);
  await expect(page.getByTestId("expiring")).toHaveCount(3);

  // brigade → the fuel company → the person whose module lapsed
  await page.locator(`[data-unit="${FUEL_COMPANY}"]`).getByRole("link").click();
  await expect(page.getByTestId("unit-name")).toBeVisible();
  await expect(page.getByTestId("computed-level")).toBeVisible();
  const unitUrl = page.url();
  await page.locator(`a[href^="/readiness/people/${LAPSED}"]`).click();
  await expect(page.getByTestId("person-name")).toBeVisible();
  const expired = page.getByTestId("expired-module");
  await expect(expired).toHaveCount(1);
  await expect(expired).toHaveAttribute("data-module", /.+/);
  await expect(page.getByTestId("missing-module")).toHaveCount(0);

  // an assessed level without a reason is refused; with a reason it is kept beside the computed
  await page.goto(unitUrl);
  await hydrated(page);
  await page.getByTestId("field-level").selectOption("R3");
  await page.getByTestId("assessment-submit").click();
  await expect(page.getByTestId("form-error")).toHaveAttribute("data-code", "validation");
  await expect(page.getByTestId("no-assessment")).toBeVisible();
  await page.getByTestId("assessment-reason").fill("Fuel handlers' recurrent certification lapsed; refresher booked.");
  await page.getByTestId("assessment-submit").click();
  await expect(page.getByTestId("assessed-level")).toHaveText("R3");
  await expect(page.getByTestId("assessed-reason")).toContainText("refresher");
  await expect(page.getByTestId("computed-level")).toBeVisible();
  await expect(page.getByTestId("assessment-history")).toBeVisible();
});
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, axe: false });
  test("the dashboard, a unit and a person's evidence render on the server", async ({ page }) => {
    await page.goto("/login?next=%2Freadiness");
    await page.getByTestId("field-username").fill("commander.pol");
    await page.getByTestId("field-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("readiness-tree")).toBeVisible();
    await page.locator(`[data-unit="${FUEL_COMPANY}"]`).getByRole("link").click();
    await expect(page.getByTestId("people-table")).toBeVisible();
    await page.locator(`a[href^="/readiness/people/${LAPSED}"]`).click();
    await expect(page.getByTestId("expired-module")).toHaveCount(1);
  });
});
