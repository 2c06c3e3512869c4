import { defineConfig } from "drizzle-kit";

// Generation needs no database; `npm run db:migrate` applies the files with db/migrate.ts,
// which works for both PGlite and Postgres.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
