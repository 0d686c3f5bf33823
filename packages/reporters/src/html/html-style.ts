/** The HTML report's style: readable on a phone, light or dark as the device prefers, prints well. */
export const HTML_STYLE = `
:root{color-scheme:light dark;--fg:#1d2327;--muted:#5f6b76;--bg:#fbfbfc;--card:#fff;--line:#dde1e5;--band:#7fb0ff55;--old:#c9a22755}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8ea;--muted:#9aa5b1;--bg:#14171a;--card:#1d2126;--line:#333a41;--band:#4f86e066;--old:#a8862066}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:860px;margin:0 auto;padding:16px}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.1em;margin:1.4em 0 .5em}.meta,footer,.notes,.key{color:var(--muted);font-size:.9em}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px;margin:14px 0}
.figure{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px}.figure span{display:block;color:var(--muted);font-size:.85em}.figure strong{font-size:1.3em}
figure.chart{margin:18px 0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px}
figcaption{font-weight:600;margin-bottom:6px}svg{width:100%;height:auto;display:block;color:var(--fg)}
svg text{fill:currentColor;font-size:13px}svg .axis,svg .value{fill:var(--muted);font-size:12px}svg .grid{stroke:var(--line)}
svg .band{fill:var(--band)}svg .band.old{fill:var(--old)}svg .lights.covered{fill:#2e9d4f}svg .lights.uncovered{fill:#d33a2c}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-1px;margin:0 4px 0 10px}.swatch.band{background:var(--band)}.swatch.old{background:var(--old)}.swatch.covered{background:#2e9d4f}.swatch.uncovered{background:#d33a2c}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;background:var(--card);font-variant-numeric:tabular-nums}
th,td{padding:5px 9px;border-bottom:1px solid var(--line);white-space:nowrap}th{text-align:left;font-weight:600}.right{text-align:right}
.warnings li{margin:.3em 0}code{font-size:.85em;color:var(--muted)}footer{margin:28px 0 8px}
@media (max-width:520px){main{padding:10px}svg text{font-size:19px}svg .axis,svg .value{font-size:17px}}
@media print{main{max-width:none}figure.chart,.figure{break-inside:avoid}}
`;
