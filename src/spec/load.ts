/**
 * Loads and validates the claims registry (`spec/claims.json`): types, enumerations, references.
 * Returns `{ ok: true, value }` or `{ ok: false, diagnostics }` with one diagnostic per problem,
 * each naming the entry, the field and the 1-based position. Never throws on user input.
 */
import fs from "node:fs";
import type { Diagnostic, DiagnosticCode, SourceRange } from "./diagnostics.js";
import { fileStart } from "./diagnostics.js";
import { member, parseJson, type JsonMember, type JsonNode, type Range } from "./json.js";
import type { Claim, ClaimDeclaration, ClaimKind, ClaimPart, DeclRole, Registry, Section, Verdict } from "./types.js";

export const CLAIM_KINDS: readonly ClaimKind[] = ["definition", "proposition", "corollary", "remark", "conjecture", "lemma", "theorem"];
export const DECL_ROLES: readonly DeclRole[] = ["statement", "proof", "refutation", "conditional", "hypothesis", "definition", "witness"];
export const VERDICTS: readonly Verdict[] = [
  "proved",
  "partial",
  "refuted",
  "suspect",
  "conditional",
  "supported",
  "definition",
  "out-of-scope",
  "failing",
  "conflict",
];
export const TRUTHS: readonly Claim["truth"][] = ["true", "false", "definition", "informal"];

/** Claim ids as in the claims list: `D3.1`, `R3.2a`, `P3.3.2`. */
export const CLAIM_ID_RE = /^[A-Z][0-9]+(?:\.[0-9]+)+[a-z]?$/;
const HASH_RE = /^[0-9a-f]{16}$/;
const LEAN_NAME_RE = /^[\p{L}_][\p{L}\p{N}_'!?₀-₉ᵢ-ᵪ]*(?:\.[\p{L}_][\p{L}\p{N}_'!?₀-₉ᵢ-ᵪ]*)*$/u;

/** Verdicts whose claims must say in a note what is refuted, what stays open or why. */
const NOTE_REQUIRED: readonly Verdict[] = ["out-of-scope", "refuted", "suspect", "conditional", "partial"];

export type LoadResult = { ok: true; value: Registry; positions: RegistryPositions } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Where each claim and declaration sits in the file, for later diagnostics and for pinning
 * (`hashSpan`: character offsets of the `statementHash` string; `lastMemberEnd`: offset just
 * after the declaration object's last member).
 */
export interface RegistryPositions {
  file: string;
  claims: Map<string, { range: SourceRange; declarations: DeclarationPosition[] }>;
}

/** Where a declaration entry of a claim sits, and the entry's field path (`declarations[2]`). */
export interface DeclarationPosition {
  name: string;
  range: SourceRange;
  field: string;
  hashSpan?: [number, number];
  lastMemberEnd: number;
  /** Per binder of `instantiate`: where its key and its value are. */
  instantiate?: Record<string, { key: SourceRange; value: SourceRange }>;
}

function toRange(r: Range, file: string): SourceRange {
  return { file, line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column };
}

const TOP_FIELDS = ["$schema", "$comment", "sections", "claims"];
const CLAIM_FIELDS = ["id", "section", "kind", "title", "paraphrase", "truth", "declarations", "parts", "dependsOn", "expected", "note", "evidence"];
const REQUIRED_CLAIM_FIELDS = ["id", "section", "kind", "title", "paraphrase", "truth", "declarations", "dependsOn", "expected"];
const DECL_FIELDS = ["name", "role", "statementHash", "numeric", "instantiate"];
const PART_FIELDS = ["id", "text", "declarations", "numeric", "note"];
const PART_ID_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Roles whose declarations decide a part's status: with parts, each must belong to one. */
const PART_ROLES: readonly DeclRole[] = ["statement", "refutation", "conditional", "hypothesis", "witness"];

function typeName(n: JsonNode): string {
  return n.type === "object" ? "an object" : n.type === "array" ? "an array" : n.type === "null" ? "null" : `a ${n.type}`;
}

/** Validates registry text. `file` is used in diagnostics only. */
export function parseRegistry(text: string, file: string): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const lines = text.split("\n");
  const report = (code: DiagnosticCode, message: string, range: Range | SourceRange, entry?: string, field?: string): void => {
    const r = "start" in range ? toRange(range, file) : range;
    const sourceLine = lines[r.line - 1]?.replace(/\r$/, "");
    const where = entry !== undefined ? `claim "${entry}"${field ? `, field "${field}"` : ""}: ` : field ? `field "${field}": ` : "";
    diagnostics.push({
      code,
      severity: "error",
      message: where + message,
      range: r,
      ...(sourceLine !== undefined && r.line > 0 ? { sourceLine } : {}),
      ...(entry !== undefined ? { entry } : {}),
      ...(field !== undefined ? { field } : {}),
    });
  };

  const parsed = parseJson(text);
  if (!parsed.ok) {
    report("SPEC001", `malformed JSON: ${parsed.error.message}`, parsed.error.range);
    return { ok: false, diagnostics };
  }
  const root = parsed.value;
  if (root.type !== "object") {
    report("SPEC002", `the registry must be a JSON object with a "claims" array, found ${typeName(root)}`, root.range);
    return { ok: false, diagnostics };
  }
  for (const m of root.members) {
    if (!TOP_FIELDS.includes(m.key)) report("SPEC012", `unknown top-level field "${m.key}" (expected one of ${TOP_FIELDS.join(", ")})`, m.keyRange);
  }

  // Sections.
  let sections: Section[] | undefined;
  const secM = member(root, "sections");
  if (secM) {
    if (secM.value.type !== "array") report("SPEC004", `"sections" must be an array of { id, title }, found ${typeName(secM.value)}`, secM.value.range, undefined, "sections");
    else {
      sections = [];
      secM.value.items.forEach((item, k) => {
        const id = member(item, "id");
        const title = member(item, "title");
        if (item.type !== "object" || id?.value.type !== "string" || title?.value.type !== "string" || id.value.value.trim() === "" || title.value.value.trim() === "") {
          report("SPEC004", `must be an object with non-empty string fields "id" and "title"`, item.range, undefined, `sections[${k}]`);
          return;
        }
        sections!.push({ id: id.value.value, title: title.value.value });
      });
    }
  }
  const sectionIds = sections ? new Set(sections.map((s) => s.id)) : undefined;

  const claimsM = member(root, "claims");
  if (!claimsM) {
    report("SPEC002", `the registry has no "claims" array`, root.range);
    return { ok: false, diagnostics };
  }
  if (claimsM.value.type !== "array") {
    report("SPEC002", `"claims" must be an array, found ${typeName(claimsM.value)}`, claimsM.value.range, undefined, "claims");
    return { ok: false, diagnostics };
  }

  const claims: Claim[] = [];
  const positions: RegistryPositions = { file, claims: new Map() };
  const seen = new Map<string, Range>();
  const depRefs: { entry: string; dep: string; range: Range; field: string }[] = [];

  claimsM.value.items.forEach((node, index) => {
    if (node.type !== "object") {
      report("SPEC004", `claims[${index}] must be an object, found ${typeName(node)}`, node.range, undefined, `claims[${index}]`);
      return;
    }
    const idM = member(node, "id");
    const entry = idM?.value.type === "string" ? idM.value.value : `claims[${index}]`;
    let bad = false;
    const fail = (code: DiagnosticCode, message: string, range: Range, field?: string): void => {
      bad = true;
      report(code, message, range, entry, field);
    };

    for (const m of node.members) {
      if (!CLAIM_FIELDS.includes(m.key)) fail("SPEC012", `unknown field (expected one of ${CLAIM_FIELDS.join(", ")})`, m.keyRange, m.key);
    }
    for (const f of REQUIRED_CLAIM_FIELDS) {
      if (!member(node, f)) fail("SPEC003", `required field is missing`, node.range, f);
    }

    const str = (m: JsonMember | undefined, field: string): string | undefined => {
      if (!m) return undefined;
      if (m.value.type !== "string") {
        fail("SPEC004", `must be a string, found ${typeName(m.value)}`, m.value.range, field);
        return undefined;
      }
      if (m.value.value.trim() === "") {
        fail("SPEC004", `must not be empty`, m.value.range, field);
        return undefined;
      }
      return m.value.value;
    };
    const oneOf = <T extends string>(m: JsonMember | undefined, field: string, allowed: readonly T[], code: DiagnosticCode, what: string): T | undefined => {
      const s = str(m, field);
      if (s === undefined) return undefined;
      if (!(allowed as readonly string[]).includes(s)) {
        fail(code, `unknown ${what} "${s}" (expected one of ${allowed.join(", ")})`, m!.value.range, field);
        return undefined;
      }
      return s as T;
    };

    const id = str(idM, "id");
    if (id !== undefined) {
      if (!CLAIM_ID_RE.test(id)) fail("SPEC011", `malformed claim id "${id}" (expected a letter, a section number and an optional letter, e.g. P3.6 or R3.2a)`, idM!.value.range, "id");
      const prev = seen.get(id);
      if (prev) fail("SPEC009", `duplicate claim id (first defined at line ${prev.start.line})`, idM!.value.range, "id");
      else seen.set(id, idM!.value.range);
    }
    const secNode = member(node, "section");
    const section = str(secNode, "section");
    if (section !== undefined && sectionIds && !sectionIds.has(section)) {
      fail("SPEC017", `unknown section "${section}" (expected one of ${[...sectionIds].join(", ")})`, secNode!.value.range, "section");
    }
    const kind = oneOf(member(node, "kind"), "kind", CLAIM_KINDS, "SPEC005", "kind");
    const title = str(member(node, "title"), "title");
    const paraphrase = str(member(node, "paraphrase"), "paraphrase");
    const truth = oneOf(member(node, "truth"), "truth", TRUTHS, "SPEC008", "truth value");
    const expectedM = member(node, "expected");
    const expected = oneOf(expectedM, "expected", VERDICTS, "SPEC007", "verdict");
    const noteM = member(node, "note");
    const note = str(noteM, "note");
    const evidence = str(member(node, "evidence"), "evidence");
    if (expected !== undefined && NOTE_REQUIRED.includes(expected) && noteM === undefined) {
      fail("SPEC014", `a claim expected to be ${expected} needs a "note" saying ${expected === "out-of-scope" ? "why it is out of scope" : "what is refuted or assumed and what stays open"}`, expectedM!.value.range, "note");
    }

    // dependsOn
    const dependsOn: string[] = [];
    const depM = member(node, "dependsOn");
    if (depM) {
      if (depM.value.type !== "array") fail("SPEC004", `must be an array of claim ids, found ${typeName(depM.value)}`, depM.value.range, "dependsOn");
      else
        depM.value.items.forEach((d, k) => {
          if (d.type !== "string") fail("SPEC004", `must be a claim id string, found ${typeName(d)}`, d.range, `dependsOn[${k}]`);
          else {
            dependsOn.push(d.value);
            depRefs.push({ entry, dep: d.value, range: d.range, field: `dependsOn[${k}]` });
          }
        });
    }

    // declarations
    const declarations: ClaimDeclaration[] = [];
    const declPositions: DeclarationPosition[] = [];
    const declM = member(node, "declarations");
    if (declM) {
      if (declM.value.type !== "array") fail("SPEC004", `must be an array of { name, role }, found ${typeName(declM.value)}`, declM.value.range, "declarations");
      else {
        const names = new Map<string, number>();
        declM.value.items.forEach((d, k) => {
          const field = `declarations[${k}]`;
          if (d.type !== "object") {
            fail("SPEC004", `must be an object { name, role }, found ${typeName(d)}`, d.range, field);
            return;
          }
          for (const m of d.members) {
            if (!DECL_FIELDS.includes(m.key)) fail("SPEC012", `unknown field "${m.key}" (expected one of ${DECL_FIELDS.join(", ")})`, m.keyRange, `${field}.${m.key}`);
          }
          const nameM = member(d, "name");
          const roleM = member(d, "role");
          if (!nameM) fail("SPEC003", `required field is missing`, d.range, `${field}.name`);
          if (!roleM) fail("SPEC003", `required field is missing`, d.range, `${field}.role`);
          const name = str(nameM, `${field}.name`);
          const role = oneOf(roleM, `${field}.role`, DECL_ROLES, "SPEC006", "role");
          if (name !== undefined && !LEAN_NAME_RE.test(name)) fail("SPEC019", `"${name}" is not a Lean declaration name`, nameM!.value.range, `${field}.name`);
          if (name !== undefined) {
            const prev = names.get(name);
            if (prev !== undefined) fail("SPEC013", `"${name}" is already listed as declarations[${prev}]`, nameM!.value.range, `${field}.name`);
            else names.set(name, k);
          }
          const hashM = member(d, "statementHash");
          const hash = str(hashM, `${field}.statementHash`);
          if (hash !== undefined && !HASH_RE.test(hash)) fail("SPEC015", `"${hash}" is not 16 lowercase hex digits (pin with \`npm run report -- --pin\`)`, hashM!.value.range, `${field}.statementHash`);
          const numM = member(d, "numeric");
          let numeric: boolean | undefined;
          if (numM) {
            if (numM.value.type !== "boolean") fail("SPEC004", `must be true or false, found ${typeName(numM.value)}`, numM.value.range, `${field}.numeric`);
            else numeric = numM.value.value;
          }
          const instM = member(d, "instantiate");
          let instantiate: Record<string, string> | undefined;
          let instantiatePositions: Record<string, { key: SourceRange; value: SourceRange }> | undefined;
          if (instM) {
            if (instM.value.type !== "object") fail("SPEC004", `must be an object { binder: "Lean.constant" }, found ${typeName(instM.value)}`, instM.value.range, `${field}.instantiate`);
            else {
              instantiate = {};
              instantiatePositions = {};
              for (const b of instM.value.members) {
                instantiatePositions[b.key] = { key: toRange(b.keyRange, file), value: toRange(b.value.range, file) };
                if (b.key.trim() === "") fail("SPEC004", `the binder name must not be empty`, b.keyRange, `${field}.instantiate.`);
                else if (b.value.type !== "string" || !LEAN_NAME_RE.test(b.value.value)) fail("SPEC004", `must name a Lean constant, found ${typeName(b.value)}`, b.value.range, `${field}.instantiate.${b.key}`);
                else instantiate[b.key] = b.value.value;
              }
            }
          }
          if (name !== undefined && role !== undefined) {
            declarations.push({
              name,
              role,
              ...(hash !== undefined ? { statementHash: hash } : {}),
              ...(numeric !== undefined ? { numeric } : {}),
              ...(instantiate !== undefined ? { instantiate } : {}),
            });
            const last = d.members[d.members.length - 1]!;
            declPositions.push({
              name,
              range: toRange(d.range, file),
              field,
              ...(instantiatePositions ? { instantiate: instantiatePositions } : {}),
              ...(hashM ? { hashSpan: [hashM.value.range.start.offset, hashM.value.range.end.offset] as [number, number] } : {}),
              lastMemberEnd: last.value.range.end.offset,
            });
          }
        });
      }
    }

    // parts
    let parts: ClaimPart[] | undefined;
    const partsM = member(node, "parts");
    if (partsM) {
      if (partsM.value.type !== "array") fail("SPEC004", `must be an array of { id, text, declarations, numeric }, found ${typeName(partsM.value)}`, partsM.value.range, "parts");
      else {
        parts = [];
        const declNames = new Set(declarations.map((d) => d.name));
        const partIds = new Map<string, number>();
        partsM.value.items.forEach((p, k) => {
          const field = `parts[${k}]`;
          if (p.type !== "object") {
            fail("SPEC004", `must be an object { id, text, declarations, numeric }, found ${typeName(p)}`, p.range, field);
            return;
          }
          for (const m of p.members) {
            if (!PART_FIELDS.includes(m.key)) fail("SPEC012", `unknown field "${m.key}" (expected one of ${PART_FIELDS.join(", ")})`, m.keyRange, `${field}.${m.key}`);
          }
          const pidM = member(p, "id");
          const textM = member(p, "text");
          if (!pidM) fail("SPEC003", `required field is missing`, p.range, `${field}.id`);
          if (!textM) fail("SPEC003", `required field is missing`, p.range, `${field}.text`);
          const pid = str(pidM, `${field}.id`);
          const text = str(textM, `${field}.text`);
          if (pid !== undefined) {
            if (!PART_ID_RE.test(pid)) fail("SPEC020", `malformed part id "${pid}" (a letter, then letters, digits, "_" or "-")`, pidM!.value.range, `${field}.id`);
            const prev = partIds.get(pid);
            if (prev !== undefined) fail("SPEC021", `duplicate part id "${pid}" (already parts[${prev}])`, pidM!.value.range, `${field}.id`);
            else partIds.set(pid, k);
          }
          const names = (key: "declarations" | "numeric"): string[] => {
            const m = member(p, key);
            const out: string[] = [];
            if (!m) return out;
            if (m.value.type !== "array") {
              fail("SPEC004", `must be an array of names, found ${typeName(m.value)}`, m.value.range, `${field}.${key}`);
              return out;
            }
            m.value.items.forEach((x, j) => {
              const f = `${field}.${key}[${j}]`;
              if (x.type !== "string" || x.value.trim() === "") fail("SPEC004", `must be a non-empty name string, found ${typeName(x)}`, x.range, f);
              else if (!LEAN_NAME_RE.test(x.value)) fail("SPEC019", `"${x.value}" is not a Lean declaration or property name`, x.range, f);
              else if (key === "declarations" && !declNames.has(x.value)) fail("SPEC022", `"${x.value}" is not one of this claim's declarations`, x.range, f);
              else if (out.includes(x.value)) fail("SPEC013", `"${x.value}" is listed twice in this part`, x.range, f);
              else out.push(x.value);
            });
            return out;
          };
          const pdecls = names("declarations");
          const pnum = names("numeric");
          const pnote = str(member(p, "note"), `${field}.note`);
          // A part with nothing listed (the lists absent or empty): allowed (an open part), but it
          // must say so in words. Items that were refused have their own diagnostics already.
          const listed = (key: "declarations" | "numeric"): number => {
            const m = member(p, key);
            return m === undefined ? 0 : m.value.type === "array" ? m.value.items.length : 1;
          };
          if (listed("declarations") + listed("numeric") === 0 && pnote === undefined) {
            fail("SPEC023", `a part with no declarations and no numeric records needs a "note" saying what is missing`, p.range, field);
          }
          if (pid !== undefined && text !== undefined) parts!.push({ id: pid, text, declarations: pdecls, numeric: pnum, ...(pnote !== undefined ? { note: pnote } : {}) });
        });
        if (partsM.value.items.length === 0) fail("SPEC004", `must list at least one part (leave "parts" out for a claim of one part)`, partsM.value.range, "parts");
        // A statement-like declaration outside every part would be silently ignored by the verdict.
        const inParts = new Set(parts.flatMap((p) => p.declarations));
        declarations.forEach((d, k) => {
          if (PART_ROLES.includes(d.role) && !inParts.has(d.name)) {
            bad = true;
            report("SPEC025", `"${d.name}" (role ${d.role}) belongs to no part: add it to the "declarations" of the part it carries`, declPositions[k]?.range ?? toRange(partsM.value.range, file), entry, `declarations[${k}]`);
          }
        });
      }
    }

    if (!bad && id !== undefined && section !== undefined && kind && title && paraphrase && truth && expected) {
      claims.push({
        id,
        section,
        kind,
        title,
        paraphrase,
        truth,
        declarations,
        ...(parts !== undefined ? { parts } : {}),
        dependsOn,
        expected,
        ...(note !== undefined ? { note } : {}),
        ...(evidence !== undefined ? { evidence } : {}),
      });
      positions.claims.set(id, { range: toRange(node.range, file), declarations: declPositions });
    }
  });

  // References.
  for (const r of depRefs) {
    if (!seen.has(r.dep)) report("SPEC010", `depends on "${r.dep}", which is not a claim of the registry`, r.range, r.entry, r.field);
    else if (r.dep === r.entry) report("SPEC016", `a claim cannot depend on itself`, r.range, r.entry, r.field);
  }
  if (diagnostics.length === 0) {
    const cycle = findCycle(claims);
    if (cycle) {
      const ref = depRefs.find((r) => r.entry === cycle[0] && r.dep === cycle[1]);
      report("SPEC016", `dependency cycle ${cycle.join(" → ")}`, ref?.range ?? fileStart(file), cycle[0], ref?.field ?? "dependsOn");
    }
  }

  if (diagnostics.length > 0) {
    diagnostics.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
    return { ok: false, diagnostics };
  }
  return { ok: true, value: { ...(sections ? { sections } : {}), claims }, positions };
}

/** Returns one dependency cycle as a list of ids (first repeated at the end), if any. */
export function findCycle(claims: readonly Claim[]): string[] | undefined {
  const deps = new Map(claims.map((c) => [c.id, c.dependsOn]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    state.set(id, 1);
    stack.push(id);
    for (const d of deps.get(id) ?? []) {
      if (!deps.has(d)) continue;
      if (state.get(d) === 1) return [...stack.slice(stack.indexOf(d)), d];
      if (!state.has(d)) {
        const c = visit(d);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const c of claims) {
    if (!state.has(c.id)) {
      const cyc = visit(c.id);
      if (cyc) return cyc;
    }
  }
  return undefined;
}

/** Reads and validates a registry file. */
export function loadRegistry(file: string, displayName = file): LoadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    return {
      ok: false,
      diagnostics: [{ code: "SPEC018", severity: "error", message: `cannot read the registry: ${why}`, range: fileStart(displayName) }],
    };
  }
  return parseRegistry(text, displayName);
}
