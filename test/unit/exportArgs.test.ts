import { describe, expect, it } from "vitest";
import { parseExportArgs } from "../../server/scripts/exportArgs";

describe("the export command's arguments", () => {
  it("takes workshop and snapshot ids that begin with a dash as values", () => {
    const args = parseExportArgs(
      ["--workshop", "-6mxh0EEAw1aSb9I", "--snapshot", "--p1", "--format", "json"],
      "./data",
    );
    expect(args).toMatchObject({
      workshop: "-6mxh0EEAw1aSb9I",
      snapshot: "--p1",
      format: "json",
      data: "./data",
    });
  });

  it("refuses a forgotten value rather than taking the next option for it", () => {
    expect(() => parseExportArgs(["--workshop", "--format", "md"], "./data")).toThrow(/--workshop/);
  });

  it("keeps the other forms: --opt=value, flags, and the defaults", () => {
    expect(parseExportArgs(["--workshop=abc", "--list"], "/d")).toMatchObject({
      workshop: "abc",
      list: true,
      data: "/d",
      format: "md",
      help: false,
    });
  });

  it("refuses an argument it does not know", () => {
    expect(() => parseExportArgs(["--workshop", "abc", "--bogus"], "./data")).toThrow();
  });
});
