import { useRef } from "react";
import { SPECIFIED_RISK_IDS } from "../../shared/content/schema";
import { EmptyState } from "../fields/EmptyState";
import { useRisks } from "../hooks/useContent";
import { useFramework, useLock, useUnlocks } from "../hooks/useEstimation";
import { useRoom } from "../room/RoomContext";
import { FrameworkEditor } from "./editor/FrameworkEditor";
import { LaddersView } from "./LaddersView";
import { LockBanner } from "./LockBanner";
import { MatrixGrid } from "./MatrixGrid";
import { ladderRisks } from "./riskRefs";
import { ScalesView } from "./ScalesView";
import { UnlockHistory } from "./UnlockHistory";

/**
 * The acceptance framework (Code of Practice Measures 3.4 and 4.1): its lock, its unlock history,
 * and the framework itself, editable by the facilitator while it is unlocked, read-only otherwise.
 */
export function FrameworkView() {
  const { controlDoc, doc, canFacilitate } = useRoom();
  const framework = useFramework(controlDoc);
  const lock = useLock(controlDoc);
  const unlocks = useUnlocks(controlDoc);
  const risks = ladderRisks(useRisks(doc), framework ? Object.keys(framework.ladders) : []);
  // Locking or unlocking swaps the editor for the read-only view (or back) under the pressed button:
  // the banner takes focus and scrolls into view so the facilitator sees, and hears, the new state.
  const bannerRef = useRef<HTMLElement>(null);
  const showBanner = () => bannerRef.current?.focus();
  const specified = new Set<string>(SPECIFIED_RISK_IDS);
  // Specified risks first: their ladders are the ones the lock requires.
  const ordered = [...risks.filter((r) => specified.has(r.id)), ...risks.filter((r) => !specified.has(r.id))];

  return (
    <div className="pane-inner fw-view">
      <header className="view-header">
        <p className="eyebrow">Acceptance criteria · Measures 3.4 and 4.1</p>
        <h2 className="view-title">Framework</h2>
        <p className="muted small">
          The risk matrix and per-risk tier ladders every estimate is judged against, defined and locked
          before estimation begins.
        </p>
      </header>
      <LockBanner ref={bannerRef} lock={lock} canFacilitate={canFacilitate} onUnlocked={showBanner} />
      <UnlockHistory unlocks={unlocks} />
      {framework === null ? (
        <EmptyState title="No framework yet.">
          The framework appears here once the workshop's control document has loaded.
        </EmptyState>
      ) : canFacilitate && lock === null ? (
        <FrameworkEditor saved={framework} risks={ordered} onLocked={showBanner} />
      ) : (
        <>
          <section className="panel" aria-labelledby="fw-matrix-h">
            <h3 id="fw-matrix-h">Risk matrix</h3>
            <MatrixGrid framework={framework} />
          </section>
          <ScalesView framework={framework} />
          <LaddersView framework={framework} risks={ordered} />
        </>
      )}
    </div>
  );
}
