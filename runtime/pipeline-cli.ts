// `npm run pipeline`: the CLI prints its own progress lines, so the structured server log stays
// quiet unless LOG_LEVEL asks for it. Set before any module creates the logger.
process.env.LOG_LEVEL ??= "silent";
await import("./run-pipelines");

export {};
