import { describe, expect, it } from "vitest";
import { createMatrix, matrixFromRows } from "@/lib/model/classifier";
import { binFeatures } from "@/lib/model/random-forest/bin-features";
import { BIN_STRIDE } from "@/lib/model/random-forest/grow-context";

describe("forest: feature binning", () => {
  it("gives each distinct value its own bin when they fit, however skewed", () => {
    // 1000 rows of 5 then one each of 1 and 2: a quantile cut alone would merge 1 and 2.
    const values = [...Array(1000).fill(5), 1, 2];
    const { bins, binMin, binMax } = binFeatures(matrixFromRows(values.map((v) => [v])), 3);
    expect(bins[1000]).toBe(0);
    expect(bins[1001]).toBe(1);
    expect(bins[0]).toBe(2);
    expect([binMin[0], binMax[0], binMin[1], binMax[1], binMin[2], binMax[2]]).toEqual([1, 1, 2, 2, 5, 5]);
  });

  it("cuts many distinct values into at most maxBins ordered bins of similar size", () => {
    const rows = 10_000;
    const x = createMatrix(
      rows,
      1,
      Float64Array.from({ length: rows }, (_, i) => ((i * 7919) % rows) / 10),
    );
    const { bins, binMin, binMax } = binFeatures(x, 64);
    const counts = new Array(BIN_STRIDE).fill(0);
    for (let r = 0; r < rows; r++) {
      counts[bins[r]]++;
      // A value lies inside its bin's range, and bins are ordered.
      expect(x.data[r] >= binMin[bins[r]] && x.data[r] <= binMax[bins[r]]).toBe(true);
    }
    const used = counts.filter((c) => c > 0);
    expect(used.length).toBeLessThanOrEqual(64);
    expect(used.length).toBeGreaterThan(60);
    expect(Math.max(...used) - Math.min(...used)).toBeLessThanOrEqual(2);
    for (let b = 1; b < used.length; b++) expect(binMin[b]).toBeGreaterThan(binMax[b - 1]);
  });
});
