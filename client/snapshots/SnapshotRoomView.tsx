import { type ReactNode, useEffect, useMemo, useRef } from "react";
import { HistoryScopeContext } from "../charts/historyScope";
import { Link } from "../components/Link";
import { EditableContext } from "../fields/editable";
import { formatDateTime } from "../format";
import { RoomContext, type RoomValue, useRoom } from "../room/RoomContext";
import { navigate, type RoomPlace, roomPath } from "../router";
import { DownloadMenu } from "./DownloadMenu";
import { SnapshotPlaceNav } from "./SnapshotPlaceNav";
import { placeKey } from "./snapshotNav";
import type { SnapshotSource } from "./snapshotSource";
import { useSnapshotRoom } from "./useSnapshotRoom";

/**
 * The whole room as it was when the snapshot was taken, read-only: the room's own views (passed in
 * as `children` by the room's view switch) over the snapshot's documents, with a banner and a
 * picker of places. Links inside are built from the snapshot's base, so they stay in it.
 */
export function SnapshotRoomView({
  snapshotId,
  place,
  children,
}: {
  snapshotId: string;
  place: RoomPlace;
  children: ReactNode;
}) {
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
  return (
    <FrozenRoom source={state.source} place={place}>
      {children}
    </FrozenRoom>
  );
}

function FrozenRoom({
  source,
  place,
  children,
}: {
  source: SnapshotSource;
  place: RoomPlace;
  children: ReactNode;
}) {
  const live = useRoom();
  const frame = useRef<HTMLElement>(null);
  const opened = useRef(false);
  const { blob } = source;
  const at = placeKey(place);
  useEffect(() => {
    void at;
    const el = frame.current;
    if (!el) return;
    // A new place starts at its top, as a page of the live room does.
    el.closest("main")?.scrollTo({ top: 0 });
    // A link inside the frame that moved us is gone with the old place: the keyboard needs a new
    // home. Focus left on the place picker (or anywhere else outside) stays where it is.
    const active = document.activeElement;
    if (opened.current && (!active || active === document.body || el.contains(active)))
      el.focus({ preventScroll: true });
    opened.current = true;
  }, [at]);
  const value = useMemo<RoomValue>(
    () => ({
      ...live,
      doc: source.doc,
      controlDoc: source.controlDoc,
      history: source.history,
      awareness: source.awareness,
      isFromServer: source.isFromServer,
      base: { workshopId: live.workshopId, snapshotId: source.blob.id },
      // Seen as an observer sees the room: no estimate form, dissent or facilitator control.
      self: { ...live.self, role: "observer" },
      canEdit: false,
      canFacilitate: false,
    }),
    [live, source],
  );

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
      <SnapshotPlaceNav doc={source.doc} place={place} onPlace={(p) => navigate(roomPath(value.base, p))} />
      <RoomContext.Provider value={value}>
        <EditableContext.Provider value={false}>
          <HistoryScopeContext.Provider value={blob.id}>
            <section
              className="snapshot-frame"
              ref={frame}
              tabIndex={-1}
              aria-label={`Snapshot “${blob.label}”`}
            >
              {children}
            </section>
          </HistoryScopeContext.Provider>
        </EditableContext.Provider>
      </RoomContext.Provider>
    </div>
  );
}
