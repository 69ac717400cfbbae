// The report's style sheet: one screen, a phone (cards instead of wide tables) and print.
// Kept as one rule set per line, in the page as written here.
export const REPORT_CSS = [
  ':root{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#f6f7fb;line-height:1.35}',
  'body{margin:0 auto;max-width:960px;padding:16px}',
  'h1{font-size:1.5rem;margin:.2em 0}h2{font-size:1.1rem;margin:0 0 .6em}',
  '.sub{color:#5b6475;margin:0 0 1em}',
  '/* six figure cards: one row on a wide screen, two rows of three in print, three of two on a phone */',
  '.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;margin-bottom:14px}',
  '@media (min-width:880px){.cards{grid-template-columns:repeat(6,1fr)}}',
  '.card{background:#fff;border-radius:10px;padding:12px;box-shadow:0 1px 2px #0002}',
  '.card b{display:block;font-size:1.25rem;margin-top:4px}',
  'section{background:#fff;border-radius:10px;padding:14px;margin-bottom:14px;' +
    'box-shadow:0 1px 2px #0002;overflow-x:auto}',
  'table{border-collapse:collapse;width:100%;font-size:.92rem;margin-top:10px}' +
    'td,th{padding:6px 8px;border-bottom:1px solid #e5e8ef;text-align:right;white-space:nowrap}',
  'td:first-child,th:first-child{text-align:left}th{color:#5b6475;font-weight:600}',
  '.bars{display:grid;grid-template-columns:minmax(5em,max-content) minmax(60px,1fr) max-content;' +
    'gap:6px 10px;align-items:center;font-size:.9rem}',
  '.bar{display:contents}.bar svg{width:100%;height:16px;display:block}.bar .l{overflow-wrap:anywhere}' +
    '.bar .v{color:#5b6475;white-space:nowrap}',
  '.note,.none{color:#5b6475;font-size:.9rem}',
  'small{color:#1f9d74;font-weight:600}',
  '@media (max-width:560px){',
  ' body{padding:10px}.cards{grid-template-columns:repeat(2,1fr)}',
  ' .bars{grid-template-columns:minmax(4.5em,max-content) 1fr}.bar .v{grid-column:2;margin-top:-4px}',
  ' table,tbody,tr,td{display:block}thead{display:none}',
  ' tr{border-bottom:1px solid #e5e8ef;padding:4px 0}td{border:0;padding:2px 0;text-align:right;white-space:normal}',
  ' td::before{content:attr(data-label);float:left;color:#5b6475;font-weight:600;padding-right:1em}',
  ' td:first-child{font-weight:600;text-align:left}td:first-child::before{content:none}',
  '}',
  '@media print{:root{background:#fff}body{max-width:none}' +
    'section,.card{box-shadow:none;border:1px solid #ccd;break-inside:avoid}section{overflow:visible}' +
    'td,th{white-space:normal}.bar svg{print-color-adjust:exact;-webkit-print-color-adjust:exact}}',
].join('\n');
