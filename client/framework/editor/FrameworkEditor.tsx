import { useEffect, useMemo, useRef, useState } from "react";
import { SPECIFIED_RISKS } from "../../../shared/content";
import {
  type Framework,
  ladderProblems,
  type Problem,
  validateFramework,
} from "../../../shared/estimation/framework";
import { ApiRequestError, describeError, lockFramework, putFramework } from "../../api";
import { draftStash } from "../../fields/draftStash";
import { useRoom } from "../../room/RoomContext";
import { sameFramework } from "../draft";
import { indexProblems, serverProblems } from "../problems";
import type { RiskRef } from "../riskRefs";
import { BandsEditor } from "./BandsEditor";
import { EditorActions } from "./EditorActions";
import { lockBlocker, plural, saveBlocker } from "./editorState";
import { ProblemsContext } from "./fields";
import { LaddersEditor } from "./LaddersEditor";
import { LevelsEditor } from "./LevelsEditor";
import { ProblemSummary } from "./ProblemSummary";
import { TiersEditor } from "./TiersEditor";

/** Unsaved drafts by workshop, with the saved framework each started from. */
const drafts = draftStash<{ base: Framework; draft: Framework }>();

/**
 * The facilitator's editor of an unlocked framework: a local draft, checked live, saved only on
 * "Save framework". Problems from the live check and from the server show beside their fields.
 */
export function FrameworkEditor({
  saved,
  risks,
  onLocked,
}: {
  saved: Framework;
  risks: readonly RiskRef[];
  /** Called once the server has locked it: this editor is about to disappear. */
  onLocked(): void;
}) {
  const { token, workshopId } = useRoom();
  // `base` is the saved framework the draft started from, to tell our edits from someone else's save.
  // A draft left unsaved on another visit comes back (with the "changed while editing" note if needed).
  const [base, setBase] = useState(() => drafts.peek(workshopId)?.base ?? saved);
  const [draft, setDraft] = useState(() => drafts.peek(workshopId)?.draft ?? saved);
  const [fromServer, setFromServer] = useState<Problem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const dirty = !sameFramework(draft, saved);
  const untouched = sameFramework(draft, base);
  const latest = useRef({ base, draft, dirty });
  latest.current = { base, draft, dirty };
  useEffect(
    () => () => {
      const { dirty: unsaved, ...kept } = latest.current;
      drafts.keep(workshopId, kept, unsaved);
    },
    [workshopId],
  );
  useEffect(() => {
    // Another facilitator saved: follow them unless this draft has edits of its own.
    if (untouched && !sameFramework(base, saved)) {
      setDraft(saved);
      setBase(saved);
    }
  }, [saved, base, untouched]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const validation = useMemo(() => validateFramework(draft), [draft]);
  const live = validation.ok ? [] : validation.problems;
  const problems = useMemo(() => indexProblems([...live, ...fromServer]), [live, fromServer]);

  const edit = (next: Framework) => {
    setDraft(next);
    setFromServer([]);
    setError(null);
  };
  const fail = (err: unknown) => {
    const found = err instanceof ApiRequestError ? serverProblems(err.fields) : [];
    setFromServer(found);
    // Field errors are listed below in words and shown at their fields; the raw paths would only confuse.
    setError(
      err instanceof ApiRequestError && found.length > 0
        ? `${sentence(err.message)}: see ${plural(found.length, "problem")} below.`
        : describeError(err),
    );
  };
  const save = async () => {
    if (!validation.ok) return;
    setBusy(true);
    setError(null);
    try {
      const res = await putFramework(token, workshopId, validation.framework);
      setBase(res.framework);
      setDraft(res.framework);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const lock = async () => {
    setBusy(true);
    setError(null);
    try {
      await lockFramework(token, workshopId);
      onLocked();
    } catch (err) {
      fail(err);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setDraft(saved);
    setBase(saved);
    setFromServer([]);
    setError(null);
  };

  const riskTitle = (id: string) => risks.find((r) => r.id === id)?.title ?? id;
  // The same rule the server applies at the lock, so the button says why before the server must.
  const shortLadders = ladderProblems(
    draft,
    SPECIFIED_RISKS.map((r) => r.id),
  ).map((p) => riskTitle(String(p.path[1])));
  return (
    <ProblemsContext.Provider value={problems}>
      <div className="fw-editor">
        <EditorActions
          busy={busy}
          dirty={dirty}
          saveBlocked={saveBlocker(dirty, live.length)}
          lockBlocked={lockBlocker(dirty, live.length, shortLadders)}
          confirming={confirming}
          error={error}
          onSave={save}
          onAskLock={() => setConfirming(true)}
          onConfirmLock={lock}
          onCancelLock={() => setConfirming(false)}
          onReset={reset}
        />
        {!untouched && !sameFramework(base, saved) && (
          <p className="fw-dirty">
            The saved framework changed while you were editing; “Reset to saved” shows it.
          </p>
        )}
        <ProblemSummary problems={[...live, ...fromServer]} draft={draft} riskTitle={riskTitle} />
        <BandsEditor draft={draft} onChange={edit} />
        <LevelsEditor draft={draft} onChange={edit} />
        <TiersEditor draft={draft} onChange={edit} />
        <LaddersEditor draft={draft} risks={risks} onChange={edit} />
      </div>
    </ProblemsContext.Provider>
  );
}

const sentence = (text: string): string => (text ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text);
