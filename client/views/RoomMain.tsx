import { lazy, Suspense } from "react";
import type { RoomView } from "../router";
import { ScenarioView } from "../scenario/ScenarioView";
import { ThreatModelView } from "../threats/ThreatModelView";
import { OverviewView } from "./OverviewView";
import { RiskView } from "./RiskView";

// The assessment views load when first opened: co-editing, where a workshop starts, needs none of them.
const FrameworkView = lazy(() =>
  import("../framework/FrameworkView").then((m) => ({ default: m.FrameworkView })),
);
const RoundsView = lazy(() => import("../rounds/RoundsView").then((m) => ({ default: m.RoundsView })));
const RegisterView = lazy(() =>
  import("../register/RegisterView").then((m) => ({ default: m.RegisterView })),
);
const AcceptanceView = lazy(() =>
  import("../acceptance/AcceptanceView").then((m) => ({ default: m.AcceptanceView })),
);
const IncidentsView = lazy(() =>
  import("../incidents/IncidentsView").then((m) => ({ default: m.IncidentsView })),
);
const SnapshotsView = lazy(() =>
  import("../snapshots/SnapshotsView").then((m) => ({ default: m.SnapshotsView })),
);
const SnapshotRoomView = lazy(() =>
  import("../snapshots/SnapshotRoomView").then((m) => ({ default: m.SnapshotRoomView })),
);
const AuditView = lazy(() => import("../audit/AuditView").then((m) => ({ default: m.AuditView })));
const CompareView = lazy(() => import("../snapshots/CompareView").then((m) => ({ default: m.CompareView })));

const loading = <p className="muted pane-inner">Loading…</p>;

/**
 * The room's main pane: the view the path names. A snapshot is the same views over another source:
 * its room wraps them (banner, places, the snapshot's documents read-only) and this one switch
 * chooses the place shown.
 */
export function RoomMain({ view }: { view: RoomView }) {
  return (
    <Suspense fallback={loading}>
      {view.kind === "snapshot" ? (
        <SnapshotRoomView key={view.snapshotId} snapshotId={view.snapshotId} place={view.place}>
          <Suspense fallback={loading}>
            <MainView view={view.place} />
          </Suspense>
        </SnapshotRoomView>
      ) : (
        <MainView view={view} />
      )}
    </Suspense>
  );
}

function MainView({ view }: { view: Exclude<RoomView, { kind: "snapshot" }> }) {
  switch (view.kind) {
    case "overview":
      return <OverviewView />;
    case "threatModel":
      return <ThreatModelView />;
    case "risk":
      return <RiskView key={view.riskId} riskId={view.riskId} />;
    case "scenario":
      return <ScenarioView key={view.scenarioId} scenarioId={view.scenarioId} />;
    case "framework":
      return <FrameworkView />;
    case "rounds":
      return <RoundsView />;
    case "register":
      return <RegisterView />;
    case "acceptance":
      return <AcceptanceView />;
    case "incidents":
      return <IncidentsView />;
    case "snapshots":
      return <SnapshotsView />;
    case "audit":
      return <AuditView />;
    case "compare":
      return <CompareView key={`${view.from}/${view.to}`} from={view.from} to={view.to} />;
  }
}
