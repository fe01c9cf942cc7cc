/**
 * The schema of `out/proofs.json`, written by `npm run prove` and read by the numeric harness
 * and the report.
 */
import type { LeanMessage } from "../lean/messages.js";
import type { ToolchainInfo } from "../lean/toolchain.js";

export type ModuleStatus = "built" | "cached" | "failed" | "skipped";

export interface ModuleRecord {
  /** Lean module name, e.g. `Sym.Linear.Net`. */
  name: string;
  /** Source file relative to the project root, e.g. `lean/Sym/Linear/Net.lean`. */
  file: string;
  status: ModuleStatus;
  /** Wall-clock seconds of this run's compile (0 when cached or skipped). */
  seconds: number;
  /** CPU seconds (user + system, all threads) of this run's compile, where measured (Linux). */
  cpuSeconds?: number;
  /** Lean's messages, positions 1-based, files relative to the project root. */
  messages: LeanMessage[];
  /** Modules this one imports (project modules only). */
  imports: string[];
  /** Why the module was skipped or failed, when Lean's messages do not say. */
  reason?: string;
}

export type DeclKind = "theorem" | "lemma" | "def" | "structure" | "inductive" | "class" | "instance" | "abbrev";

export interface DeclarationRecord {
  /** Fully qualified name (namespaces and sections resolved), e.g. `Sym.phi_layerAct`. */
  name: string;
  kind: DeclKind;
  file: string;
  /** 1-based line of the declaration keyword. */
  line: number;
  /** 1-based line of the end of the declaration's statement (the `:=`, `where` or `|`). */
  endLine: number;
  /** The claim id the docstring starts with (`P3.6` in `/-- P3.6: … -/`), if any. */
  docId?: string;
  docstring?: string;
  /** The declaration's header text: binders and type, up to (not including) `:=`. */
  statement: string;
  /**
   * Definition-like declarations: the text after the statement (`:= …`, `where …`), comments
   * removed, whitespace collapsed; part of the definition's fingerprint.
   */
  body?: string;
  /** Project declarations the statement (and a definition's body) mentions, fully qualified. */
  uses?: string[];
  /** Lean reported `declaration uses 'sorry'` for it. */
  usesSorry: boolean;
  module: string;
}

export interface ForbiddenUse {
  construct: "axiom" | "sorry" | "admit" | "native_decide" | "implemented_by" | "extern" | "unsafe" | "opaque" | "partial";
  file: string;
  line: number;
  column: number;
  text: string;
}

export interface ProofsFile {
  generatedAt: string;
  toolchain: ToolchainInfo;
  modules: ModuleRecord[];
  declarations: DeclarationRecord[];
  forbidden: ForbiddenUse[];
  summary: { modules: number; built: number; cached: number; failed: number; skipped: number; seconds: number };
}
