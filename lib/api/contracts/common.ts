import { z } from "zod";

/** The one error shape (ApiError.toBody()), as documented. */
export const errorBodySchema = z
  .object({
    code: z
      .string()
      .describe("`<type>:<surface>`, e.g. `bad_request:api`, `unauthorized:auth`, `unavailable:pipeline`"),
    message: z.string(),
    issues: z
      .array(
        z.object({
          field: z.string().describe("Dotted path of the field, e.g. `home_team` or `parameters.seasons.0`"),
          message: z.string(),
        }),
      )
      .optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ title: "Error" });

/** A positive integer from a path segment or query value (they arrive as strings). */
export const positiveIntFromString = (what: string) =>
  z.coerce
    .number({ error: `must be ${what}` })
    .int(`must be ${what}`)
    .positive(`must be ${what}`)
    .max(2_147_483_647, `must be ${what}`);

/** A free-text reason recorded with a change (the registry's history keeps it). */
export const reasonSchema = z
  .string()
  .trim()
  .min(1, "must say why (1 to 500 characters)")
  .max(500, "must be at most 500 characters");
