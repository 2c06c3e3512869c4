export type Failed = { error: string };

/** Runs a page's data load; a failure becomes `{ error }` so one section can say so while the rest renders. */
export async function attempt<T>(load: () => Promise<T>): Promise<T | Failed> {
  try {
    return await load();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export const failed = (value: unknown): value is Failed =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  "error" in value &&
  Object.keys(value).length === 1;
