"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "../ui/card";
import { EtlOptionsDialog } from "./etl-options-dialog";
import { PipelineTriggerRow } from "./pipeline-trigger-row";
import { TrainingOptionsDialog, type TrainingDefaults } from "./training-options-dialog";

export type PipelineName = "etl" | "training" | "predictions";

/** The buttons that start the ETL, training and predictions pipelines and follow each run to its end. */
export function PipelineTriggers({
  pipelines = ["etl", "training", "predictions"],
  trainingDefaults,
}: {
  pipelines?: PipelineName[];
  trainingDefaults: TrainingDefaults;
}) {
  return (
    <Card aria-labelledby="pipelines-title">
      <CardHeader>
        <CardTitle id="pipelines-title" role="heading" aria-level={2}>
          Run a pipeline
        </CardTitle>
        <CardDescription>Each run is followed here until it ends; every run is also on the Runs page.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          {pipelines.includes("etl") ? (
            <PipelineTriggerRow
              title="ETL"
              action="Run ETL"
              description="Results, odds and fixtures into the database."
              request={{ pipeline: "etl", options: {} }}
              options={(t) => <EtlOptionsDialog start={t.start} pending={t.pending} />}
            />
          ) : null}
          {pipelines.includes("training") ? (
            <PipelineTriggerRow
              title="Training"
              action="Run training"
              description="Walk-forward evaluation, a new model version, the promotion gate."
              request={{ pipeline: "training", options: { reason: "started from the dashboard" } }}
              options={(t) => <TrainingOptionsDialog start={t.start} pending={t.pending} defaults={trainingDefaults} />}
            />
          ) : null}
          {pipelines.includes("predictions") ? (
            <PipelineTriggerRow
              title="Predictions"
              action="Run predictions"
              description="The champion's forecasts of every scheduled fixture."
              request={{ pipeline: "predictions", options: { reason: "started from the dashboard" } }}
            />
          ) : null}
        </ul>
      </CardContent>
    </Card>
  );
}
