import { useEffect, useMemo, useRef, useState } from "react";
import type { PresenceUser } from "../../shared/presence";
import { canFacilitate, canWriteContent } from "../../shared/roles";
import { Layout } from "../components/Layout";
import { Link } from "../components/Link";
import { FocusNoteBanner } from "../facilitation/FocusNoteBanner";
import { SharedTimer } from "../facilitation/SharedTimer";
import { useFocusFollow } from "../facilitation/useFocusFollow";
import { EditableContext } from "../fields/editable";
import { useConnectionState } from "../hooks/useConnectionState";
import { useContentReady } from "../hooks/useContentReady";
import { useParticipants } from "../hooks/useParticipants";
import { usePresence } from "../hooks/usePresence";
import { type RoomConnections, useRoomConnections } from "../hooks/useRoomConnections";
import { useWorkshop } from "../hooks/useWorkshop";
import { RoomNav } from "../nav/RoomNav";
import { ClosedNotice } from "../room/ClosedNotice";
import { PeopleDrawer } from "../room/PeopleDrawer";
import { PresenceBar } from "../room/PresenceBar";
import { colourOf } from "../room/presenceColours";
import { RoomContext, type RoomValue } from "../room/RoomContext";
import { RoomHeader } from "../room/RoomHeader";
import { UndoButtons } from "../room/UndoButtons";
import { useReadOnlyWhile } from "../room/useReadOnlyWhile";
import { useUndoShortcuts } from "../room/useUndoShortcuts";
import { RoundWaitingNotice } from "../rounds/RoundWaitingNotice";
import type { RoomView } from "../router";
import { forgetSession, loadSession, type StoredSession } from "../session";
import { deleteOfflineCache } from "../sync/offlineCache";
import { RoomMain } from "../views/RoomMain";

export function RoomPage({ workshopId, view }: { workshopId: string; view: RoomView }) {
  const [session, setSession] = useState(() => loadSession(workshopId));
  const connections = useRoomConnections(session);
  const forget = () => {
    if (session) void deleteOfflineCache(workshopId, session.participant.id);
    forgetSession(workshopId);
    setSession(null);
  };

  if (!session) return <NoSession />;
  if (!connections)
    return (
      <Layout title={session.workshop.title}>
        <p className="muted">Opening the workshop…</p>
      </Layout>
    );
  return <Room session={session} connections={connections} view={view} onForget={forget} />;
}

function NoSession() {
  return (
    <Layout title="No session">
      <section className="card narrow" aria-labelledby="nosession-heading">
        <h1 id="nosession-heading">You have not joined this workshop in this browser</h1>
        <p>
          To take part, ask a facilitator of the workshop for an <strong>invite link</strong>. It looks like{" "}
          <code>https://…/join#…</code>; open it in this browser and enter your name.
        </p>
        <p>
          Facilitators can make invite links from the “People” drawer of the workshop room. If you started
          this workshop in another browser, open it there, or invite yourself from it.
        </p>
        <p>
          <Link href="/">Start a new workshop instead</Link>
        </p>
      </section>
    </Layout>
  );
}

function Room({
  session,
  connections,
  view,
  onForget,
}: {
  session: StoredSession;
  connections: RoomConnections;
  view: RoomView;
  onForget(): void;
}) {
  const { content, control, cache, source } = connections;
  const { participant, token } = session;
  const workshop = useWorkshop(control.doc, session.workshop);
  const participants = useParticipants(control.doc);
  const color = colourOf(
    participant.id,
    participants.map((p) => p.id),
  );
  const self = useMemo<PresenceUser>(
    () => ({
      participantId: participant.id,
      name: participant.displayName,
      role: participant.role,
      color,
    }),
    [participant, color],
  );
  const { awareness, history } = source;
  useEffect(() => {
    const user = awareness.getLocalState()?.user as Record<string, unknown> | undefined;
    if (user?.color !== color) awareness.setLocalStateField("user", { ...user, color });
  }, [awareness, color]);
  const contentState = useConnectionState(content);
  const controlState = useConnectionState(control);
  const finalClose = contentState.finalClose ?? controlState.finalClose;
  // A session the server ended writes nothing more: every field turns to text at once, as an
  // observer's would, so nothing typed from now on is shown as if it were kept.
  const closed = finalClose !== null;
  const room = useMemo<RoomValue>(
    () => ({
      ...source,
      workshopId: workshop.id,
      token,
      base: { workshopId: workshop.id, snapshotId: null },
      self,
      canEdit: canWriteContent(participant.role) && !closed,
      canFacilitate: canFacilitate(participant.role) && !closed,
      closed,
    }),
    [source, workshop.id, token, self, participant.role, closed],
  );
  const people = usePresence(awareness, self);
  const ready = useContentReady(content, cache);
  const presentIds = useMemo(
    () => new Set(finalClose ? [] : people.map((p) => p.participantId)),
    [people, finalClose],
  );
  const focus = useFocusFollow(control.doc, controlState.state === "synced", workshop.id, view);
  const [peopleOpen, setPeopleOpen] = useState(false);
  const drawerRef = useRef<HTMLDialogElement>(null);
  const peopleButtonRef = useRef<HTMLButtonElement>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  useReadOnlyWhile(paneRef, closed);
  // Inside a snapshot, undo would reach past the read-only view into the live room: off there.
  useUndoShortcuts(history, room.canEdit && !peopleOpen && view.kind !== "snapshot");

  const viewing = view.kind === "scenario" ? view.scenarioId : null;
  useEffect(() => {
    awareness.setLocalState({ ...awareness.getLocalState(), viewing, editing: false });
  }, [awareness, viewing]);
  useEffect(() => {
    document.title = `${workshop.title} · Riskroom`;
  }, [workshop.title]);

  const closePeople = () => {
    setPeopleOpen(false);
    peopleButtonRef.current?.focus();
  };

  return (
    <RoomContext.Provider value={room}>
      <EditableContext.Provider value={room.canEdit}>
        <div className="room-app">
          <button
            type="button"
            className="skip-link"
            onClick={() => document.getElementById("main")?.focus()}
          >
            Skip to content
          </button>
          <RoomHeader workshop={workshop} content={content} control={control} keepsOffline={cache !== null} />
          <div className="room-toolbar">
            {!finalClose && <PresenceBar people={people} selfId={participant.id} />}
            <SharedTimer />
            {/* Inside a snapshot, as for the shortcut: undo would change the live room, not the one shown. */}
            {room.canEdit && view.kind !== "snapshot" && <UndoButtons />}
            <button
              type="button"
              ref={peopleButtonRef}
              className="small-button"
              aria-haspopup="dialog"
              onClick={() => setPeopleOpen(true)}
            >
              People
              {room.canFacilitate ? " & invites" : ""} <span className="count">{participants.length}</span>
            </button>
          </div>
          <div className="room-body">
            <RoomNav view={view} ready={ready} />
            <main id="main" className="room-pane" tabIndex={-1}>
              {finalClose && <ClosedNotice close={finalClose} onForget={onForget} />}
              {!finalClose && participant.role === "expert" && (
                <RoundWaitingNotice participantId={participant.id} view={view} />
              )}
              {focus.note && <FocusNoteBanner note={focus.note} self={self} onDismiss={focus.dismiss} />}
              <div ref={paneRef} className="room-pane-content">
                {ready ? <RoomMain view={view} /> : <p className="muted pane-inner">Loading the workshop…</p>}
              </div>
            </main>
          </div>
          <PeopleDrawer
            dialogRef={drawerRef}
            open={peopleOpen}
            onClose={closePeople}
            participants={participants}
            presentIds={presentIds}
            invites={room.canFacilitate ? { token, workshopId: workshop.id } : null}
          />
        </div>
      </EditableContext.Provider>
    </RoomContext.Provider>
  );
}
