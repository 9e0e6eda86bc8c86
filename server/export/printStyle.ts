/** The HTML report's stylesheet: readable on screen, and a clean document when printed to PDF. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --rule: #d5d9e0; --accent: #2f5d9e; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.2rem; margin-top: 1.8rem; }
h4 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; border-top: 1px solid var(--rule); padding-top: .8rem; }
h5 { font-size: .95rem; margin: 1rem 0 .3rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
h6 { font-size: .9rem; margin: .8rem 0 .2rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .88rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f1f3f6; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85em; word-break: break-all; }
pre { background: #f6f7f9; padding: .6rem; overflow-x: auto; white-space: pre-wrap; }
blockquote { margin: .6rem 0; padding: .2rem .9rem; border-left: 4px solid var(--rule); color: #333a48; }
.note { color: var(--muted); font-size: .9rem; }
.warn { background: #fff4e5; border-left: 4px solid #d97706; padding: .4rem .8rem; }
.flag { display: inline-block; background: #b42318; color: #fff; font-size: .75rem; font-weight: 600;
  padding: 0 .35rem; border-radius: 3px; margin-right: .3rem; }
.tier { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: -1px;
  margin-right: .25rem; border: 1px solid rgba(0,0,0,.25); }
.narrative { border-left: 3px solid var(--accent); padding-left: .9rem; }
figure { margin: .8rem 0 1.2rem; }
figcaption { color: var(--muted); font-size: .85rem; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  a { color: inherit; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); word-break: break-all; }
  h2, h3, h4, h5 { break-after: avoid; }
  table, figure, blockquote { break-inside: avoid; }
  section.risk { break-before: page; }
  section.summary, section.criteria { break-before: page; }
}
`;
