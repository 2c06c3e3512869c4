export * from "./outcome";
export * from "./ranked-probability-score";
export * from "./log-loss";
export * from "./brier-score";
export * from "./predicted-outcome";
export * from "./calibration";
export * from "./score-forecasts";
