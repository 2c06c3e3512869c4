# scikit-learn's RandomForestClassifier on a forest-bench dataset, for `npm run bench -- forest`.
# Usage: forest-sklearn.py <dir> <label> <n_jobs> <params json> <seeds, comma-separated>
# Reads <dir>/data.csv (features..., label) and <dir>/meta.json; writes the test rows'
# probabilities of each seed to <dir>/<label>-<seed>.f64; prints one JSON line of figures
# (timings and memory of the first seed). Log loss is computed by the TypeScript side.
import json
import resource
import sys
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier

directory, label, n_jobs, params, seeds = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5]
meta = json.load(open(f"{directory}/meta.json"))
data = np.loadtxt(f"{directory}/data.csv", delimiter=",")
x, y = data[:, :-1], data[:, -1].astype(int)
n = meta["trainRows"]


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


rss_before = rss_mb()
result = None
for seed in [int(s) for s in seeds.split(",")]:
    model = RandomForestClassifier(random_state=seed, n_jobs=n_jobs, **params)
    started = time.perf_counter()
    model.fit(x[:n], y[:n])
    fit_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    proba = model.predict_proba(x[n:])
    predict_ms = (time.perf_counter() - started) * 1000
    full = np.zeros((len(proba), meta["classes"]))
    full[:, model.classes_] = proba
    full.astype("<f8").tofile(f"{directory}/{label}-{seed}.f64")
    if result is not None:
        continue
    times = []
    for _ in range(50):
        started = time.perf_counter()
        model.predict_proba(x[n : n + 1])
        times.append(time.perf_counter() - started)
    result = {
        "fitMs": fit_ms,
        "predictMs": predict_ms,
        "rssBeforeMb": rss_before,
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "oneRowUs": sorted(times)[len(times) // 2] * 1e6,
    }
print(json.dumps(result))
