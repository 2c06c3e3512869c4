import type { GrowContext, GrownTree } from "./grow-context";

/**
 * Grows one CART tree (Gini impurity) on the pre-binned matrix of `ctx`.
 *
 * This function is SELF-CONTAINED on purpose: no imports, no reference to anything outside its
 * own body. Its source text becomes the worker thread's code (`new Worker(src, { eval: true })`),
 * which survives bundling by Turbopack, tsx and Vitest where a separate worker file would not.
 * Keep it that way: plain loops over typed arrays, no helpers from module scope.
 *
 * The tree depends only on `ctx` and `seed`, never on the thread that grows it.
 * Split search is linear per node: a class histogram over the feature's bins for large nodes,
 * where a split "bin <= b" gets the threshold halfway between the largest training value of bin b
 * and the smallest of the next non-empty bin; an insertion sort of the raw values for small
 * nodes, which splits halfway between adjacent distinct values (scikit-learn's rule), so deep
 * nodes are not limited to bin edges. Rows are partitioned by `value <= threshold` either way,
 * the same test prediction uses.
 */
export function growTree(ctx: GrowContext, treeIndex: number, seed: number): GrownTree {
  const STRIDE = 256;
  const SMALL = 48;
  const { nRows, nFeatures, nClasses: K, values, bins, labels, binMin, binMax } = ctx;
  const { maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease, maxFeatures } = ctx;

  // mulberry32: small, fast, and good enough for sampling rows and features.
  let state = seed >>> 0;
  const randomBelow = (n: number): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };

  // Bootstrap as integer weights (how often each row was drawn), like scikit-learn.
  const weight = new Int32Array(nRows);
  if (ctx.bootstrap) for (let i = 0; i < nRows; i++) weight[randomBelow(nRows)]++;
  else weight.fill(1);
  let nIn = 0;
  for (let r = 0; r < nRows; r++) if (weight[r] > 0) nIn++;
  const idx = new Int32Array(nIn);
  const outOfBag = new Int32Array(nRows - nIn);
  for (let r = 0, a = 0, b = 0; r < nRows; r++) {
    if (weight[r] > 0) idx[a++] = r;
    else outOfBag[b++] = r;
  }
  let totalWeight = 0;
  for (let r = 0; r < nRows; r++) totalWeight += weight[r];

  let capacity = 64;
  let feature = new Int16Array(capacity);
  let threshold = new Float64Array(capacity);
  let left = new Int32Array(capacity);
  let leafValues = new Float32Array(capacity * K);
  let nNodes = 1;
  let nLeaves = 0;
  const importance = new Float64Array(nFeatures);

  // Pending nodes: start, end, depth, node id.
  const stack = new Int32Array(4 * (nIn + 2));
  let top = 0;
  stack[top++] = 0;
  stack[top++] = nIn;
  stack[top++] = 0;
  stack[top++] = 0;

  const features = new Int32Array(nFeatures);
  for (let f = 0; f < nFeatures; f++) features[f] = f;
  const hist = new Float64Array(STRIDE * K);
  const histCount = new Int32Array(STRIDE);
  const sortedValues = new Float64Array(SMALL);
  const order = new Int32Array(SMALL);
  const total = new Float64Array(K);
  const acc = new Float64Array(K);
  const bestLeft = new Float64Array(K);

  // The best split of the node being grown, and the two steps every candidate split takes. Inner
  // functions, because this whole function's source is the worker's code (no module scope).
  let bestProxy = -Infinity;
  let bestFeature = -1;
  let bestThreshold = 0;
  let bestWeightLeft = 0;
  /** Gini proxy of the split with class weights `acc` on the left: higher means purer sides. */
  const splitProxy = (wLeft: number, w: number) => {
    let sl = 0;
    let sr = 0;
    for (let k = 0; k < K; k++) {
      const rk = total[k] - acc[k];
      sl += acc[k] * acc[k];
      sr += rk * rk;
    }
    return sl / wLeft + sr / (w - wLeft);
  };
  /** Keeps the split halfway between two adjacent values if it beats the best so far. */
  const consider = (proxy: number, f: number, low: number, high: number, wLeft: number) => {
    if (proxy <= bestProxy) return;
    const cut = low + (high - low) / 2;
    bestProxy = proxy;
    bestFeature = f;
    bestThreshold = cut >= low && cut < high ? cut : low;
    bestWeightLeft = wLeft;
    for (let k = 0; k < K; k++) bestLeft[k] = acc[k];
  };

  while (top > 0) {
    const node = stack[--top];
    const depth = stack[--top];
    const end = stack[--top];
    const start = stack[--top];
    const n = end - start;

    total.fill(0);
    for (let i = start; i < end; i++) total[labels[idx[i]]] += weight[idx[i]];
    let w = 0;
    let sumSq = 0;
    for (let k = 0; k < K; k++) {
      w += total[k];
      sumSq += total[k] * total[k];
    }
    const impurity = 1 - sumSq / (w * w);

    bestProxy = -Infinity;
    bestFeature = -1;
    bestThreshold = 0;
    bestWeightLeft = 0;
    const splittable = depth < maxDepth && n >= minSamplesSplit && n >= 2 * minSamplesLeaf && impurity > 1e-12;

    // Features drawn at random without replacement until maxFeatures were drawn, or past that
    // until one is not constant in this node (scikit-learn's rule).
    let nonConstant = 0;
    for (let j = 0; splittable && j < nFeatures && (j < maxFeatures || nonConstant === 0); j++) {
      const pick = j + randomBelow(nFeatures - j);
      const f = features[pick];
      features[pick] = features[j];
      features[j] = f;
      const off = f * nRows;

      if (n >= SMALL) {
        let lo = STRIDE;
        let hi = -1;
        for (let i = start; i < end; i++) {
          const r = idx[i];
          const b = bins[off + r];
          hist[b * K + labels[r]] += weight[r];
          histCount[b]++;
          if (b < lo) lo = b;
          if (b > hi) hi = b;
        }
        if (lo !== hi) nonConstant++;
        acc.fill(0);
        let nLeft = 0;
        let wLeft = 0;
        let prev = -1;
        for (let b = lo; b <= hi && lo !== hi; b++) {
          const c = histCount[b];
          if (c === 0) continue;
          if (prev >= 0 && nLeft >= minSamplesLeaf) {
            if (n - nLeft < minSamplesLeaf) break;
            consider(splitProxy(wLeft, w), f, binMax[f * STRIDE + prev], binMin[f * STRIDE + b], wLeft);
          }
          for (let k = 0; k < K; k++) {
            acc[k] += hist[b * K + k];
            wLeft += hist[b * K + k];
          }
          nLeft += c;
          prev = b;
        }
        for (let b = lo; b <= hi; b++) histCount[b] = 0;
        hist.fill(0, lo * K, (hi + 1) * K);
      } else {
        // Small node: insertion-sort the raw values (with their positions), then scan them.
        for (let i = 0; i < n; i++) {
          const v = values[off + idx[start + i]];
          let j2 = i - 1;
          while (j2 >= 0 && sortedValues[j2] > v) {
            sortedValues[j2 + 1] = sortedValues[j2];
            order[j2 + 1] = order[j2];
            j2--;
          }
          sortedValues[j2 + 1] = v;
          order[j2 + 1] = i;
        }
        if (sortedValues[0] === sortedValues[n - 1]) continue;
        nonConstant++;
        acc.fill(0);
        let wLeft = 0;
        for (let i = 0; i < n; i++) {
          if (i > 0 && i >= minSamplesLeaf && sortedValues[i] !== sortedValues[i - 1]) {
            if (n - i < minSamplesLeaf) break;
            consider(splitProxy(wLeft, w), f, sortedValues[i - 1], sortedValues[i], wLeft);
          }
          const r = idx[start + order[i]];
          acc[labels[r]] += weight[r];
          wLeft += weight[r];
        }
      }
    }

    let isLeaf = bestFeature < 0;
    let decrease = 0;
    if (!isLeaf) {
      const wl = bestWeightLeft;
      const wr = w - wl;
      let sl = 0;
      let sr = 0;
      for (let k = 0; k < K; k++) {
        const rk = total[k] - bestLeft[k];
        sl += bestLeft[k] * bestLeft[k];
        sr += rk * rk;
      }
      const impurityLeft = 1 - sl / (wl * wl);
      const impurityRight = 1 - sr / (wr * wr);
      decrease = w * impurity - wl * impurityLeft - wr * impurityRight;
      // scikit-learn's rule: the weighted decrease, as a share of all training weight.
      if (decrease / totalWeight + 1e-12 < minImpurityDecrease) isLeaf = true;
    }

    if (isLeaf) {
      if ((nLeaves + 1) * K > leafValues.length) {
        const grown = new Float32Array(leafValues.length * 2);
        grown.set(leafValues);
        leafValues = grown;
      }
      for (let k = 0; k < K; k++) leafValues[nLeaves * K + k] = total[k] / w;
      feature[node] = -1;
      left[node] = nLeaves++;
      continue;
    }

    importance[bestFeature] += decrease;
    const off = bestFeature * nRows;
    let i = start;
    let j = end;
    while (i < j) {
      if (values[off + idx[i]] <= bestThreshold) i++;
      else {
        j--;
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
      }
    }

    if (nNodes + 2 > capacity) {
      capacity *= 2;
      const f2 = new Int16Array(capacity);
      f2.set(feature);
      feature = f2;
      const t2 = new Float64Array(capacity);
      t2.set(threshold);
      threshold = t2;
      const l2 = new Int32Array(capacity);
      l2.set(left);
      left = l2;
    }
    feature[node] = bestFeature;
    threshold[node] = bestThreshold;
    left[node] = nNodes;
    // Right child pushed first so the left one is grown first.
    stack[top++] = i;
    stack[top++] = end;
    stack[top++] = depth + 1;
    stack[top++] = nNodes + 1;
    stack[top++] = start;
    stack[top++] = i;
    stack[top++] = depth + 1;
    stack[top++] = nNodes;
    nNodes += 2;
  }

  return {
    treeIndex,
    feature: feature.slice(0, nNodes),
    threshold: threshold.slice(0, nNodes),
    left: left.slice(0, nNodes),
    leafValues: leafValues.slice(0, nLeaves * K),
    importance,
    outOfBag,
  };
}
