import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Dependencies point one way: app/, inngest/ and runtime/ call lib/; lib/ and db/ never import
    // them or Next.js (runtime/ holds the wiring that needs both sides).
    files: ["lib/**", "db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/inngest", "@/inngest/*", "@/app", "@/app/*", "@/runtime", "@/runtime/*"],
              message: "lib/ and db/ sit below inngest/, app/ and runtime/: move the wiring to runtime/",
            },
            { group: ["next", "next/*"], message: "lib/ and db/ do not depend on Next.js" },
          ],
        },
      ],
    },
  },
];

export default config;
