import { useEffect, useRef, useState } from "react";
import { formatRemaining, remainingMs } from "../../shared/countdown";
import { describeError, stopTimer, syncServerClock } from "../api";
import { useNow } from "../hooks/useNow";
import { useTimer } from "../hooks/useRoomControl";
import { useRoom } from "../room/RoomContext";
import { hasServerTime } from "../serverClock";
import { TimerForm } from "./TimerForm";

/**
 * The room's shared countdown, from the control document's `endsAt` read on the server's clock, so
 * everyone sees the same time left whatever their device's clock says. The facilitator starts and
 * stops it.
 */
export function SharedTimer() {
  const { controlDoc, canFacilitate, token, workshopId } = useRoom();
  const timer = useTimer(controlDoc);
  const now = useNow(250, timer !== null);
  useEffect(() => {
    // A countdown needs the server's clock; one request learns it, if none has yet.
    if (timer && !hasServerTime()) syncServerClock(token).catch(() => undefined);
  }, [timer, token]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const left = timer ? remainingMs(timer.endsAt, now) : 0;

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  const stop = async () => {
    setError(null);
    try {
      await stopTimer(token, workshopId);
    } catch (err) {
      setError(describeError(err));
    }
  };

  if (!timer && !canFacilitate) return null;
  return (
    <div className="timer">
      {timer && (
        <span className={left === 0 ? "timer-display up" : "timer-display"}>
          {timer.label && <span className="timer-label">{timer.label}</span>}
          <span
            role="timer"
            aria-label={`Time left${timer.label ? ` for ${timer.label}` : ""}`}
            className="timer-time"
          >
            {left === 0 ? "Time’s up" : formatRemaining(left)}
          </span>
        </span>
      )}
      <span className="visually-hidden" aria-live="polite">
        {timer && left === 0 ? "Time is up" : ""}
      </span>
      {canFacilitate &&
        (timer ? (
          <button type="button" className="small-button" onClick={stop}>
            Stop timer
          </button>
        ) : (
          <button
            type="button"
            ref={toggleRef}
            className="small-button"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            Timer
          </button>
        ))}
      {open && !timer && (
        <div className="popover">
          <TimerForm onClose={close} />
        </div>
      )}
      {error && (
        <span role="alert" className="inline-error">
          {error}
        </span>
      )}
    </div>
  );
}
