/** Who may open the audit view, and each audit action in words. */
import type { Role } from "../../shared/roles";

/** As the server decides (experts get 403); the nav entry is a courtesy. */
export function mayReadAudit(role: Role): boolean {
  return role === "facilitator" || role === "observer";
}

const ACTIONS: Record<string, string> = {
  "audit.genesis": "Started the audit chain",
  "workshop.create": "Created the workshop",
  "invite.create": "Created an invite",
  "invite.revoke": "Revoked an invite",
  "participant.join": "Joined",
  "phase.set": "Set the phase",
  "timer.start": "Started the timer",
  "timer.stop": "Stopped the timer",
  "focus.set": "Brought everyone to a place",
  "framework.edit": "Edited the framework",
  "framework.lock": "Locked the framework",
  "framework.unlock": "Unlocked the framework",
  "round.open": "Opened a round",
  "round.reveal": "Revealed a round",
  "round.close": "Closed a round",
  "estimate.submit": "Submitted an estimate",
  "determination.record": "Recorded a determination",
  "verdict.record": "Recorded the overall verdict",
  "dissent.add": "Recorded dissent on a determination",
  "scenario.dissent": "Recorded dissent on a scenario",
  "scenario.dissent.takeover": "Took over dissent notes written before server-side dissent",
  "snapshot.take": "Took a snapshot",
  "incident.create": "Recorded a serious incident",
  "incident.edit": "Edited a serious incident",
  "incident.report": "Recorded an incident report as sent",
  "incident.export": "Exported an incident report",
  "export.download": "Downloaded an export",
};

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}
