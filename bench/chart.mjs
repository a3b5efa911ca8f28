// chart.mjs: the suite's SVG chart.
//
//   chart(result, goals, columns) -> string (a standalone SVG document)
// Panel 1: for each metadata operation, how many times faster the vfs
// column is than wasm32-wasi and than native (log scale; lines at the
// goals, 1x and 20x). Panel 2: bulk throughput of each column (MiB/s),
// with the in-wasm memcpy of the same chunk and direction marked.
import { BULK, META } from "./goals.mjs";

const FONT = `font-family="DejaVu Sans, Verdana, sans-serif"`;
const COLOR = { wasi: "#d9822b", native: "#3b6ea8", vfs: "#2e8b57", core: "#9aa5b1" };

function esc(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function text(x, y, s, extra = "") {
  const size = /font-size/.test(extra) ? "" : `font-size="11" `;
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${size}${FONT} ${extra}>${esc(s)}</text>`;
}

function rect(x, y, w, h, fill, title) {
  return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0.5, w).toFixed(1)}" ` +
         `height="${h}" fill="${fill}"><title>${esc(title)}</title></rect>`;
}

export function chart(result, goals, columns) {
  const med = result.med || {};
  const left = 230, plot = 520, width = left + plot + 120;
  const out = [];
  let y = 30;
  out.push(`<text x="12" y="${y}" font-size="15" font-weight="bold" ${FONT}>` +
           `wasm32-wasi-vfs: times faster than the host paths (log scale)</text>`);
  y += 22;
  // log axis from 0.1x to 10000x
  const lo = -1, hi = 4;
  const lx = (r) => left + ((Math.log10(Math.min(Math.max(r, 10 ** lo), 10 ** hi)) - lo) / (hi - lo)) * plot;
  const rows = META.filter(([k]) => med[k]?.vfs);
  const top = y;
  for (const [key, what] of rows) {
    out.push(text(12, y + 13, what));
    for (const col of ["wasi", "native"]) {
      const v = med[key][col];
      if (v !== undefined) {
        const r = v / med[key].vfs;
        out.push(rect(left, y, lx(r) - left, 8, COLOR[col], `vs ${columns[col]}: ${r.toFixed(1)}x`));
        out.push(text(lx(r) + 4, y + 8, `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}x`, `font-size="9"`));
      }
      y += 9;
    }
    y += 6;
  }
  for (const [t, label] of [[1, "1x (native goal)"], [20, "20x (wasm32-wasi goal)"]]) {
    out.push(`<line x1="${lx(t)}" y1="${top - 4}" x2="${lx(t)}" y2="${y}" stroke="#c00" stroke-dasharray="4 3"/>`);
    out.push(text(lx(t) + 3, top - 6, label, `font-size="9" fill="#c00"`));
  }
  for (let e = lo; e <= hi; e++) {
    out.push(`<line x1="${lx(10 ** e)}" y1="${y}" x2="${lx(10 ** e)}" y2="${y + 4}" stroke="#333"/>`);
    out.push(text(lx(10 ** e) - 8, y + 15, `${10 ** e}x`, `font-size="9"`));
  }
  y += 24;
  for (const [col, label] of [["wasi", `vs ${columns.wasi}`], ["native", `vs ${columns.native}`]]) {
    out.push(rect(left, y, 12, 10, COLOR[col], label));
    out.push(text(left + 16, y + 9, label));
    y += 14;
  }

  // panel 2: bulk throughput
  const bulk = BULK.filter(([k]) => med[k]?.vfs);
  if (bulk.length) {
    y += 20;
    out.push(`<text x="12" y="${y}" font-size="15" font-weight="bold" ${FONT}>Bulk I/O, MiB/s</text>`);
    y += 16;
    out.push(text(12, y, "red line: in-wasm memcpy (the ceiling); red dashes: half of it (the goal); " +
                  "grey dots: memcpy into new memory (a new file's pages are new)", `font-size="10"`));
    y += 14;
    const mibs = (key, c) => {
      const v = med[key]?.[c];
      if (v === undefined) return undefined;
      return result.units[key] === "MiB/s" ? v : 4096 / 1048576 / (v * 1e-9);
    };
    let max = 1;
    for (const [k, ref] of bulk)
      for (const c of ["vfs", "wasi", "native", "core"]) max = Math.max(max, mibs(k, c) || 0, mibs(ref, "vfs") || 0);
    const sx = (v) => left + (v / max) * plot;
    for (const [key, ref, what] of bulk) {
      const y0 = y;
      out.push(text(12, y + 13, what));
      for (const c of ["vfs", "wasi", "native", "core"]) {
        const v = mibs(key, c);
        if (v === undefined) continue;
        out.push(rect(left, y, sx(v) - left, 8, COLOR[c], `${columns[c]}: ${v.toFixed(0)} MiB/s`));
        out.push(text(sx(v) + 4, y + 8, `${v.toFixed(0)}`, `font-size="9"`));
        y += 9;
      }
      const c = mibs(ref, "vfs");
      const fresh = key.startsWith("bulk.write_") ? mibs(ref.replace("_in_", "_fresh_in_"), "vfs") : 0;
      if (fresh)
        out.push(`<line x1="${sx(fresh)}" y1="${y0 - 2}" x2="${sx(fresh)}" y2="${y + 1}" stroke="#666" stroke-width="2" stroke-dasharray="1 2"/>`);
      if (c) {
        out.push(`<line x1="${sx(c)}" y1="${y0 - 2}" x2="${sx(c)}" y2="${y + 1}" stroke="#c00" stroke-width="2"/>`);
        out.push(`<line x1="${sx(c / 2)}" y1="${y0 - 2}" x2="${sx(c / 2)}" y2="${y + 1}" stroke="#c00" stroke-dasharray="3 2"/>`);
      }
      y += 8;
    }
    y += 6;
    for (const c of ["vfs", "wasi", "native", "core"]) {
      out.push(rect(left, y, 12, 10, COLOR[c], columns[c]));
      out.push(text(left + 16, y + 9, columns[c]));
      y += 14;
    }
  }
  const height = y + 12;
  return [`<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="white"/>`, ...out, `</svg>`, ""].join("\n");
}
