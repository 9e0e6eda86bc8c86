import { describe, expect, it } from "vitest";
import { parseRoomName, roomName } from "../../shared/rooms";

const id = "AbCdEfGh_-123456";

describe("room names", () => {
  it("parses the content and control rooms of a workshop", () => {
    expect(parseRoomName(id)).toEqual({ workshopId: id, kind: "content" });
    expect(parseRoomName(`${id}/control`)).toEqual({ workshopId: id, kind: "control" });
    expect(roomName({ workshopId: id, kind: "control" })).toBe(`${id}/control`);
  });

  it.each([
    "",
    "short",
    `${id}x`,
    `${id}/`,
    `${id}/content`,
    `${id}/control/`,
    `${id}/control/x`,
    `../${id}`,
    `${id}/../control`,
    "AbCdEfGh.-123456",
    "AbCdEfGh%2F12345",
  ])("refuses %j", (name) => {
    expect(parseRoomName(name)).toBeNull();
  });
});
