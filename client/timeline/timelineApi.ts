/** The tier-timeline round routes (shared/timeline.ts), through the app's one REST client. */
import type { TimelineForecastBody, TimelineRoundView } from "../../shared/timeline";
import { request } from "../api";

const base = (workshopId: string) => `/workshops/${workshopId}/timelines`;

export const openTimeline = (token: string, workshopId: string, riskIds: string[]) =>
  request<{ round: TimelineRoundView }>("POST", base(workshopId), { token, body: { riskIds } });

export const submitForecast = (
  token: string,
  workshopId: string,
  roundId: string,
  body: TimelineForecastBody,
) => request<unknown>("POST", `${base(workshopId)}/${roundId}/forecasts`, { token, body });

export const myForecasts = (token: string, workshopId: string, roundId: string) =>
  request<{ forecasts: TimelineForecastBody[] }>("GET", `${base(workshopId)}/${roundId}/forecasts/mine`, {
    token,
  });

export const revealTimeline = (token: string, workshopId: string, roundId: string) =>
  request<unknown>("POST", `${base(workshopId)}/${roundId}/reveal`, { token });

export const closeTimeline = (token: string, workshopId: string, roundId: string) =>
  request<unknown>("POST", `${base(workshopId)}/${roundId}/close`, { token });
