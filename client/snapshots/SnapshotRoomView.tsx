import { type MouseEvent, useEffect, useMemo, useRef, useState } from "react";
import { AcceptanceView } from "../acceptance/AcceptanceView";
import { HistoryScopeContext } from "../charts/historyScope";
import { Link } from "../components/Link";
import { EditableContext } from "../fields/editable";
import { formatDateTime } from "../format";
import { FrameworkView } from "../framework/FrameworkView";
import { RegisterView } from "../register/RegisterView";
import { RoomContext, type RoomValue, useRoom } from "../room/RoomContext";
import { RoundsView } from "../rounds/RoundsView";
import { roomPath } from "../router";
import { ScenarioView } from "../scenario/ScenarioView";
import { ThreatModelView } from "../threats/ThreatModelView";
import { OverviewView } from "../views/OverviewView";
import { RiskView } from "../views/RiskView";
import { DownloadMenu } from "./DownloadMenu";
import { SnapshotPlaceNav } from "./SnapshotPlaceNav";
import { placeForHref, type SnapshotPlace } from "./snapshotNav";
import { type SnapshotRoom, useSnapshotRoom } from "./useSnapshotRoom";

/** The whole room as it was when the snapshot was taken, read-only, with its own navigation. */
export function SnapshotRoomView({ snapshotId }: { snapshotId: string }) {
  const { token, workshopId } = useRoom();
  const state = useSnapshotRoom(token, workshopId, snapshotId);
  const back = (
    <Link href={roomPath(workshopId, { kind: "snapshots" })}>Back to Snapshots &amp; history</Link>
  );
  if (state.status === "loading")
    return (
      <div className="pane-inner">
        <p className="muted" role="status">
          Loading the snapshot…
        </p>
      </div>
    );
  if (state.status !== "ready")
    return (
      <div className="pane-inner">
        <section className="panel notice notice-error snapshot-error" role="alert">
          <h2 className="view-title">
            {state.status === "corrupt"
              ? "This snapshot failed its integrity check and is not shown"
              : state.status === "missing"
                ? "There is no such snapshot"
                : "The snapshot could not be loaded"}
          </h2>
          {state.status === "corrupt" && (
            <p>
              Its stored file no longer matches the SHA-256 recorded when it was taken, so Riskroom will not
              show it. The other snapshots are not affected. ({state.message})
            </p>
          )}
          {state.status === "error" && <p>{state.message}</p>}
          <p>{back}</p>
        </section>
      </div>
    );
  return <FrozenRoom room={state.room} />;
}

function FrozenRoom({ room }: { room: SnapshotRoom }) {
  const live = useRoom();
  const [place, setPlace] = useState<SnapshotPlace>({ kind: "overview" });
  const frame = useRef<HTMLElement>(null);
  // Set when a link inside the frame moved us: that link is gone, so the keyboard needs a new home.
  const focusFrame = useRef(false);
  const { blob } = room;
  useEffect(() => {
    void place;
    const el = frame.current;
    if (!el) return;
    // A new place starts at its top, as a page of the live room does.
    el.closest("main")?.scrollTo({ top: 0 });
    if (focusFrame.current) el.focus({ preventScroll: true });
    focusFrame.current = false;
  }, [place]);
  const value = useMemo<RoomValue>(
    () => ({
      ...live,
      doc: room.content,
      controlDoc: room.control,
      provider: room.provider,
      history: room.history,
      // Seen as an observer sees the room: no estimate form, dissent or facilitator control.
      self: { ...live.self, role: "observer" },
      canEdit: false,
      canFacilitate: false,
    }),
    [live, room],
  );
  // Links inside the embedded views point at the live room: ones to a place the snapshot has stay here.
  const keepInside = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
    const href = anchor?.getAttribute("href");
    const target = href ? placeForHref(href, live.workshopId) : null;
    if (!target) return;
    event.preventDefault();
    event.stopPropagation();
    focusFrame.current = true;
    setPlace(target);
  };

  return (
    <div className="snapshot-room">
      <div className="snapshot-banner" role="note" aria-label="Snapshot, read-only">
        <p>
          <strong>Snapshot “{blob.label}”</strong>, taken{" "}
          <time dateTime={blob.takenAt}>{formatDateTime(blob.takenAt)}</time> by {blob.takenBy} —{" "}
          <span className="nowrap">read-only</span>
        </p>
        <div className="snapshot-banner-actions">
          <DownloadMenu snapshotId={blob.id} what={`“${blob.label}”`} />
          <Link className="small-button" href={roomPath(live.workshopId, { kind: "overview" })}>
            Back to the live room
          </Link>
        </div>
      </div>
      <SnapshotPlaceNav doc={room.content} place={place} onPlace={setPlace} />
      <RoomContext.Provider value={value}>
        <EditableContext.Provider value={false}>
          <HistoryScopeContext.Provider value={blob.id}>
            <section
              className="snapshot-frame"
              ref={frame}
              tabIndex={-1}
              aria-label={`Snapshot “${blob.label}”`}
              onClickCapture={keepInside}
            >
              <PlaceView place={place} />
            </section>
          </HistoryScopeContext.Provider>
        </EditableContext.Provider>
      </RoomContext.Provider>
    </div>
  );
}

function PlaceView({ place }: { place: SnapshotPlace }) {
  switch (place.kind) {
    case "overview":
      return <OverviewView />;
    case "threatModel":
      return <ThreatModelView />;
    case "register":
      return <RegisterView />;
    case "framework":
      return <FrameworkView />;
    case "rounds":
      return <RoundsView />;
    case "acceptance":
      return <AcceptanceView />;
    case "risk":
      return <RiskView key={place.riskId} riskId={place.riskId} />;
    case "scenario":
      return <ScenarioView key={place.scenarioId} scenarioId={place.scenarioId} />;
  }
}
