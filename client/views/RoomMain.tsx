import { AcceptanceView } from "../acceptance/AcceptanceView";
import { FrameworkView } from "../framework/FrameworkView";
import { RegisterView } from "../register/RegisterView";
import { RoundsView } from "../rounds/RoundsView";
import type { RoomView } from "../router";
import { ScenarioView } from "../scenario/ScenarioView";
import { CompareView } from "../snapshots/CompareView";
import { SnapshotRoomView } from "../snapshots/SnapshotRoomView";
import { SnapshotsView } from "../snapshots/SnapshotsView";
import { ThreatModelView } from "../threats/ThreatModelView";
import { OverviewView } from "./OverviewView";
import { RiskView } from "./RiskView";

/** The room's main pane: the view the path names. */
export function RoomMain({ view }: { view: RoomView }) {
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
    case "snapshots":
      return <SnapshotsView />;
    case "snapshot":
      return <SnapshotRoomView key={view.snapshotId} snapshotId={view.snapshotId} />;
    case "compare":
      return <CompareView key={`${view.from}/${view.to}`} from={view.from} to={view.to} />;
  }
}
