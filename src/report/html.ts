/**
 * `out/report.html`: one self-contained file that works offline: summary, a filterable table, the
 * dependency graph as inline SVG (laid out by ELK in Node, see `layout.ts`) and a panel per claim.
 * No external resource; the only script is the table filter.
 */
import { mutationHtml } from "./mutation.js";
import { VERDICTS } from "../spec/load.js";
import type { GraphLayout } from "./layout.js";
import { anchor, leanHeader, noteText, numericCell, partLine, partsCell, PART_MARK, plainOutcome, plainWordsClaims, unpinnedNames } from "./markdown.js";
import { premisesHeld, weak } from "./verdict.js";
import { VERDICT_COLOR, VERDICT_MEANING } from "./style.js";
import type { ClaimReport, Report } from "./types.js";

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Escapes text and renders its `backtick` spans as code. */
export function inline(s: string): string {
  return esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");
}

const r1 = (x: number): string => (Math.round(x * 10) / 10).toString();

/** The dependency graph as an SVG element; each node links to its claim's panel. */
export function renderGraphSvg(report: Report, layout: GraphLayout): string {
  const byId = new Map(report.claims.map((c) => [c.id, c]));
  const parts: string[] = [];
  parts.push(
    `<svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Dependency graph of the claims, coloured by verdict" viewBox="0 0 ${r1(layout.width)} ${r1(layout.height)}" width="${r1(layout.width)}" height="${r1(layout.height)}">`,
  );
  parts.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#607d8b"/></marker></defs>`);
  for (const e of layout.edges) {
    const p = e.points;
    if (p.length < 2) continue;
    let d = `M${r1(p[0]!.x)},${r1(p[0]!.y)}`;
    if ((p.length - 1) % 3 === 0) {
      for (let k = 1; k < p.length; k += 3) d += ` C${r1(p[k]!.x)},${r1(p[k]!.y)} ${r1(p[k + 1]!.x)},${r1(p[k + 1]!.y)} ${r1(p[k + 2]!.x)},${r1(p[k + 2]!.y)}`;
    } else for (const q of p.slice(1)) d += ` L${r1(q.x)},${r1(q.y)}`;
    parts.push(`<path class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="${d}" fill="none" stroke="#90a4ae" stroke-width="1.3" marker-end="url(#arrow)"/>`);
  }
  for (const n of layout.nodes) {
    const c = byId.get(n.id);
    if (!c) continue;
    const col = VERDICT_COLOR[c.verdict];
    parts.push(
      `<a href="#${anchor(c.id)}" class="node" data-id="${esc(c.id)}" data-verdict="${c.verdict}"><title>${esc(`${c.id}: ${c.title} (${c.verdict})`)}</title>` +
        `<rect x="${r1(n.x)}" y="${r1(n.y)}" width="${r1(n.width)}" height="${r1(n.height)}" rx="6" fill="${col.fill}" stroke="${c.asExpected ? "#263238" : "#d50000"}" stroke-width="${c.asExpected ? 1 : 3}"/>` +
        `<text x="${r1(n.x + n.width / 2)}" y="${r1(n.y + n.height / 2 + 4.5)}" text-anchor="middle" fill="${col.text}" font-size="13" font-family="ui-monospace, Menlo, Consolas, monospace">${esc(c.id)}</text></a>`,
    );
  }
  parts.push(`</svg>`);
  return parts.join("\n");
}

function badge(v: string): string {
  const c = VERDICT_COLOR[v as keyof typeof VERDICT_COLOR];
  return `<span class="badge" style="background:${c.fill};color:${c.text}">${esc(v)}</span>`;
}

function panel(c: ClaimReport): string {
  const h: string[] = [];
  h.push(`<section class="panel" id="${anchor(c.id)}" data-id="${esc(c.id)}" data-verdict="${c.verdict}">`);
  h.push(`<h3>${esc(c.id)}: ${esc(c.title)} ${badge(c.verdict)}${c.asExpected ? "" : ` <span class="unexpected">expected ${esc(c.expected)}</span>`}</h3>`);
  h.push(
    `<p class="meta">${esc(c.kind)}, section ${esc(c.section)}; true as stated: ${esc(c.truth)}${
      c.dependsOn.length ? `; depends on ${c.dependsOn.map((d) => `<a href="#${anchor(d)}">${esc(d)}</a>`).join(", ")}` : ""
    }</p>`,
  );
  h.push(`<p>${esc(c.paraphrase)}</p>`);
  h.push(`<p class="outcome"><strong>Outcome.</strong> ${inline(c.outcome)}</p>`);
  if (c.note && !c.outcome.includes(c.note)) h.push(`<blockquote>${inline(noteText(c))}</blockquote>`);
  if (c.evidence) h.push(`<p class="meta">Evidence sought: ${esc(c.evidence)}</p>`);
  if (c.parts.length > 0 && !c.parts[0]!.implicit) {
    h.push(`<h4>Parts</h4><ul class="parts">`);
    for (const p of c.parts) h.push(`<li class="part part-${p.status}" data-part="${esc(p.id)}" data-status="${p.status}">${PART_MARK[p.status]} ${inline(partLine(p))}</li>`);
    h.push(`</ul>`);
  }
  if (c.declarations.length > 0) {
    h.push(`<h4>Lean</h4><ul class="decls">`);
    for (const d of c.declarations) {
      const where = d.file ? ` <span class="where">${esc(d.file)}:${d.line}</span>` : "";
      const fp = d.hash ? ` <span class="fp fp-${d.fingerprint}" title="statement fingerprint">${esc(d.hash)}${d.fingerprint === "match" ? "" : ` (${d.fingerprint})`}</span>` : "";
      h.push(
        `<li><code>${esc(d.name)}</code> <span class="role">${esc(d.role)}${d.kind ? `, ${esc(d.kind)}` : ""}</span>${where}${fp}${
          d.ok ? ' <span class="ok">clean</span>' : d.stated ? ' <span class="stated">stated, its proof is <code>sorry</code></span>' : ` <span class="bad">${esc(d.problems.join("; "))}</span>`
        }${d.statement ? `<pre>${esc(leanHeader(d))}</pre>` : ""}</li>`,
      );
    }
    h.push(`</ul>`);
  }
  if (c.numeric.records.length > 0) {
    h.push(`<h4>Numeric</h4><table class="num"><thead><tr><th>declaration</th><th>status</th><th>mode</th><th>runs</th><th>premises held</th><th>skipped</th><th>seed</th><th>max residual</th><th>details</th></tr></thead><tbody>`);
    for (const r of c.numeric.records) {
      const details = [
        r.path ? `path ${r.path}` : "",
        r.counterexample !== undefined ? `counterexample ${JSON.stringify(r.counterexample)}` : "",
        r.message ?? "",
        r.handWritten ? "hand-written" : "",
        r.interrupted ? "stopped at its time limit" : "",
        r.discardRate !== undefined ? `discard rate ${(r.discardRate * 100).toFixed(1)}%` : "",
        r.inconclusiveRuns ? `${r.inconclusiveRuns} runs inconclusive (no ∃-witness found)` : "",
        r.recheck === "exact" ? "counterexample re-checked exactly over ℚ" : r.recheck === "precise" ? "float counterexample confirmed with 60-digit decimals (not exact over ℚ)" : r.recheck === "float-only" ? "potential: a float counterexample that 60-digit decimals do not confirm" : r.recheck === "failed" ? "harness error: did not re-check" : "",
        r.search ? `search: ${r.search}` : "",
      ]
        .filter(Boolean)
        .join("; ");
      h.push(
        `<tr><td><code>${esc(r.declaration)}</code></td><td>${esc(weak(r) ? "weak" : r.status)}</td><td>${esc(r.mode)}</td><td>${r.runs}</td><td>${premisesHeld(r)}${r.coverage === "exhaustive" ? " (exhaustive)" : ""}</td><td>${r.skips}</td><td>${r.seed}</td><td>${r.mode === "float" ? r.maxResidual.toExponential(2) : "exact"}</td><td>${esc(details)}</td></tr>`,
      );
    }
    h.push(`</tbody></table>`);
  }
  h.push(`<p class="meta">Reasons: ${inline(c.reasons.join("; "))}.</p>`);
  h.push(`</section>`);
  return h.join("\n");
}

const CSS = `
:root{--fg:#1c2a33;--muted:#5f6f7a;--line:#d9e0e4;--bg:#fbfcfd}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
header,main{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:20px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:17px;margin:0 0 6px}
h4{font-size:14px;margin:12px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.meta,.where{color:var(--muted);font-size:13px}
.status{padding:10px 14px;border-radius:8px;margin:12px 0;font-weight:600}
.status.ok{background:#e8f5e9;border:1px solid #a5d6a7}
.status.bad{background:#ffebee;border:1px solid #ef9a9a}
.chips{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.chip{border:1px solid var(--line);background:#fff;border-radius:18px;padding:4px 12px 4px 6px;cursor:pointer;font:inherit;display:flex;align-items:center;gap:6px}
.chip[aria-pressed=true]{outline:2px solid #37474f}
.chip .n{font-weight:700}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:12.5px;font-weight:600;white-space:nowrap}
.controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:10px 0}
.controls input,.controls select{font:inherit;padding:5px 8px;border:1px solid #b0bec5;border-radius:6px;background:#fff}
.controls input{min-width:260px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top;font-size:14px}
th{background:#eef2f4;font-weight:600}
#claims td:first-child{white-space:nowrap;font-family:ui-monospace,Menlo,Consolas,monospace}
tr.unexpected-row td{background:#fff3f3}
.graph-wrap{overflow:auto;border:1px solid var(--line);border-radius:8px;background:#fff;padding:6px}
.legend{display:flex;flex-wrap:wrap;gap:10px;font-size:13px;margin:6px 0}
.panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:12px 0}
.panel:target{outline:3px solid #ffb300}
pre{background:#f4f6f8;border:1px solid var(--line);border-radius:6px;padding:8px 10px;overflow:auto;font-size:13px;white-space:pre-wrap}
blockquote{margin:8px 0;padding:6px 12px;border-left:4px solid #b0bec5;background:#f7f9fa}
.decls{padding-left:18px}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;background:#eef2f4;border-radius:4px;padding:0 3px}
pre code,.mismatch code{background:none;padding:0}
.ok{color:#2e7d32;font-size:13px}.stated{color:#8a6d00;font-size:13px}.bad,.unexpected{color:#c62828;font-weight:600;font-size:13px}
.fp{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}.fp-changed{color:#c62828}
.num td,.num th{font-size:13px}
.parts{padding-left:4px;list-style:none}.parts li{margin:3px 0}.part-open{color:#8d2b00}
#plain li{margin:6px 0}
.mismatch{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
footer{max-width:1200px;margin:30px auto;padding:0 20px;color:var(--muted);font-size:12px}
`;

const SCRIPT = `
(function(){
  var rows=[].slice.call(document.querySelectorAll('#claims tbody tr'));
  var text=document.getElementById('filter'),verdict=document.getElementById('verdict-filter'),section=document.getElementById('section-filter'),count=document.getElementById('shown');
  var chips=[].slice.call(document.querySelectorAll('.chip'));
  function apply(){
    var q=text.value.trim().toLowerCase(),v=verdict.value,s=section.value,n=0;
    rows.forEach(function(r){
      var show=(!q||r.getAttribute('data-search').indexOf(q)>=0)&&(!v||r.getAttribute('data-verdict')===v)&&(!s||r.getAttribute('data-section')===s);
      r.hidden=!show; if(show) n++;
    });
    count.textContent=n+' of '+rows.length+' claims shown';
    chips.forEach(function(c){c.setAttribute('aria-pressed',String(c.getAttribute('data-verdict')===v));});
  }
  text.addEventListener('input',apply);verdict.addEventListener('change',apply);section.addEventListener('change',apply);
  chips.forEach(function(c){c.addEventListener('click',function(){var v=c.getAttribute('data-verdict');verdict.value=verdict.value===v?'':v;apply();});});
  apply();
})();
`;

export function renderHtml(report: Report, layout: GraphLayout | undefined): string {
  const H: string[] = [];
  H.push(`<!DOCTYPE html>`);
  H.push(`<!-- DO NOT EDIT: generated by src/report/html.ts (npm run report) -->`);
  H.push(`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  H.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`);
  H.push(`<link rel="icon" href="data:,"><title>Verification report</title><style>${CSS}</style></head><body>`);
  H.push(`<header><h1>Verification report</h1>`);
  if (!report.complete) {
    H.push(`<div class="status bad" id="status">No report: an input is missing. Nothing here is a verdict.<ul>`);
    for (const m of report.missing) H.push(`<li><code>${esc(m.file)}</code> is missing: run <code>${esc(m.command)}</code> (the ${esc(m.stage)} stage), or <code>npm run verify</code>.</li>`);
    H.push(`</ul></div></header>`);
    H.push(`<main><table id="claims"><tbody></tbody></table></main></body></html>`);
    return H.join("\n");
  }
  const s = report.summary;
  H.push(
    `<p class="meta">Generated ${esc(report.generatedAt)}${report.toolchain ? ` with Lean ${esc(report.toolchain.leanVersion)} (${esc(report.toolchain.kind)}, ${esc(report.toolchain.package)})` : ""}. Inputs: ${esc(report.inputs.registry)}, ${esc(report.inputs.proofs.file)}, ${esc(report.inputs.numeric.file)}.${report.only ? ` Narrowed to ${esc(report.only.join(", "))}.` : ""}</p>`,
  );
  H.push(
    s.ok
      ? `<div class="status ok" id="status">All ${s.claims} claims have their expected verdict; no conflict, no cross-check mismatch, no changed statement.</div>`
      : `<div class="status bad" id="status">${esc(
          [
            s.unexpected.length ? `${s.unexpected.length} unexpected verdict(s): ${s.unexpected.join(", ")}` : "",
            s.conflicts.length ? `${s.conflicts.length} conflict(s): ${s.conflicts.join(", ")}` : "",
            s.mismatches ? `${s.mismatches} cross-check mismatch(es)` : "",
            s.fingerprintChanges ? `${s.fingerprintChanges} changed statement(s)` : "",
          ]
            .filter(Boolean)
            .join("; "),
        )}</div>`,
  );
  H.push(`</header><main>`);
  H.push(`<h2>Summary</h2><div class="chips" id="summary">`);
  for (const v of VERDICTS) {
    H.push(`<button type="button" class="chip" data-verdict="${v}" title="${esc(VERDICT_MEANING[v])}" aria-pressed="false">${badge(v)}<span class="n">${s.verdicts[v]}</span></button>`);
  }
  H.push(`</div><p class="meta">${s.claims} claims, ${s.asExpected} with their expected verdict. Click a verdict to filter the table.</p>`);

  const unexpected = report.claims.filter((c) => !c.asExpected);
  if (unexpected.length > 0) {
    H.push(`<h2>Unexpected verdicts</h2><ul id="unexpected">`);
    for (const c of unexpected) H.push(`<li><a href="#${anchor(c.id)}"><strong>${esc(c.id)}</strong></a> ${badge(c.verdict)} expected ${badge(c.expected)}: ${inline(c.reasons.join("; "))}</li>`);
    H.push(`</ul>`);
  }

  if (report.mismatches.length > 0) {
    H.push(`<h2>Cross-check mismatches and statement fingerprints</h2><ul id="mismatches">`);
    for (const m of report.mismatches.filter((x) => x.code !== "REP005" || x.entry === undefined)) {
      H.push(`<li class="mismatch"><span class="${m.severity === "error" ? "bad" : "meta"}">${m.severity} ${esc(m.code)}</span> ${esc(`${m.range.file}:${m.range.line}:${m.range.column}`)}: ${inline(m.message)}</li>`);
    }
    const unpinned = unpinnedNames(report);
    if (unpinned.length > 0) {
      H.push(`<li class="mismatch"><span class="meta">warning REP005</span> ${unpinned.length} statement${unpinned.length === 1 ? " is" : "s are"} not pinned yet; pin with <code>npm run report -- --pin</code> after checking them. <details><summary>show</summary>${unpinned.map((n) => `<code>${esc(n)}</code>`).join(", ")}</details></li>`);
    }
    H.push(`</ul>`);
  }

  H.push(`<h2>Claims</h2><div class="controls">`);
  H.push(`<input id="filter" type="search" placeholder="Filter by id, title, declaration…" aria-label="Filter claims">`);
  H.push(`<select id="verdict-filter" aria-label="Verdict"><option value="">all verdicts</option>${VERDICTS.map((v) => `<option value="${v}">${v}</option>`).join("")}</select>`);
  H.push(`<select id="section-filter" aria-label="Section"><option value="">all sections</option>${report.sections.map((x) => `<option value="${esc(x.id)}">${esc(x.id)} ${esc(x.title)}</option>`).join("")}</select>`);
  H.push(`<span id="shown" class="meta"></span></div>`);
  H.push(`<table id="claims"><thead><tr><th>id</th><th>claim</th><th>section</th><th>kind</th><th>verdict</th><th>expected</th><th>parts</th><th>Lean</th><th>numeric</th></tr></thead><tbody>`);
  for (const c of report.claims) {
    const search = [c.id, c.title, c.paraphrase, c.kind, c.verdict, ...c.declarations.map((d) => d.name)].join(" ").toLowerCase();
    H.push(
      `<tr data-id="${esc(c.id)}" data-verdict="${c.verdict}" data-section="${esc(c.section)}" data-search="${esc(search)}"${c.asExpected ? "" : ' class="unexpected-row"'}>` +
        `<td><a href="#${anchor(c.id)}">${esc(c.id)}</a></td><td>${esc(c.title)}</td><td>${esc(c.section)}</td><td>${esc(c.kind)}</td><td>${badge(c.verdict)}</td>` +
        `<td>${c.asExpected ? "✓" : `<span class="unexpected">${esc(c.expected)}</span>`}</td><td>${esc(partsCell(c))}</td>` +
        `<td>${c.declarations.length ? c.declarations.map((d) => `<code>${esc(d.name.replace(/^Sym\./, ""))}</code>`).join("<br>") : "—"}</td><td>${esc(numericCell(c))}</td></tr>`,
    );
  }
  H.push(`</tbody></table>`);

  H.push(mutationHtml(report.mutation, esc));

  H.push(`<h2>Dependency graph</h2><p class="meta">An arrow from A to B means B depends on A. Click a node for its panel. A red border marks an unexpected verdict.</p>`);
  H.push(`<div class="legend">${VERDICTS.map((v) => badge(v)).join(" ")}</div>`);
  H.push(`<div class="graph-wrap">${layout ? renderGraphSvg(report, layout) : "<p>No layout.</p>"}</div>`);

  const plain = plainWordsClaims(report);
  if (plain.length > 0) {
    H.push(`<h2>Conjectures, refutations and open points in plain words</h2><ul id="plain">`);
    for (const c of plain) {
      H.push(`<li><a href="#${anchor(c.id)}"><strong>${esc(c.id)}</strong></a> ${badge(c.verdict)} ${esc(c.title)}: ${inline(plainOutcome(c))}${c.note && !c.outcome.includes(c.note) ? ` ${inline(noteText(c))}` : ""}</li>`);
    }
    H.push(`</ul>`);
  }

  const sections = new Map(report.sections.map((x) => [x.id, x.title]));
  H.push(`<h2>Claims in detail</h2>`);
  for (const sec of report.sections) {
    const cs = report.claims.filter((c) => c.section === sec.id);
    if (cs.length === 0) continue;
    H.push(`<h3 class="meta">Section ${esc(sec.id)} ${esc(sections.get(sec.id) ?? "")}</h3>`);
    for (const c of cs) H.push(panel(c));
  }
  H.push(`</main><footer>Verdict rules: docs/verdicts.md. Generated by src/report (npm run report).</footer>`);
  H.push(`<script>${SCRIPT}</script></body></html>`);
  return H.join("\n");
}
