import { describe, expect, it } from "vitest";
import {
  type ClockInput,
  formatCountdown,
  formatLocal,
  type IncidentCategory,
  incidentClock,
} from "../../shared/incidents";

const at = (iso: string) => Date.parse(iso);
const input = (category: IncidentCategory, awareAt: string, more: Partial<ClockInput> = {}): ClockInput => ({
  category,
  awareAt,
  resolvedAt: null,
  reports: [],
  ...more,
});

describe("incident clocks", () => {
  it("gives each category its initial deadline, counted in whole days from the instant of awareness", () => {
    const cases: Array<[IncidentCategory, string, string]> = [
      ["critical-infrastructure", "2026-03-02T14:30:00Z", "2026-03-04T14:30:00.000Z"],
      ["cybersecurity", "2026-01-30T23:00:00Z", "2026-02-04T23:00:00.000Z"],
      // 2026 is not a leap year: 25 February + 10 days is 7 March.
      ["death", "2026-02-25T08:00:00Z", "2026-03-07T08:00:00.000Z"],
      ["serious-harm", "2026-12-20T12:00:00Z", "2027-01-04T12:00:00.000Z"],
    ];
    for (const [category, awareAt, due] of cases) {
      const clock = incidentClock(input(category, awareAt), at(awareAt));
      expect(clock.next).toEqual({ kind: "initial", dueAt: due, state: "due" });
      expect(clock.overdue).toEqual([]);
    }
  });

  it("reads an awareness time given with an offset as the instant it names", () => {
    const clock = incidentClock(
      input("cybersecurity", "2026-06-01T09:00:00+02:00"),
      at("2026-06-01T08:00:00Z"),
    );
    expect(clock.next?.dueAt).toBe("2026-06-06T07:00:00.000Z");
  });

  it("keeps deadlines as instants across a daylight-saving change, so the local clock time moves by the hour", () => {
    // Berlin moves to summer time on Sunday 29 March 2026.
    const spring = incidentClock(input("critical-infrastructure", "2026-03-27T10:00:00+01:00"), 0);
    expect(spring.next?.dueAt).toBe("2026-03-29T09:00:00.000Z");
    expect(formatLocal("2026-03-27T09:00:00Z", "Europe/Berlin")).toBe("Fri, 27 Mar 2026, 10:00 CET");
    expect(formatLocal(spring.next!.dueAt, "Europe/Berlin")).toBe("Sun, 29 Mar 2026, 11:00 CEST");
    expect(formatLocal(spring.next!.dueAt, "America/New_York")).toBe("Sun, 29 Mar 2026, 05:00 GMT-4");
    // And back to winter time on Sunday 25 October 2026.
    const autumn = incidentClock(input("serious-harm", "2026-10-23T10:00:00+02:00"), 0);
    expect(autumn.next?.dueAt).toBe("2026-11-07T08:00:00.000Z");
    expect(formatLocal(autumn.next!.dueAt, "Europe/Berlin")).toBe("Sat, 7 Nov 2026, 09:00 CET");
  });

  it("owes no intermediate report for an incident resolved early, and the final one 60 days after resolution", () => {
    const resolved = input("critical-infrastructure", "2026-03-02T14:30:00Z", {
      resolvedAt: "2026-03-03T10:00:00Z",
    });
    const before = incidentClock(resolved, at("2026-03-03T12:00:00Z"));
    expect(before.schedule).toEqual([
      { kind: "initial", dueAt: "2026-03-04T14:30:00.000Z", state: "due" },
      { kind: "final", dueAt: "2026-05-02T10:00:00.000Z", state: "due" },
    ]);
    expect(before.next?.kind).toBe("initial");
    const sent = { ...resolved, reports: [{ kind: "initial" as const, sentAt: "2026-03-04T09:00:00Z" }] };
    const after = incidentClock(sent, at("2026-03-05T00:00:00Z"));
    expect(after.next).toEqual({ kind: "final", dueAt: "2026-05-02T10:00:00.000Z", state: "due" });
    const done = incidentClock(
      { ...sent, reports: [...sent.reports, { kind: "final", sentAt: "2026-04-01T00:00:00Z" }] },
      at("2026-06-01T00:00:00Z"),
    );
    expect(done.next).toBeNull();
    expect(done.overdue).toEqual([]);
  });

  it("marks an initial report past its deadline overdue, and counts the first intermediate from that deadline", () => {
    const clock = incidentClock(input("death", "2026-02-25T08:00:00Z"), at("2026-03-08T00:00:00Z"));
    expect(clock.overdue).toEqual([{ kind: "initial", dueAt: "2026-03-07T08:00:00.000Z", state: "overdue" }]);
    expect(clock.next?.state).toBe("overdue");
    expect(clock.schedule[1]).toEqual({
      kind: "intermediate",
      dueAt: "2026-04-04T08:00:00.000Z",
      state: "due",
    });
    // One millisecond before the deadline it is still due.
    expect(
      incidentClock(input("death", "2026-02-25T08:00:00Z"), at("2026-03-07T07:59:59.999Z")).overdue,
    ).toEqual([]);
  });

  it("asks for an intermediate report every 4 weeks after the last one while unresolved", () => {
    const reports = [
      { kind: "initial" as const, sentAt: "2026-01-10T12:00:00Z" },
      { kind: "intermediate" as const, sentAt: "2026-02-05T09:00:00Z" },
      { kind: "intermediate" as const, sentAt: "2026-03-05T09:00:00Z" },
    ];
    const clock = incidentClock(
      input("serious-harm", "2026-01-01T00:00:00Z", { reports }),
      at("2026-04-03T00:00:00Z"),
    );
    expect(clock.schedule).toEqual([
      { kind: "initial", dueAt: "2026-01-16T00:00:00.000Z", state: "sent", sentAt: "2026-01-10T12:00:00Z" },
      {
        kind: "intermediate",
        dueAt: "2026-02-07T12:00:00.000Z",
        state: "sent",
        sentAt: "2026-02-05T09:00:00Z",
      },
      {
        kind: "intermediate",
        dueAt: "2026-03-05T09:00:00.000Z",
        state: "sent",
        sentAt: "2026-03-05T09:00:00Z",
      },
      { kind: "intermediate", dueAt: "2026-04-02T09:00:00.000Z", state: "overdue" },
    ]);
    expect(clock.next?.dueAt).toBe("2026-04-02T09:00:00.000Z");
  });

  it("keeps the record at least 5 years after resolution or the last report, leap days included", () => {
    const clock = incidentClock(
      input("serious-harm", "2026-01-01T00:00:00Z", {
        resolvedAt: "2026-04-10T00:00:00Z",
        reports: [
          { kind: "initial", sentAt: "2026-01-10T00:00:00Z" },
          { kind: "final", sentAt: "2026-05-01T00:00:00Z" },
        ],
      }),
      at("2026-05-02T00:00:00Z"),
    );
    // 1 May 2026 + 5 years is 1 May 2031 (1826 days, over 29 February 2028); we keep a day more.
    expect(clock.retainUntil).toBe("2031-05-02T00:00:00.000Z");
    expect(Date.parse(clock.retainUntil)).toBeGreaterThanOrEqual(Date.parse("2031-05-01T00:00:00Z"));
  });

  it("writes the countdown in days and hours, and says when it is past", () => {
    expect(formatCountdown((3 * 24 + 4) * 3600_000 + 59_000)).toBe("3 d 4 h");
    expect(formatCountdown(2 * 3600_000 + 5 * 60_000)).toBe("2 h 5 min");
    expect(formatCountdown(-(26 * 3600_000))).toBe("overdue by 1 d 2 h");
  });
});
