import { seasonLabel } from "@/lib/data/season-code";
import type { ModelMetrics } from "@/lib/registry/model-metrics";

/** "2023/24 to 2025/26" or "2025/26": the seasons a version was evaluated on. */
export function windowLabel(window: ModelMetrics["window"]): string {
  const seasons = window.testSeasons;
  if (seasons.length === 0) return "—";
  return seasons.length === 1
    ? seasonLabel(seasons[0])
    : `${seasonLabel(seasons[0])} to ${seasonLabel(seasons[seasons.length - 1])}`;
}
