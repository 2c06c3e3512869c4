import { createHash } from "node:crypto";
import type { FeatureRow } from "@/lib/features/build-features";

/**
 * sha256 over the training rows exactly as the model saw them (match id, label, raw feature
 * values), so that two results with the same fingerprint were trained on the same data.
 */
export function fingerprintRows(rows: readonly Pick<FeatureRow, "matchId" | "outcome" | "values">[]): string {
  const hash = createHash("sha256");
  const header = new Float64Array(2);
  for (const row of rows) {
    header[0] = row.matchId;
    header[1] = row.outcome ?? -1;
    hash.update(new Uint8Array(header.buffer));
    hash.update(new Uint8Array(row.values.buffer, row.values.byteOffset, row.values.byteLength));
  }
  return hash.digest("hex");
}
