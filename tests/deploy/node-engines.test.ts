import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lowestAcceptedByAll, nodeFloor } from "./node-engines.mjs";
import { ROOT } from "./dockerfile";

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };

describe("supported Node versions", () => {
  const floor = nodeFloor(ROOT);

  it("finds the lowest version a set of ranges all accept", () => {
    expect(lowestAcceptedByAll([">=18", "^20.19.0 || >=22.12.0", ">=22.14.0"])).toBe("22.14.0");
    expect(lowestAcceptedByAll(["^20.19.0 || >=22.12.0", "^18.18.0 || ^20.9.0 || >=21.1.0"])).toBe("20.19.0");
    expect(lowestAcceptedByAll(["^18", ">=20"])).toBeUndefined();
  });

  it("declares in package.json exactly the floor the installed dependencies set", () => {
    expect(floor.invalid).toEqual([]);
    // ">=22.14" for a floor of 22.14.0.
    expect(manifest.engines.node).toBe(`>=${floor.all.minimum!.replace(/\.0$/, "")}`);
  });

  it("has every dependency accept the Node of .nvmrc (what CI also runs)", () => {
    const major = fs.readFileSync(path.join(ROOT, ".nvmrc"), "utf8").trim();
    expect(floor.refusing(`${major}.0.0`)).toEqual([]);
  });
});
