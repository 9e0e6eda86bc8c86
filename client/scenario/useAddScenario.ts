import { useCallback } from "react";
import { addScenario } from "../../shared/content";
import { changeThenFocus } from "../fields/focusSoon";
import { useRoom } from "../room/RoomContext";
import { navigate, roomPath } from "../router";

/** Adds a scenario under a risk, opens it, and puts the keyboard on its title, selected to be typed over. */
export function useAddScenario(): (riskId: string) => void {
  const { doc, history, base } = useRoom();
  return useCallback(
    (riskId: string) => {
      let id = "";
      changeThenFocus(
        () => {
          history.edit(
            () => (id = addScenario(doc, { riskId, title: "Untitled scenario", status: "draft" })),
          );
          if (id) navigate(roomPath(base, { kind: "scenario", scenarioId: id }));
        },
        () => "scenario-title",
        { select: true },
      );
    },
    [doc, history, base],
  );
}
