// Authoring in the browser: a training officer creates a curriculum, adds a module with a quiz,
// meets field errors for a bad pass mark and a question without a correct answer, saves, has the
// title translated, then edits the source title and sees the new version and the outdated
// translation. Without JavaScript, the same forms post plainly and show their errors.
import { test, expect, hydrated, signIn, DEMO_PASSWORD } from "./fixtures";
import type { Page } from "@playwright/test";

const UUID = "[0-9a-f-]{36}";

// text that would end its textarea, and an entity that must stay as typed
const BODY = "# Fuel\n\nF-34 is **kerosene** &amp; never </textarea><i>water</i>.";

async function fillModule(page: Page, code: string, passMark: string) {
  await page.getByTestId("field-code").fill(code);
  await page.getByTestId("field-title").fill("Fuel basics");
  await page.getByTestId("field-body").fill(BODY);
  await page.getByTestId("field-estimated_minutes").fill("20");
  await page.getByTestId("field-pass_mark").fill(passMark);
  await page.getByTestId("field-validity_months").fill("12");
  const first = page.getByTestId("quiz-question-editor").first();
  await first.getByTestId("question-prompt").fill("Which NATO class of supply is fuel?");
  await first.getByTestId("choice-text").nth(0).fill("Class I");
  await first.getByTestId("choice-text").nth(1).fill("Class III");
  await first.getByTestId("choice-correct").nth(1).check();
}

test.describe("authoring with JavaScript", () => {
  // the deliberately bad module is answered 422
  test.use({ expectedStatuses: [422] });
  test("an officer creates a curriculum and a module with a quiz, then a source edit outdates a translation", async ({ page }) => {
    await signIn(page, "officer.pol", DEMO_PASSWORD, "/training");
    await page.goto("/training");
    await hydrated(page);
    await page.getByTestId("new-curriculum-link").click();
    await expect(page.getByTestId("curriculum-form")).toBeVisible();
    await hydrated(page);
    await page.getByTestId("field-code").fill("e2e-fuel");
    await page.getByTestId("field-source_locale").selectOption("en");
    await page.getByTestId("field-title").fill("Fuel handling");
    await page.getByTestId("field-description").fill("For fuel handlers.");
    await page.getByTestId("field-self_enrol").check();
    await page.getByTestId("curriculum-save").click();
    await expect(page).toHaveURL(new RegExp(`/training/curricula/${UUID}$`));

    await hydrated(page);
    await page.getByTestId("add-module-link").click();
    await expect(page.getByTestId("module-form")).toBeVisible();
    await hydrated(page);
    await fillModule(page, "e2e-fuel-1", "150");
    // a second question, added in the browser, without a correct answer
    await page.getByTestId("add-question").click();
    const second = page.getByTestId("quiz-question-editor").nth(1);
    await second.getByTestId("question-prompt").fill("Which are fuels?");
    await second.getByTestId("question-multiple").check();
    await second.getByTestId("add-choice").click();
    await expect(second.getByTestId("choice-text")).toHaveCount(5);
    await second.getByTestId("choice-text").nth(0).fill("F-34");
    await second.getByTestId("choice-text").nth(1).fill("F-54");
    await second.getByTestId("choice-text").nth(4).fill("Rations");
    await page.getByTestId("module-save").click();
    await expect(page.getByTestId("error-pass_mark")).toBeVisible();
    await expect(second.getByTestId("error-question")).toHaveAttribute("data-code", "no-correct-choice");
    await expect(page.getByTestId("field-pass_mark")).toHaveAttribute("aria-invalid", "true");

    await page.getByTestId("field-pass_mark").fill("80");
    await second.getByTestId("choice-correct").nth(0).check();
    await second.getByTestId("choice-correct").nth(1).check();
    await page.getByTestId("module-save").click();
    await expect(page).toHaveURL(new RegExp(`/training/modules/${UUID}/edit\\?saved=1$`));
    await expect(page.getByTestId("module-saved")).toHaveAttribute("data-version", "1");
    await expect(page.getByTestId("module-version")).toHaveAttribute("data-version", "1");
    const editorUrl = page.url().replace(/\?.*$/, "");

    // the title is translated into Polish and marked current
    await hydrated(page);
    await page.locator('[data-testid="module-locale"][data-locale="pl"]').getByTestId("translate-locale-link").click();
    await expect(page.getByTestId("translate-form")).toBeVisible();
    await hydrated(page);
    const title = page.locator('[data-testid="translate-field"][data-field="title"]');
    await title.locator("textarea").fill("Podstawy paliw");
    await title.locator("select").selectOption("current");
    await page.getByTestId("translate-submit").click();
    await expect(page.getByTestId("saved")).toBeVisible();

    // a changed source title is a new version, and the Polish title is now outdated
    await page.goto(editorUrl);
    await hydrated(page);
    await expect(page.getByTestId("field-body")).toHaveValue(BODY);
    const pl = page.locator('[data-testid="module-locale"][data-locale="pl"]');
    await expect(pl).toHaveAttribute("data-current", "1");
    await page.getByTestId("field-title").fill("Fuel basics, revised");
    await page.getByTestId("module-save").click();
    await expect(page).toHaveURL(/\?saved=2$/);
    await expect(page.getByTestId("module-version")).toHaveAttribute("data-version", "2");
    await expect(pl).toHaveAttribute("data-outdated", "1");
    await expect(pl).toHaveAttribute("data-current", "0");
    await expect(page.getByTestId("field-body")).toHaveValue(BODY);

    // the module reads as authored
    await page.goto(editorUrl.replace(/\/edit$/, ""));
    await expect(page.getByTestId("quiz-question")).toHaveCount(2);
  });
});

test.describe("authoring without JavaScript", () => {
  test.use({ javaScriptEnabled: false, axe: false });
  test("the curriculum and module forms save through plain posts and show field errors", async ({ page }) => {
    await page.goto("/login?next=/training/curricula/new");
    await page.getByTestId("field-username").fill("officer.deu");
    await page.getByTestId("field-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await expect(page.getByTestId("user-name")).toBeVisible();
    await page.goto("/training/curricula/new");
    await page.getByTestId("field-code").fill("e2e-nojs");
    await page.getByTestId("field-source_locale").selectOption("de");
    await page.getByTestId("field-title").fill("Betriebsstoff");
    await page.getByTestId("curriculum-save").click();
    await expect(page).toHaveURL(new RegExp(`/training/curricula/${UUID}$`));

    await page.getByTestId("add-module-link").click();
    await expect(page.getByTestId("module-form")).toBeVisible();
    await expect(page.getByTestId("add-question")).toHaveCount(0);
    await fillModule(page, "e2e-nojs-1", "101");
    await page.getByTestId("module-save").click();
    await expect(page.getByTestId("error-pass_mark")).toBeVisible();
    // what was typed comes back with the error, so only the wrong field needs typing again
    await expect(page.getByTestId("field-code")).toHaveValue("e2e-nojs-1");
    await expect(page.getByTestId("field-pass_mark")).toHaveValue("101");
    await expect(page.getByTestId("field-body")).toHaveValue(BODY);
    const kept = page.getByTestId("quiz-question-editor").first();
    await expect(kept.getByTestId("question-prompt")).toHaveValue("Which NATO class of supply is fuel?");
    await expect(kept.getByTestId("choice-text").nth(1)).toHaveValue("Class III");
    await expect(kept.getByTestId("choice-correct").nth(1)).toBeChecked();
    await expect(kept.getByTestId("choice-correct").nth(0)).not.toBeChecked();

    await page.getByTestId("field-pass_mark").fill("75");
    await page.getByTestId("module-save").click();
    await expect(page).toHaveURL(new RegExp(`/training/modules/${UUID}/edit\\?saved=1$`));
    await expect(page.getByTestId("module-saved")).toBeVisible();
    await expect(page.getByTestId("quiz-question-editor").first().getByTestId("question-prompt")).toHaveValue(
      "Which NATO class of supply is fuel?",
    );
  });
});
