import type { RoomView } from "../router";
import { ScenarioView } from "../scenario/ScenarioView";
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
  }
}
