// `npm run engines`: which Node versions the installed dependencies accept. Every package in
// package-lock.json that is installed here is read from its own package.json (`engines.node`);
// the lowest version all of them accept is the project's true minimum.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import semver from "semver";

/**
 * @param {string} root the project folder
 * @returns {{ name: string, version: string, dev: boolean, range: string | undefined }[]}
 */
export function installedPackages(root) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const found = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where) continue;
    const file = path.join(root, where, "package.json");
    // Optional packages for other platforms (another OS's esbuild, swc, sharp) are not installed.
    if (!fs.existsSync(file)) continue;
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    found.push({
      name: manifest.name,
      version: manifest.version,
      dev: entry.dev === true,
      range: manifest.engines?.node,
    });
  }
  return found;
}

/**
 * The lowest Node version that satisfies every range (each range's own lowest versions are the
 * candidates), or undefined if none does.
 * @param {string[]} ranges
 */
export function lowestAcceptedByAll(ranges) {
  const parsed = ranges.map((r) => new semver.Range(r));
  const candidates = parsed
    .flatMap((range) => range.set.map((set) => semver.minVersion(new semver.Range(set.map((c) => c.value).join(" ")))))
    .filter((v) => v !== null)
    .map((v) => v.version)
    .sort(semver.compare);
  return candidates.find((v) => parsed.every((range) => range.test(v)));
}

/** @param {string} root */
export function nodeFloor(root) {
  const packages = installedPackages(root).filter((p) => p.range !== undefined);
  const invalid = packages.filter((p) => semver.validRange(p.range) === null);
  const valid = packages.filter((p) => semver.validRange(p.range) !== null);
  const floor = (list) => {
    const minimum = lowestAcceptedByAll(list.map((p) => p.range));
    // Who sets it: the packages whose own lowest accepted version it is.
    const setBy = list.filter((p) => minimum && semver.minVersion(p.range)?.version === minimum);
    return { minimum, setBy: setBy.map((p) => `${p.name}@${p.version} (${p.range})`) };
  };
  const refusing = (version) => valid.filter((p) => !semver.satisfies(version, p.range));
  return {
    installed: installedPackages(root).length,
    declaring: packages.length,
    invalid,
    runtime: floor(valid.filter((p) => !p.dev)),
    all: floor(valid),
    refusing,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.cwd();
  const result = nodeFloor(root);
  const declared = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).engines?.node;
  console.log(
    `${result.declaring} of ${result.installed} installed packages declare engines.node (${result.invalid.length} unreadable)`,
  );
  console.log(`runtime dependencies need Node >= ${result.runtime.minimum}: ${result.runtime.setBy.join(", ")}`);
  console.log(`with dev dependencies: Node >= ${result.all.minimum}: ${result.all.setBy.join(", ")}`);
  for (const version of [process.versions.node, "24.0.0"]) {
    const refusing = result.refusing(version).map((p) => `${p.name}@${p.version} (${p.range})`);
    console.log(`Node ${version}: ${refusing.length ? `refused by ${refusing.join(", ")}` : "accepted by all"}`);
  }
  console.log(`package.json declares engines.node ${declared}`);
}
