/**
 * `npm run check` on bad input: a malformed registry, an `instantiate` naming an unknown constant
 * or a binder the statement does not bind, and a Lean file with an unterminated comment. Each
 * stops the run with exit status 2 and diagnostics at file:line:col naming the field; nothing
 * is checked and no numeric file is written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "symcheck-check-input-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(args: string[], cwd = repo) {
  const out = path.join(tmp, `numeric-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, [path.join(repo, "node_modules", "tsx", "dist", "cli.mjs"), path.join(repo, "src/cli/check.ts"), "--out", out, "--jobs", "1", ...args], {
    cwd,
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, wrote: existsSync(out) };
}

/** The project's registry with one substring replaced; returns the file and where the replacement starts. */
function registryWith(name: string, from: string, to: string): { file: string; line: number; column: number } {
  const text = readFileSync(path.join(repo, "spec/claims.json"), "utf8");
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`the registry no longer contains ${from}`);
  const before = text.slice(0, at).split("\n");
  const file = path.join(tmp, name);
  writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
  return { file, line: before.length, column: Array.from(before[before.length - 1] ?? "").length + 1 };
}

describe("npm run check: bad input stops the run with positions and exit status 2", () => {
  it("a malformed registry gives the report's diagnostic (file:line:col, code) and exit 2, not a note", () => {
    const file = path.join(repo, "test/fixtures/report/bad/malformed.json");
    const r = check(["--registry", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:6:7: error SPEC001: malformed JSON`);
    expect(r.stdout + r.stderr).not.toContain("note:");
    expect(r.wrote).toBe(false);
  });

  it("a registry entry of the wrong type names the claim and the field", () => {
    const file = path.join(repo, "test/fixtures/report/bad/unknown-role.json");
    const r = check(["--registry", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:12:41: error SPEC006: claim "P3.6", field "declarations[1].role"`);
  });

  it("a registry named on the command line that does not exist is an error", () => {
    const r = check(["--registry", path.join(tmp, "absent.json")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("SPEC018");
  });

  it("an instantiate naming an unknown constant is an error at the constant", () => {
    const from = '{"name": "Sym.SigmoidAtZero", "role": "hypothesis", "instantiate": {"σ": "Sym.sigmoid"}';
    const reg = registryWith("unknown-constant.json", from, from.replace('"Sym.sigmoid"', '"Sym.sigmoidd"'));
    const r = check(["--registry", reg.file]);
    expect(r.status).toBe(2);
    const col = reg.column + from.indexOf('"Sym.sigmoid"');
    expect(r.stderr).toContain(`${reg.file}:${reg.line}:${col}: error SPEC026: claim "R3.10a", field "declarations[1].instantiate.σ": \`Sym.sigmoidd\``);
    expect(r.wrote).toBe(false);
  });

  it("an instantiate naming a binder the statement does not bind is an error at the binder", () => {
    const from = '{"name": "Sym.SigmoidAtZero", "role": "hypothesis", "instantiate": {"σ": "Sym.sigmoid"}';
    const reg = registryWith("unknown-binder.json", from, from.replace('{"σ"', '{"τ"'));
    const r = check(["--registry", reg.file]);
    expect(r.status).toBe(2);
    const col = reg.column + from.indexOf('"σ"');
    expect(r.stderr).toContain(`${reg.file}:${reg.line}:${col}: error SPEC027: claim "R3.10a", field "declarations[1].instantiate.τ": \`Sym.SigmoidAtZero\` has no binder \`τ\` (its binders are \`α\`, \`σ\`)`);
  });

  it("a Lean file with an unterminated comment is diagnosed at the opener and nothing is checked", () => {
    const root = path.join(tmp, "lib");
    mkdirSync(path.join(root, "lean"), { recursive: true });
    writeFileSync(path.join(root, "lean", "Bad.lean"), "/-- P3.1: fine. -/\ntheorem a : True := trivial\n\n  /- never closed\ntheorem b : True := trivial\n");
    const r = check([], root);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("lean/Bad.lean:4:3: error SYM002: unterminated block comment");
    expect(r.wrote).toBe(false);
  });
});
