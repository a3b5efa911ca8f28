// goals.mjs: the goals, as ratios computed from a run's medians.
//
//   goalsOf(result) -> [{ group, what, ratio, target, op, met, detail }]
//     ratio   the measured ratio (a speed-up, a fraction, a growth factor,
//             or bytes)
//     op      ">=", ">" or "<=": met when ratio op target
//     detail  the two figures the ratio comes from
// A goal whose figures are missing from the run is left out.

// Metadata results: the vfs column must be >= 20x the wasm32-wasi column
// and faster than native.
export const META = [
  ["meta.create", "create + write + close"],
  ["meta.stat_read", "stat + open + read + close"],
  ["meta.unlink", "unlink"],
  ["meta.rename", "rename"],
  ["meta.mkdir_deep", "mkdir, deep chain"],
  ["meta.rmdir_deep", "rmdir, deep chain"],
  ["meta.mkdir_wide", "mkdir, wide"],
  ["meta.rmdir_wide", "rmdir, wide"],
  ["meta.readdir", "readdir, per entry"],
  ["meta.lookup", "stat, 20 levels deep"],
  ["meta.dirops_empty", "create + stat + unlink, empty dir"],
  ["meta.dirops_big", "create + stat + unlink, big dir"],
];

// Bulk results against the in-wasm memcpy of the same chunk size and
// direction (both measured in the vfs column).
export const BULK = [
  ["bulk.write_64k", "ref.memcpy_in_64k", "sequential write, 64 KiB"],
  ["bulk.read_64k", "ref.memcpy_out_64k", "sequential read, 64 KiB"],
  ["bulk.rewrite_64k", "ref.memcpy_in_64k", "sequential rewrite, 64 KiB"],
  ["bulk.write_1024k", "ref.memcpy_in_1024k", "sequential write, 1 MiB"],
  ["bulk.read_1024k", "ref.memcpy_out_1024k", "sequential read, 1 MiB"],
  ["bulk.rewrite_1024k", "ref.memcpy_in_1024k", "sequential rewrite, 1 MiB"],
  ["bulk.pread_4k", "ref.memcpy_random_out_4k", "random pread, 4 KiB"],
  ["bulk.pwrite_4k", "ref.memcpy_random_in_4k", "random pwrite, 4 KiB"],
];

// MiB/s of a result: ns/op results of 4 KiB operations convert.
function mibs(result, key, col) {
  const v = result.med?.[key]?.[col];
  if (v === undefined) return undefined;
  return result.units[key] === "MiB/s" ? v : 4096 / 1048576 / (v * 1e-9);
}

const fmt = (x, d = 1) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));

export function goalsOf(result) {
  const goals = [];
  const add = (g) => {
    g.met = g.op === ">=" ? g.ratio >= g.target : g.op === ">" ? g.ratio > g.target
                                                 : g.ratio <= g.target;
    goals.push(g);
  };
  const med = result.med || {};

  for (const [key, what] of META) {
    const m = med[key];
    if (!m || m.vfs === undefined) continue;
    if (m.wasi !== undefined)
      add({ group: "metadata", what: `${what}: vs wasm32-wasi`, ratio: m.wasi / m.vfs, target: 20,
            op: ">=", unit: "x", detail: `${fmt(m.wasi)} / ${fmt(m.vfs)} ns` });
    if (m.native !== undefined)
      add({ group: "metadata", what: `${what}: vs native`, ratio: m.native / m.vfs, target: 1,
            op: ">=", unit: "x", detail: `${fmt(m.native)} / ${fmt(m.vfs)} ns` });
  }

  for (const [key, ref, what] of BULK) {
    const v = mibs(result, key, "vfs"), c = mibs(result, ref, "vfs");
    if (v === undefined || c === undefined) continue;
    // a new file's pages are new memory: the copy into memory never
    // touched before (it faults in page by page) is shown beside
    const f = key.startsWith("bulk.write_") ? mibs(result, ref.replace("_in_", "_fresh_in_"), "vfs")
                                             : undefined;
    add({ group: "bulk", what: `${what}: of in-wasm memcpy`, ratio: v / c, target: 0.5, op: ">=",
          unit: "%", detail: `${fmt(v)} / ${fmt(c)} MiB/s` +
          (f ? `; ${Math.round((100 * v) / f)}% of memcpy into new memory (${fmt(f)} MiB/s)` : "") });
  }

  const a = med["bulk.append@small"], b = med["bulk.append@big"];
  if (a?.vfs && b?.vfs)
    add({ group: "scaling", what: `appends: time per append at ${result.counts["bulk.append@big"]} ` +
          `vs ${result.counts["bulk.append@small"]}`, ratio: b.vfs / a.vfs, target: 1.5, op: "<=",
          unit: "x", detail: `${fmt(b.vfs)} / ${fmt(a.vfs)} ns` });
  const e = med["meta.dirops_empty"], d = med["meta.dirops_big"];
  if (e?.vfs && d?.vfs)
    add({ group: "scaling", what: `directory operations: in ${result.counts["meta.readdir"]} ` +
          `entries vs empty`, ratio: d.vfs / e.vfs, target: 1.5, op: "<=", unit: "x",
          detail: `${fmt(d.vfs)} / ${fmt(e.vfs)} ns` });
  const s = result.startup;
  if (s?.rows) {
    const none = s.rows[s.none], many = s.rows[s.many];
    // flat: what the image adds stays under 1 ms (the phases take tens of
    // microseconds, where a ratio says little)
    for (const [k, what] of [["main", "_start to main"], ["open", "main to a file's first byte"]])
      add({ group: "scaling", what: `start-up, ${what}: ${s.many} minus ${s.none}`,
            ratio: many[k] - none[k], target: 1, op: "<=", unit: "ms",
            detail: `${fmt(many[k], 2)} - ${fmt(none[k], 2)} ms (${fmt(many[k] / none[k], 2)}x)` });
  }

  for (const row of result.size?.programs || []) {
    const limit = { tiny: 8192, most: 16384 }[row.name];
    if (limit)
      add({ group: "size", what: `${row.name}.c: bytes wasm32-wasi-vfs adds`, ratio: row.added,
            target: limit, op: "<=", unit: "B",
            detail: `${row["wasm32-wasi-vfs"]} - ${row["wasm32-wasi"]} B` });
  }

  const t = result.sqlite?.med?.TOTAL;
  if (t?.vfs && t?.wasi)
    add({ group: "sqlite", what: "speedtest1: vs wasm32-wasi", ratio: t.wasi / t.vfs, target: 1,
          op: ">", unit: "x", detail: `${fmt(t.wasi, 2)} / ${fmt(t.vfs, 2)} s` });
  return goals;
}
