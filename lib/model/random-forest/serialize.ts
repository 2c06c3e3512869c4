import os from "node:os";
import type { OutOfBagScore } from "../classifier";
import type { ForestModel } from "./forest-model";
import type { ForestParams } from "./params";

const MAGIC = "PLRF";
const VERSION = 1;

export interface ForestArtifact {
  params: ForestParams;
  model: ForestModel;
  outOfBag: OutOfBagScore | null;
}

interface Header {
  params: ForestParams;
  outOfBag: OutOfBagScore | null;
  nFeatures: number;
  nClasses: number;
  nTrees: number;
  nNodes: number;
  nLeaves: number;
}

type Section = Int32Array | Int16Array | Float64Array | Float32Array;

const align8 = (n: number) => (n + 7) & ~7;

/**
 * Binary layout, little-endian: "PLRF", u16 version, u16 0, u32 header length, the header as
 * JSON (params, counts, out-of-bag score), then 8-byte-aligned typed-array sections: treeStart
 * (i32), feature (i16), left (i32), threshold (f64), leafValues (f32), importances (f64).
 */
export function encodeForest({ params, model, outOfBag }: ForestArtifact): Uint8Array {
  assertLittleEndian();
  const header: Header = {
    params,
    outOfBag,
    nFeatures: model.nFeatures,
    nClasses: model.nClasses,
    nTrees: model.nTrees,
    nNodes: model.feature.length,
    nLeaves: model.leafValues.length / model.nClasses,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const sections: Section[] = [
    model.treeStart,
    model.feature,
    model.left,
    model.threshold,
    model.leafValues,
    model.importances,
  ];
  let size = align8(12 + json.length);
  for (const s of sections) size = align8(size + s.byteLength);
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint16(4, VERSION, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  let offset = align8(12 + json.length);
  for (const s of sections) {
    bytes.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), offset);
    offset = align8(offset + s.byteLength);
  }
  return bytes;
}

/** Reads an artifact of `encodeForest`; throws a clear error for anything else or a damaged one. */
export function decodeForest(bytes: Uint8Array): ForestArtifact {
  assertLittleEndian();
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (bytes.length < 12 || magic !== MAGIC) throw new Error("not a forest artifact (missing PLRF magic)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== VERSION)
    throw new Error(`forest artifact version ${version} is not supported (this build reads ${VERSION})`);
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > bytes.length) throw new Error("forest artifact is truncated (header)");
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + jsonLength))) as Header;
  const { nFeatures, nClasses, nTrees, nNodes, nLeaves } = header;

  let offset = align8(12 + jsonLength);
  const take = <T extends Section>(Kind: { new (n: number): T; BYTES_PER_ELEMENT: number }, length: number): T => {
    const byteLength = length * Kind.BYTES_PER_ELEMENT;
    if (offset + byteLength > bytes.length) throw new Error("forest artifact is truncated (arrays)");
    // Copy into a fresh, aligned buffer: the input may sit at any offset (e.g. a bytea value).
    const out = new Kind(length);
    new Uint8Array(out.buffer).set(bytes.subarray(offset, offset + byteLength));
    offset = align8(offset + byteLength);
    return out;
  };
  const model: ForestModel = {
    nFeatures,
    nClasses,
    nTrees,
    treeStart: take(Int32Array, nTrees + 1),
    feature: take(Int16Array, nNodes),
    left: take(Int32Array, nNodes),
    threshold: take(Float64Array, nNodes),
    leafValues: take(Float32Array, nLeaves * nClasses),
    importances: take(Float64Array, nFeatures),
  };
  if (offset !== bytes.length)
    throw new Error(`forest artifact has ${bytes.length - offset} unexpected trailing bytes`);
  checkStructure(model, nLeaves);
  return { params: header.params, model, outOfBag: header.outOfBag };
}

// Children always come after their parent inside the same tree, so a valid artifact cannot make
// prediction loop or read out of bounds.
function checkStructure(m: ForestModel, nLeaves: number): void {
  if (m.treeStart[0] !== 0 || m.treeStart[m.nTrees] !== m.feature.length)
    throw new Error("forest artifact is damaged (tree offsets)");
  for (let t = 0; t < m.nTrees; t++) {
    const end = m.treeStart[t + 1];
    if (end <= m.treeStart[t]) throw new Error(`forest artifact is damaged (tree ${t} is empty)`);
    for (let i = m.treeStart[t]; i < end; i++) {
      const f = m.feature[i];
      const ok =
        f === -1
          ? m.left[i] >= 0 && m.left[i] < nLeaves
          : f >= 0 && f < m.nFeatures && m.left[i] > i && m.left[i] + 1 < end;
      if (!ok) throw new Error(`forest artifact is damaged (tree ${t}, node ${i - m.treeStart[t]})`);
    }
  }
}

function assertLittleEndian(): void {
  if (os.endianness() !== "LE") throw new Error("forest artifacts are little-endian; this machine is big-endian");
}
