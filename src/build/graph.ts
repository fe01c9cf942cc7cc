/**
 * The import graph of the Lean library: discovery of modules, their `import` lines, a build
 * order, and the problems that stop a build before anything is attempted (an import cycle, an
 * import of a project module that does not exist).
 */
import fs from "node:fs";
import path from "node:path";
import { messageText } from "../diagnostics/index.js";
import { moduleNameOf } from "./layout.js";

/** Module prefixes that belong to the toolchain, never to the project. */
export const TOOLCHAIN_ROOTS = new Set(["Init", "Std", "Lean", "Lake"]);

export interface ImportLine {
  module: string;
  line: number;
  column: number;
}

export interface ModuleSource {
  name: string;
  /** Path relative to the project root. */
  file: string;
  text: string;
  imports: ImportLine[];
}

export interface GraphProblem {
  code: "SYM501" | "SYM502";
  message: string;
  file: string;
  line: number;
  column: number;
}

export type GraphResult = { ok: true; order: ModuleSource[] } | { ok: false; problems: GraphProblem[] };

/**
 * Reads the `import` lines of a Lean file's header (`module`, `prelude`, comments and blank
 * lines may precede or interleave them; the header ends at the first other command).
 */
export function parseImports(text: string): ImportLine[] {
  const out: ImportLine[] = [];
  const lines = text.split(/\r?\n/);
  let inBlock = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // Remove block comments (possibly spanning lines, possibly nested), keeping every column.
    let cleaned = "";
    for (let j = 0; j < line.length; j++) {
      if (inBlock === 0 && cleaned.trim() === "" && (line.startsWith("/--", j) || line.startsWith("/-!", j))) {
        // A doc comment is a command: the header ends before it.
        return out;
      }
      if (line.startsWith("/-", j)) {
        inBlock++;
        cleaned += "  ";
        j++;
      } else if (inBlock > 0 && line.startsWith("-/", j)) {
        inBlock--;
        cleaned += "  ";
        j++;
      } else if (inBlock === 0) {
        if (line.startsWith("--", j)) break;
        cleaned += line[j];
      } else cleaned += " ";
    }
    line = cleaned;
    const t = line.trim();
    if (t === "") continue;
    if (t === "module" || t === "prelude") continue;
    const m = /^((?:public\s+|private\s+|meta\s+)*)import\s+(.+)$/.exec(t);
    if (!m) break;
    const rest = m[2]!;
    let offset = line.indexOf(rest);
    for (const name of rest.split(/\s+/)) {
      const col = line.indexOf(name, offset);
      out.push({ module: name, line: i + 1, column: col + 1 });
      offset = col + name.length;
    }
  }
  return out;
}

/** Lists `*.lean` files below `srcDir` (sorted, deterministic). */
export function discoverModules(projectRoot: string, srcDir: string): ModuleSource[] {
  const absSrc = path.resolve(projectRoot, srcDir);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".lean")) files.push(p);
    }
  };
  walk(absSrc);
  return files.map((abs) => {
    const text = fs.readFileSync(abs, "utf8");
    return {
      name: moduleNameOf(path.relative(absSrc, abs)),
      file: path.relative(projectRoot, abs),
      text,
      imports: parseImports(text),
    };
  });
}

/** Project imports of a module (toolchain imports dropped). */
export function projectImports(m: ModuleSource): ImportLine[] {
  return m.imports.filter((i) => !TOOLCHAIN_ROOTS.has(i.module.split(".")[0]!));
}

/**
 * Orders modules so every module comes after the project modules it imports. Ties are broken
 * by name, so the order is deterministic. Reports every missing import and every cycle.
 */
export function buildOrder(modules: ModuleSource[]): GraphResult {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const problems: GraphProblem[] = [];
  for (const m of modules) {
    for (const imp of projectImports(m)) {
      if (!byName.has(imp.module)) {
        problems.push({
          code: "SYM501",
          message: messageText("SYM501", `${m.file}:${imp.line}:${imp.column}`, imp.module),
          file: m.file,
          line: imp.line,
          column: imp.column,
        });
      }
    }
  }
  const state = new Map<string, "visiting" | "done">();
  const order: ModuleSource[] = [];
  const stack: string[] = [];
  const seenCycles = new Set<string>();
  const visit = (m: ModuleSource) => {
    state.set(m.name, "visiting");
    stack.push(m.name);
    const deps = projectImports(m)
      .map((i) => byName.get(i.module))
      .filter((d): d is ModuleSource => d !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const d of deps) {
      const s = state.get(d.name);
      if (s === "visiting") {
        const cycle = [...stack.slice(stack.indexOf(d.name)), d.name];
        const key = [...cycle.slice(0, -1)].sort().join(",");
        if (!seenCycles.has(key)) {
          seenCycles.add(key);
          const files = cycle.map((n) => byName.get(n)?.file ?? n);
          const imp = projectImports(m).find((i) => i.module === d.name);
          problems.push({
            code: "SYM502",
            message: messageText("SYM502", files.join(" → ")),
            file: m.file,
            line: imp?.line ?? 1,
            column: imp?.column ?? 1,
          });
        }
      } else if (s === undefined) visit(d);
    }
    stack.pop();
    state.set(m.name, "done");
    order.push(m);
  };
  for (const m of [...modules].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!state.has(m.name)) visit(m);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, order };
}

/** All project modules a module depends on, directly or not. */
export function transitiveImports(name: string, modules: Map<string, ModuleSource>): Set<string> {
  const out = new Set<string>();
  const go = (n: string) => {
    const m = modules.get(n);
    if (!m) return;
    for (const i of projectImports(m)) {
      if (!out.has(i.module)) {
        out.add(i.module);
        go(i.module);
      }
    }
  };
  go(name);
  return out;
}
