import { describe, expect, it } from "vitest";
import { HookList } from "../../server/sync/hooks";

const name = { workshopId: "AbCdEfGh_-123456", kind: "content" as const };

describe("the server hook list", () => {
  it("runs hooks in the order added, awaiting each, and a throwing before-hook stops the rest", async () => {
    const seen: string[] = [];
    const hooks = new HookList([
      {
        beforeLoad: async () => {
          await Promise.resolve();
          seen.push("first");
        },
      },
    ]);
    hooks.add({
      beforeLoad: () => {
        seen.push("second");
        throw new Error("refused");
      },
    });
    hooks.add({ beforeLoad: () => void seen.push("third") });
    await expect(hooks.run("beforeLoad", { name })).rejects.toThrow("refused");
    expect(seen).toEqual(["first", "second"]);
  });

  it("keeps one hook's error on a hot path from the other hooks and from the caller", () => {
    const seen: string[] = [];
    const hooks = new HookList([
      {
        afterStore: () => {
          throw new Error("broken logger");
        },
      },
      { afterStore: ({ bytes }) => void seen.push(`stored ${bytes}`) },
    ]);
    const errors = console.error;
    console.error = () => {};
    try {
      expect(() => hooks.emit("afterStore", { room: name, bytes: 42 })).not.toThrow();
    } finally {
      console.error = errors;
    }
    expect(seen).toEqual(["stored 42"]);
  });
});
