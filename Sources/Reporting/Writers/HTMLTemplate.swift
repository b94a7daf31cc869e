/// The Mustache template of `index.html`: one self-contained page (inline CSS, figures
/// inline as SVG so tooltips and DOI links work), readable on screen and in print.
enum HTMLTemplate {
    static let page = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Siloscope">
<title>{{title}} — Siloscope report</title>
<style>
:root { --ink:#1d2430; --muted:#5b6576; --rule:#d9dee7; --accent:#0072B2; --bg:#ffffff; --panel:#f6f8fb; }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.55 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color:var(--ink); background:var(--bg); }
header { padding: 28px 40px 18px; border-bottom: 3px solid var(--accent); background: var(--panel); }
header h1 { margin: 0 0 6px; font-size: 28px; line-height:1.25; }
header p { margin: 0; color: var(--muted); }
.layout { display: grid; grid-template-columns: 230px minmax(0, 1fr); gap: 0; }
nav { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; padding: 22px 18px 22px 40px; font-size: 14px; }
nav ol { padding-left: 18px; margin: 0; }
nav li { margin: 4px 0; }
nav a { color: var(--ink); text-decoration: none; }
nav a:hover { color: var(--accent); text-decoration: underline; }
main { padding: 10px 40px 60px 24px; max-width: 1100px; }
h2 { margin-top: 38px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); font-size: 22px; }
h3 { font-size: 17px; margin: 26px 0 8px; }
p { margin: 10px 0; }
.caption { color: var(--muted); font-size: 14px; margin-top: 6px; }
.tablewrap { display: inline-block; vertical-align: top; max-width: 100%; min-width: 40%; overflow-x: auto; border: 1px solid var(--rule); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; position: sticky; top: 0; }
th.num { text-align: right; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:last-child td { border-bottom: none; }
figure { margin: 18px 0 26px; padding: 12px; border: 1px solid var(--rule); border-radius: 6px; background: #fff; }
figure .svg { overflow-x: auto; text-align: center; }
figure .svg svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 14px; margin-top: 8px; }
figcaption a { color: var(--accent); }
dl.params { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; font-size: 14px; }
dl.params dt { font-weight: 600; }
dl.params dd { margin: 0; font-family: "DejaVu Sans Mono", monospace; }
ul.refs li { margin: 4px 0; font-size: 14px; }
footer { color: var(--muted); font-size: 13px; border-top: 1px solid var(--rule); margin-top: 40px; padding-top: 10px; }
{{{mapCSS}}}
@media (max-width: 800px) { .layout { grid-template-columns: 1fr; } nav { position: static; max-height: none; padding: 12px 20px; } main { padding: 10px 20px; } }
@media print { nav { display: none; } .layout { grid-template-columns: 1fr; } figure { break-inside: avoid; } }
</style>
</head>
<body>
<header>
<h1>{{title}}</h1>
<p>Source: {{source}}</p>
</header>
<div class="layout">
<nav aria-label="Contents">
<strong>Contents</strong>
<ol>
{{#sections}}<li><a href="#{{anchor}}">{{title}}</a></li>
{{/sections}}{{#hasMethods}}<li><a href="#methods">Methods</a></li>
{{/hasMethods}}{{#hasParameters}}<li><a href="#parameters">Parameters</a></li>
{{/hasParameters}}{{#hasReferences}}<li><a href="#references">References</a></li>
{{/hasReferences}}</ol>
</nav>
<main>
{{#sections}}
<section id="{{anchor}}">
<h2>{{title}}</h2>
{{#blocks}}
{{#paragraph}}<p>{{text}}</p>
{{/paragraph}}
{{#bullets}}<ul>
{{#items}}<li>{{.}}</li>
{{/items}}</ul>
{{/bullets}}
{{#table}}<h3 id="table-{{name}}">{{title}}</h3>
{{#shown}}<div class="tablewrap"><table>
<thead><tr>{{#columns}}<th{{#numeric}} class="num"{{/numeric}}>{{name}}</th>{{/columns}}</tr></thead>
<tbody>
{{#rows}}<tr>{{#cells}}<td{{#numeric}} class="num"{{/numeric}}>{{text}}</td>{{/cells}}</tr>
{{/rows}}</tbody>
</table></div>
{{/shown}}<p class="caption">{{caption}} {{note}} <a href="tables/{{name}}.csv">tables/{{name}}.csv</a></p>
{{/table}}
{{#figure}}<figure id="figure-{{name}}"{{#map}} data-map="{{name}}"{{/map}}>
<h3>{{title}}</h3>
{{#map}}<script type="application/json" class="map-data">{{{json}}}</script>
{{/map}}<div class="svg">{{{svg}}}</div>
<figcaption>{{caption}} Files: <a href="figures/{{name}}.svg">SVG</a> · <a href="figures/{{name}}.pdf">PDF</a> · <a href="figures/{{name}}.png">PNG</a>{{#hasNetwork}} · network for <a href="figures/{{name}}.gexf">Gephi (GEXF)</a> · <a href="figures/{{name}}.vosviewer.json">VOSviewer (JSON)</a>{{/hasNetwork}}</figcaption>
</figure>
{{/figure}}
{{/blocks}}
</section>
{{/sections}}
{{#hasMethods}}<section id="methods"><h2>Methods</h2>
{{#methods}}<p>{{.}}</p>
{{/methods}}</section>{{/hasMethods}}
{{#hasParameters}}<section id="parameters"><h2>Parameters</h2>
<dl class="params">
{{#parameters}}<dt>{{key}}</dt><dd>{{value}}</dd>
{{/parameters}}</dl></section>{{/hasParameters}}
{{#hasReferences}}<section id="references"><h2>References</h2>
<ul class="refs">
{{#references}}<li>{{.}}</li>
{{/references}}</ul></section>{{/hasReferences}}
<footer>Generated by Siloscope from the files in <code>Datasets/{{name}}</code>. Machine-readable results: <a href="metrics.json">metrics.json</a>; tables in <code>tables/</code>; figures in <code>figures/</code>.</footer>
</main>
</div>
{{#hasMaps}}<script>
{{{mapScript}}}</script>
{{/hasMaps}}</body>
</html>
"""#
}
