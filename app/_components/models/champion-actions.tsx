"use client";

import { useState } from "react";
import { changeChampion, type ChampionChange } from "@/app/_actions/change-champion";
import { RunFollower } from "../pipelines/run-follower";
import { ChampionChangeDialog } from "./champion-change-dialog";

interface Props {
  version: number;
  isChampion: boolean;
  /** The version a rollback would restore, when this one is champion and replaced another. */
  rollbackTo: number | null;
}

/** Promote this version, or roll the champion back, each after a confirmation with an optional reason. */
export function ChampionActions({ version, isChampion, rollbackTo }: Props) {
  const [predictionsRun, setPredictionsRun] = useState<string | null>(null);

  async function change(request: ChampionChange): Promise<string | null> {
    const result = await changeChampion(request);
    if (!result.ok) return result.error;
    setPredictionsRun(result.data.predictionsRunId);
    return null;
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!isChampion ? (
          <ChampionChangeDialog
            triggerLabel={`Promote v${version} to champion`}
            title={`Make v${version} the champion?`}
            confirmLabel="Promote"
            onConfirm={(reason) => change({ action: "promote", version, reason })}
          />
        ) : null}
        {isChampion && rollbackTo !== null ? (
          <ChampionChangeDialog
            triggerLabel={`Roll back to v${rollbackTo}`}
            title={`Roll back to v${rollbackTo}?`}
            confirmLabel="Roll back"
            variant="outline"
            onConfirm={(reason) => change({ action: "rollback", reason })}
          />
        ) : null}
      </div>
      {predictionsRun ? (
        <div className="space-y-1 text-sm">
          <p role="status">Champion changed. Predictions for the upcoming fixtures:</p>
          <RunFollower key={predictionsRun} runId={predictionsRun} alreadyActive={false} />
        </div>
      ) : null}
    </div>
  );
}
