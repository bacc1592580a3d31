// The merchant dashboard: one static page that reads the GraphQL API with the merchant's token
// (from the URL fragment, which never reaches a server log, or typed in).
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>posledger — merchant dashboard</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733;background:#f6f8fa}
h1{font-size:1.4rem} table{border-collapse:collapse;margin:1rem 0;background:#fff}
td,th{padding:.35rem .8rem;border:1px solid #d0d7de;text-align:right} th{background:#eef2f6} td:first-child,th:first-child{text-align:left}
#error{color:#b42318} .muted{color:#667085;font-size:.85rem}
</style></head><body>
<h1>Merchant dashboard</h1>
<form id="login"><label>Reports token <input id="token" type="password" size="50" autocomplete="off"></label> <button>Show</button></form>
<p id="error" role="alert"></p>
<h2>Balances</h2><table id="balances"><thead><tr><th>Currency</th><th>Pending</th><th>Settled</th><th>Fees</th><th>Available</th></tr></thead><tbody></tbody></table>
<h2>Sales by day (last 7 days)</h2><table id="by-day"><thead><tr><th>Day</th><th>Count</th><th>Gross</th><th>Refunds</th><th>Voids</th><th>Fees</th><th>Net</th></tr></thead><tbody></tbody></table>
<h2>Sales by payment method (last 7 days)</h2><table id="by-method"><thead><tr><th>Method</th><th>Count</th><th>Gross</th><th>Refunds</th><th>Voids</th><th>Fees</th><th>Net</th></tr></thead><tbody></tbody></table>
<h2>Terminal sequence gaps</h2><table id="sequences"><thead><tr><th>Terminal</th><th>Waiting for</th><th>Events held</th><th>Waiting since</th><th>Gaps skipped</th><th>Last gap skipped</th></tr></thead><tbody></tbody></table>
<p class="muted" id="updated"></p>
<script>
const EXPONENT = { JPY: 0, KRW: 0, VND: 0, KWD: 3, BHD: 3, OMR: 3, JOD: 3 };
function fmt(m) {
  const e = EXPONENT[m.currency] ?? 2; let v = BigInt(m.minor); const neg = v < 0n; if (neg) v = -v;
  const s = v.toString().padStart(e + 1, '0'); const whole = e ? s.slice(0, -e) : s; const frac = e ? '.' + s.slice(-e) : '';
  return (neg ? '-' : '') + whole.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',') + frac + ' ' + m.currency;
}
function cell(text) { const td = document.createElement('td'); td.textContent = text; return td; }
function fill(id, rows) {
  const body = document.querySelector('#' + id + ' tbody'); body.replaceChildren();
  for (const r of rows) { const tr = document.createElement('tr'); r.forEach((t) => tr.appendChild(cell(t))); body.appendChild(tr); }
}
const BUCKET = 'key count gross{currency minor} refunds{currency minor} voids{currency minor} fees{currency minor} net{currency minor}';
async function load() {
  const token = sessionStorage.getItem('posledger-token'); if (!token) return;
  const to = new Date(Date.now() + 86400000).toISOString(); const from = new Date(Date.now() - 7 * 86400000).toISOString();
  const query = '{ balances { currency pending{currency minor} settled{currency minor} fees{currency minor} available{currency minor} }'
    + ' byDay: salesSummary(from: "' + from + '", to: "' + to + '", groupBy: DAY) { ' + BUCKET + ' }'
    + ' byMethod: salesSummary(from: "' + from + '", to: "' + to + '", groupBy: PAYMENT_METHOD) { ' + BUCKET + ' }'
    + ' sequences: terminalSequences { terminalId nextSequence parkedCount waitingSince skippedGaps lastSkippedGap { from to reason skippedAt } } }';
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body: JSON.stringify({ query }) });
  const out = await res.json();
  document.getElementById('error').textContent = out.errors ? out.errors.map((e) => e.message).join('; ') : '';
  if (!out.data) return;
  fill('balances', out.data.balances.map((b) => [b.currency, fmt(b.pending), fmt(b.settled), fmt(b.fees), fmt(b.available)]));
  const row = (b) => [b.key, String(b.count), fmt(b.gross), fmt(b.refunds), fmt(b.voids), fmt(b.fees), fmt(b.net)];
  fill('by-day', out.data.byDay.map(row)); fill('by-method', out.data.byMethod.map(row));
  const gap = (g) => (g ? g.from + '-' + g.to + ' (' + g.reason + ', ' + g.skippedAt + ')' : '');
  const sequences = out.data.sequences.map((t) => [t.terminalId, String(t.nextSequence), String(t.parkedCount), t.waitingSince ?? '', String(t.skippedGaps), gap(t.lastSkippedGap)]);
  fill('sequences', sequences.length > 0 ? sequences : [['No terminal has held events behind a sequence gap', '', '', '', '', '']]);
  document.getElementById('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
}
const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromFragment) { sessionStorage.setItem('posledger-token', fromFragment); history.replaceState(null, '', location.pathname); }
document.getElementById('login').addEventListener('submit', (e) => { e.preventDefault(); sessionStorage.setItem('posledger-token', document.getElementById('token').value); load(); });
load(); setInterval(load, 3000);
</script></body></html>`;
