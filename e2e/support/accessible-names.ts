import type { Page } from "@playwright/test";

/**
 * Controls on the page without an accessible name (text, aria-label, aria-labelledby, a label,
 * title or alt), as short HTML snippets. An empty list means every control can be named.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      "button, a[href], input:not([type=hidden]), select, textarea, [role=img], [role=button], [role=group]";
    const textOf = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
        .join(" ")
        .trim();
    const nameOf = (el: Element): string => {
      const aria = el.getAttribute("aria-label")?.trim();
      if (aria) return aria;
      const labelledBy = el.getAttribute("aria-labelledby");
      if (labelledBy && textOf(labelledBy)) return textOf(labelledBy);
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length)
        return [...labels]
          .map((l) => l.textContent?.trim() ?? "")
          .join(" ")
          .trim();
      if (el.tagName !== "INPUT" && el.tagName !== "SELECT" && el.tagName !== "TEXTAREA" && el.textContent?.trim())
        return el.textContent.trim();
      return el.getAttribute("title")?.trim() || el.getAttribute("alt")?.trim() || "";
    };
    return [...document.querySelectorAll(selector)]
      .filter((el) => (el as HTMLElement).offsetParent !== null || el.tagName === "svg")
      .filter((el) => !nameOf(el))
      .map((el) => el.outerHTML.slice(0, 160));
  });
}
