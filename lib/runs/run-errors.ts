/** A thrown or serialised error as the text stored in `error` columns: `Name: message`. */
export function errorText(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { name?: unknown; message?: unknown };
    const message = typeof e.message === "string" ? e.message : JSON.stringify(error);
    const name = typeof e.name === "string" && e.name !== "" ? e.name : "Error";
    return `${name}: ${message}`;
  }
  return `Error: ${String(error)}`;
}
