/** Section 7 of the model report: each risk's tier-timeline forecast, its numbers, chart and every expert's dates. */
import type { ModelReportBody } from "../../shared/modelReport";
import { type Block, heads, missing, paragraph, plain, prose, section, table, text } from "./document";
import { formatTime } from "./format";
import { timelineSvg } from "./svgTimeline";

export function timelines(body: ModelReportBody): Block[] {
  const all = body.workshops.flatMap((w) => w.timelines.map((t) => ({ w, t })));
  if (all.length === 0)
    return [
      missing(
        "no timeline forecast (P10/P50/P90 of exceeding the next tier) is recorded in any signed-off workshop.",
      ),
    ];
  return [
    paragraph(
      "Each expert gave the 10th, 50th and 90th percentile of the date at which the model (or its successors) would exceed the next tier; the pooled forecast averages each percentile across experts (quantile averaging), to the day.",
    ),
    ...all.map(({ w, t }, i) =>
      section(
        `7.${i + 1}`,
        [text(t.riskTitle), plain(" ("), text(w.title), plain(")")],
        [
          {
            type: "fields",
            head: ["Forecast", "Value"],
            rows: [
              ["Tier to be exceeded", [t.nextTier ? text(t.nextTier) : plain("above the top of the ladder")]],
              [
                "Pooled P10 / P50 / P90",
                [plain(`${t.aggregate.p10} / ${t.aggregate.p50} / ${t.aggregate.p90}`)],
              ],
              [
                "Spread",
                [
                  plain(
                    `P50s from ${t.aggregate.spread.earliestP50} to ${t.aggregate.spread.latestP50}; P10–P90 ${t.aggregate.spread.widthDays} days`,
                  ),
                ],
              ],
              [
                "Experts",
                [
                  plain(
                    `${t.aggregate.n}, timeline round ${t.roundNumber}, revealed ${formatTime(t.revealedAt)}`,
                  ),
                ],
              ],
            ],
          },
          {
            type: "figure",
            svg: timelineSvg(t.forecasts, t.aggregate, t.riskTitle),
            caption: [
              plain("Each expert's P10–P90 with their P50 (dot); the pooled forecast on the last row."),
            ],
            fallback: [],
          },
          table(
            heads("Expert", "P10", "P50", "P90", "Assumptions"),
            t.forecasts.map((f) => [
              [text(f.who)],
              [plain(f.p10)],
              [plain(f.p50)],
              [plain(f.p90)],
              prose(f.assumptions),
            ]),
          ),
        ],
      ),
    ),
  ];
}
