/**
 * Shared presentation of verdicts: colours and words, used by the Markdown and HTML reports.
 */
import type { Verdict } from "../spec/types.js";

export const VERDICT_COLOR: Record<Verdict, { fill: string; text: string }> = {
  proved: { fill: "#2e7d32", text: "#ffffff" },
  partial: { fill: "#827717", text: "#ffffff" },
  refuted: { fill: "#6a1b9a", text: "#ffffff" },
  suspect: { fill: "#ef6c00", text: "#ffffff" },
  conditional: { fill: "#1565c0", text: "#ffffff" },
  supported: { fill: "#00897b", text: "#ffffff" },
  definition: { fill: "#78909c", text: "#ffffff" },
  "out-of-scope": { fill: "#d7dbdd", text: "#263238" },
  failing: { fill: "#c62828", text: "#ffffff" },
  conflict: { fill: "#111111", text: "#ffeb3b" },
};

export const VERDICT_MEANING: Record<Verdict, string> = {
  proved: "every part of the claim has a kernel-checked Lean proof (no sorry, no forbidden construct); numeric checks passed or do not apply",
  partial: "proved in part: some parts are kernel-checked, others have numeric evidence only or are open (the report names them)",
  refuted: "Lean proves the negation of the literal statement and a numeric counterexample exists",
  suspect: "a numeric counterexample exists but no Lean refutation",
  conditional: "proved in Lean from named hypotheses, each checked numerically",
  supported: "numeric evidence only, not a proof",
  definition: "a definition, formalized in Lean",
  "out-of-scope": "not checkable, with the reason",
  failing: "evidence missing, broken, or using sorry",
  conflict: "formal and numeric evidence disagree",
};

/** A short mark for plain-text tables. */
export const VERDICT_MARK: Record<Verdict, string> = {
  proved: "✅",
  partial: "🧩",
  refuted: "❌",
  suspect: "⚠️",
  conditional: "🔶",
  supported: "🔬",
  definition: "📘",
  "out-of-scope": "➖",
  failing: "🛑",
  conflict: "💥",
};
