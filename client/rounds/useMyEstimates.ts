import { useCallback, useEffect, useState } from "react";
import { describeError, myEstimates, type OwnEstimate } from "../api";
import { useRoom } from "../room/RoomContext";

export interface MyEstimates {
  /** scenario id → this expert's estimate in the round; null while loading. */
  byScenario: Record<string, OwnEstimate> | null;
  error: string | null;
  /** Records a fresh submission without another request. */
  put(estimate: OwnEstimate): void;
}

/** Answers of revealed rounds never change: one request per round serves every scenario's "last time". */
const settled = new Map<string, Promise<{ estimates: OwnEstimate[] }>>();

/** This expert's own estimates in a round (the server keeps them; the control document never shows them). */
export function useMyEstimates(roundId: string | undefined, enabled: boolean, frozen = false): MyEstimates {
  const { token, workshopId } = useRoom();
  const [byScenario, setByScenario] = useState<Record<string, OwnEstimate> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setByScenario(null);
    setError(null);
    if (!enabled || roundId === undefined) return;
    let live = true;
    const key = `${workshopId}/${roundId}/${token}`;
    let request = frozen ? settled.get(key) : undefined;
    if (!request) {
      request = myEstimates(token, workshopId, roundId);
      if (frozen) {
        settled.set(key, request);
        request.catch(() => settled.delete(key));
      }
    }
    request.then(
      ({ estimates }) => {
        if (live) setByScenario(Object.fromEntries(estimates.map((e) => [e.scenarioId, e])));
      },
      (err: unknown) => {
        if (live) setError(describeError(err));
      },
    );
    return () => {
      live = false;
    };
  }, [token, workshopId, roundId, enabled, frozen]);

  const put = useCallback(
    (estimate: OwnEstimate) => setByScenario((prev) => ({ ...prev, [estimate.scenarioId]: estimate })),
    [],
  );
  return { byScenario, error, put };
}
