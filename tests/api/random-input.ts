import { mulberry32 } from "../helpers/seeded-random";

/** A seeded source of random input, so that a failing fuzz case can be replayed from its seed. */
export function randomSource(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

export type Random = ReturnType<typeof randomSource>;

const STRINGS = [
  "",
  " ",
  "Arsenal",
  "Man Utd",
  "Chelsea",
  "Arsnal",
  "MUN",
  "Spurs",
  "Sheffield Weds",
  "x".repeat(150),
  "ß∂ƒ©˙∆",
  "🙂",
  "null",
  "0",
  "-1",
  "1e309",
  "2026-08-22T14:00:00Z",
  "2026-13-45T99:00:00Z",
  "1900-01-01T00:00:00Z",
  "2026-08-22",
  "2324",
  "23/24",
  "9091",
  "etl",
  "training",
  "predictions",
  "scoring",
  "data_pipeline_flow",
  "prediction_pipeline_flow",
  "deploy",
  "bundled",
  "live",
  "forest",
  "ml-random-forest",
  "sqrt",
  "<script>",
  "'; drop table matches; --",
  "\u0000",
  "__proto__",
  "constructor",
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.0000001,
  0.5,
  2,
  3.4,
  999,
  1000,
  1001,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 1,
  1e-300,
  42,
  10_000,
  10_001,
];

/** A random JSON value, nested up to `depth`, with object keys drawn mostly from `keys`. */
export function randomValue(r: Random, keys: readonly string[], depth = 3): unknown {
  const kind = r.int(depth > 0 ? 7 : 4);
  if (kind === 0) return null;
  if (kind === 1) return r.next() < 0.5;
  if (kind === 2) return r.next() < 0.7 ? r.pick(NUMBERS) : (r.next() - 0.5) * 10 ** r.int(12);
  if (kind === 3)
    return r.next() < 0.8
      ? r.pick(STRINGS)
      : String.fromCharCode(...Array.from({ length: r.int(20) }, () => r.int(0xd7ff)));
  if (kind === 4) return Array.from({ length: r.int(4) }, () => randomValue(r, keys, depth - 1));
  return randomObject(r, keys, depth - 1);
}

export function randomObject(r: Random, keys: readonly string[], depth = 2): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = r.int(6); i > 0; i--)
    out[r.next() < 0.85 ? r.pick(keys) : r.pick(STRINGS)] = randomValue(r, keys, depth);
  return out;
}

/** A request body: mostly a JSON object of plausible keys, sometimes any JSON, sometimes not JSON at all. */
export function randomBody(r: Random, keys: readonly string[]): string {
  const roll = r.next();
  if (roll < 0.7) return JSON.stringify(randomObject(r, keys));
  if (roll < 0.85) return JSON.stringify(randomValue(r, keys));
  const text = JSON.stringify(randomObject(r, keys));
  return r.next() < 0.5
    ? text.slice(0, r.int(text.length))
    : r.pick(["", "{", "}", "[", "nul", "{'a':1}", "\u00ff\u00fe", '{"a":1}}']);
}

/** A random query string of plausible and random parameters. */
export function randomQuery(r: Random, keys: readonly string[]): string {
  const params = new URLSearchParams();
  for (let i = r.int(5); i > 0; i--)
    params.append(r.next() < 0.8 ? r.pick(keys) : r.pick(STRINGS), String(randomValue(r, keys, 0)));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** A valid body with one random change: a key dropped, a value replaced, or a key added. */
export function mutatedBody(r: Random, valid: Record<string, unknown>, keys: readonly string[]): string {
  const body: Record<string, unknown> = structuredClone(valid);
  const names = Object.keys(body);
  const roll = r.next();
  if (roll < 0.25 && names.length) delete body[r.pick(names)];
  else if (roll < 0.8 && names.length) body[r.pick(names)] = randomValue(r, keys, 2);
  else if (roll < 0.9) body[r.pick(keys)] = randomValue(r, keys, 1);
  return JSON.stringify(body);
}
