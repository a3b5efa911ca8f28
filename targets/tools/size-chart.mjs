// size-chart.mjs: the SVG bar chart of wasi-sizes.
//
//   sizeChart({ title, rows }) -> string (a standalone SVG document)
//     rows: [{ label,            the module (a triple, or LABEL=)
//              raw: { code, data, custom, other },  bytes of the module as
//                                built, by kind of section (+ 8 header)
//              opt,              bytes after wasm-opt -Oz and stripping,
//                                or null
//              gzip,             bytes of that, gzipped
//              delta,            text after the opt bar ("+7738 (+42%) vs
//                                wasm32-wasi"), or null
//              note }]           one line under the label (capabilities)
//   A row whose raw is null is drawn as its note alone ("does not build").
// Every module gets three bars on one scale (the largest raw module): the
// optimized module, the gzipped one, and the raw module split into code,
// data, custom sections and the rest, each with its byte count.

const COLORS = {
  code: '#3b6ea8',
  data: '#7fa7d1',
  custom: '#c9d6e3',
  other: '#9aa5b1',
  opt: '#d9822b',
  gzip: '#7a4a1a',
};
const FONT = 'font-family="DejaVu Sans, Verdana, sans-serif"';

function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function kb(n) {
  return n >= 10240 ? `${(n / 1024).toFixed(0)} KiB` : `${(n / 1024).toFixed(1)} KiB`;
}

export function sizeChart({ title, rows }) {
  const left = 190,
    barMax = 520,
    right = 210,
    width = left + barMax + right;
  const barH = 14,
    gap = 4,
    rowPad = 26;
  const total = (r) => r.raw.code + r.raw.data + r.raw.custom + r.raw.other + 8;
  const max = Math.max(1, ...rows.filter((r) => r.raw).map(total));
  const scale = (n) => Math.max(1, (n / max) * barMax);
  const out = [];
  let y = 48;
  for (const r of rows) {
    out.push(`<text x="12" y="${y + 12}" font-size="13" font-weight="bold" ${FONT}>${esc(r.label)}</text>`);
    if (r.note) out.push(`<text x="12" y="${y + 28}" font-size="10" fill="#555" ${FONT}>${esc(r.note)}</text>`);
    if (!r.raw) {
      y += 44;
      continue;
    }
    // the shipped module, then gzipped, then raw stacked by section kind
    let yy = y;
    for (const [k, n, what] of [
      ['opt', r.opt, '-Oz, stripped'],
      ['gzip', r.gzip, 'gzip -9'],
    ]) {
      if (n != null) {
        const w = scale(n);
        const extra = k === 'opt' && r.delta ? `   ${r.delta}` : '';
        out.push(
          `<rect x="${left}" y="${yy}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[k]}"><title>${what}: ${n} bytes</title></rect>`,
        );
        out.push(
          `<text x="${(left + w + 6).toFixed(1)}" y="${yy + 11}" font-size="11" ${FONT}>${what} ${n} (${kb(n)})${esc(extra)}</text>`,
        );
      }
      yy += barH + gap;
    }
    let x = left;
    for (const k of ['code', 'data', 'custom', 'other']) {
      const n = r.raw[k] + (k === 'other' ? 8 : 0);
      if (n <= 0) continue;
      const w = scale(n);
      out.push(
        `<rect x="${x.toFixed(1)}" y="${yy}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[k]}"><title>${k}: ${n} bytes</title></rect>`,
      );
      x += w;
    }
    out.push(
      `<text x="${(x + 6).toFixed(1)}" y="${yy + 11}" font-size="11" ${FONT}>as linked ${total(r)} (${kb(total(r))})</text>`,
    );
    y = yy + barH + rowPad;
  }
  // legend
  const legend = [
    ['opt', 'wasm-opt -Oz, stripped'],
    ['gzip', 'that, gzipped'],
    ['code', 'as linked: code'],
    ['data', 'data'],
    ['custom', 'custom sections'],
    ['other', 'other sections'],
  ];
  let lx = 12;
  const ly = y;
  for (const [k, text] of legend) {
    out.push(`<rect x="${lx}" y="${ly}" width="12" height="12" fill="${COLORS[k]}"/>`);
    out.push(`<text x="${lx + 16}" y="${ly + 10}" font-size="11" ${FONT}>${esc(text)}</text>`);
    lx += 22 + text.length * 6.5;
  }
  const height = ly + 28;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="24" font-size="16" font-weight="bold" ${FONT}>${esc(title)}</text>`,
    ...out,
    `</svg>`,
    '',
  ].join('\n');
}
