import { customType, timestamp } from "drizzle-orm/pg-core";

// postgres.js returns Buffer and PGlite returns Uint8Array for bytea; both are Uint8Arrays.
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => timestamptz("created_at").notNull().defaultNow();
