import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface Instruction {
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
}

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** The stages of a Dockerfile: comments dropped, `\` continuations joined, keywords upper-cased. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text.replace(/\\\r?\n\s*/g, " ").split(/\r?\n/);
  for (const line of logical) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(trimmed)!;
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === "FROM") {
      const [image, as, name] = args.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${keyword} before FROM`);
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

export function readDockerfile(): Stage[] {
  return parseDockerfile(fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
}

export interface CopyStep {
  from?: string;
  chown?: string;
  sources: string[];
  destination: string;
}

/** A COPY instruction's flags, sources and destination (shell form, no spaces in paths). */
export function copyStep(instruction: Instruction): CopyStep {
  const words = instruction.args.split(/\s+/);
  const flags = new Map<string, string>();
  while (words[0]?.startsWith("--")) {
    const [flag, value] = words.shift()!.slice(2).split("=");
    flags.set(flag, value);
  }
  return {
    from: flags.get("from"),
    chown: flags.get("chown"),
    sources: words.slice(0, -1),
    destination: words.at(-1)!,
  };
}

/** ENV's `KEY=value` pairs (unquoted values, as this project writes them). */
export function envPairs(instruction: Instruction): Record<string, string> {
  return Object.fromEntries(instruction.args.split(/\s+/).map((pair) => pair.split(/=(.*)/s).slice(0, 2)));
}

/** The JSON exec form of CMD or HEALTHCHECK's CMD, e.g. ["node", "server.js"]. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf("["));
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((w) => typeof w === "string"))
    throw new Error(`not an exec form: ${args}`);
  return parsed;
}

/** The stage the image runs (the last one), with its instructions grouped by keyword. */
export function runnerStage(stages: Stage[] = readDockerfile()) {
  const stage = stages.at(-1)!;
  const all = (keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
  const last = (keyword: string) => all(keyword).at(-1);
  return {
    stage,
    workdir: last("WORKDIR")!.args,
    env: Object.assign({}, ...all("ENV").map(envPairs)) as Record<string, string>,
    copies: all("COPY").map(copyStep),
    user: last("USER")?.args,
    expose: all("EXPOSE").map((i) => i.args),
    cmd: execForm(last("CMD")!.args),
    healthcheck: last("HEALTHCHECK")?.args,
  };
}
