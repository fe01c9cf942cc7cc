/**
 * What the lean.js patches do once applied: the replaced code is run against stand-ins for the
 * Emscripten objects it touches, so a patch that compiles but behaves differently is caught.
 */
import { describe, expect, it } from "vitest";
import { applyPatches, LEAN_JS_PATCHES, MOUNTS_ENV } from "../../src/lean/patch.js";

const patch = (name: string) => LEAN_JS_PATCHES.find((p) => p.name === name)!;

describe("dlsym-index", () => {
  const lookup = (exports: Record<string, number>, symbol: string) => {
    const lib: { exports: Record<string, number>; __symIndex?: Map<string, number> } = { exports };
    const run = new Function("lib", "symbol", `var newSymIndex; ${patch("dlsym-index").replace} return [newSymIndex, lib.__symIndex];`);
    return run(lib, symbol) as [number, Map<string, number> | undefined];
  };
  it("finds a symbol at the index Object.keys gives it", () => {
    const exports = { alpha: 0, beta: 0, gamma: 0 };
    for (const s of Object.keys(exports)) expect(lookup(exports, s)[0]).toBe(Object.keys(exports).indexOf(s));
  });
  it("answers -1 for an unknown symbol, as indexOf does", () => {
    expect(lookup({ alpha: 0 }, "delta")[0]).toBe(-1);
  });
  it("builds the index once per library and reuses it", () => {
    const lib = { exports: { a: 0, b: 0 } as Record<string, number>, __symIndex: undefined as Map<string, number> | undefined };
    const run = new Function("lib", "symbol", `var newSymIndex; ${patch("dlsym-index").replace} return newSymIndex;`);
    expect(run(lib, "b")).toBe(1);
    const built = lib.__symIndex;
    expect(built).toBeInstanceOf(Map);
    lib.exports["c"] = 0; // a later export is not seen: the index is the one built first
    expect(run(lib, "c")).toBe(-1);
    expect(lib.__symIndex).toBe(built);
  });
});

describe("one-worker", () => {
  it("sets a pool of exactly one worker", () => {
    const run = new Function(`${patch("one-worker").replace} return pthreadPoolSize;`);
    expect(run()).toBe(1);
  });
});

describe("mounts", () => {
  const mounted = (env: string | undefined) => {
    const mounts: string[] = [];
    const made: string[] = [];
    const FS = { mount: (_t: unknown, opts: { root: string }, at: string) => mounts.push(`${opts.root}->${at}`), mkdirTree: (p: string) => made.push(p) };
    const process = { env: env === undefined ? {} : { [MOUNTS_ENV]: env } };
    new Function("FS", "NODEFS", "process", patch("mounts").replace)(FS, {}, process);
    return { mounts, made };
  };
  it("mounts each folder named in the environment at its own path, after /tmp", () => {
    expect(mounted("/work/p:/srv/lib")).toEqual({ mounts: ["/tmp->/tmp", "/work/p->/work/p", "/srv/lib->/srv/lib"], made: ["/work/p", "/srv/lib"] });
  });
  it("skips empty entries, the root, and folders under /tmp or /home (mounted already)", () => {
    expect(mounted(":/:/tmp:/tmp/x:/home:/home/u/p:/homework:/tmpfiles").mounts).toEqual(["/tmp->/tmp", "/homework->/homework", "/tmpfiles->/tmpfiles"]);
  });
  it("mounts only /tmp when the variable is unset", () => {
    expect(mounted(undefined).mounts).toEqual(["/tmp->/tmp"]);
  });
});

describe("applyPatches", () => {
  it("applies the patches in order, each on the text the previous one left", () => {
    const r = applyPatches("a-b", [
      { name: "first", reason: "", find: "a", replace: "bb" },
      { name: "second", reason: "", find: "bb-", replace: "c" },
    ]);
    expect(r).toEqual({ ok: true, text: "cb", applied: ["first", "second"] });
  });
  it("replaces the site where it is, keeping the text around it", () => {
    expect(applyPatches("<<x>>", [{ name: "p", reason: "", find: "x", replace: "yz" }])).toEqual({ ok: true, text: "<<yz>>", applied: ["p"] });
  });
  it("names the first patch that fails and applies none after it", () => {
    expect(applyPatches("q", [{ name: "missing", reason: "", find: "zz", replace: "" }, { name: "never", reason: "", find: "q", replace: "" }])).toEqual({ ok: false, patch: "missing", occurrences: 0 });
  });
  it("every shipped patch has a reason", () => {
    for (const p of LEAN_JS_PATCHES) expect(p.reason.length).toBeGreaterThan(20);
  });
});
