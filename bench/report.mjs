// report.mjs: a run's results as Markdown tables (results.md, ready to
// paste into RESULTS.md).
//
//   report(result, goals, columns) -> string
import { BULK, META } from "./goals.mjs";

const COLS = ["vfs", "wasi", "native", "core"];

function num(x, unit) {
  if (x === undefined || x === null || Number.isNaN(x)) return "–";
  if (unit === "MiB/s") return x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1);
  if (x >= 1000) return Math.round(x).toLocaleString("en-US");
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function ratio(g) {
  if (!g) return "–";
  const v = g.unit === "%" ? `${(g.ratio * 100).toFixed(0)}%` : g.unit === "B"
    ? `${g.ratio.toLocaleString("en-US")} B` : g.unit === "ms" ? `${g.ratio.toFixed(2)} ms`
    : `${g.ratio >= 10 ? g.ratio.toFixed(0) : g.ratio.toFixed(2)}x`;
  return g.met ? v : `**${v}**`;
}

function table(head, rows) {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`,
          ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function goalText(g) {
  const t = g.unit === "%" ? `${g.target * 100}%` : g.unit === "B" ? `${g.target} B`
    : g.unit === "ms" ? `${g.target} ms` : `${g.target}x`;
  return `${{ ">=": "≥", ">": ">", "<=": "≤" }[g.op]} ${t}`;
}

export function report(result, goals, columns) {
  const out = [];
  const m = result.machine;
  const med = result.med || {};
  const find = (what) => goals.find((g) => g.what === what);
  out.push(`## Machine\n`);
  out.push(table(["", ""], [
    ["CPU", `${m.cpu}, ${m.cores} cores`], ["memory", m.memory], ["kernel", m.kernel],
    ["Node.js", m.node], ["clang", m.clang], ["tmpfs", m.tmpfs], ["date", m.date],
    ["scale, repetitions", `${result.scale}, ${result.reps} (medians; repetitions interleaved across columns)`],
    ["clock", result.clock], ["engine settings (wasm columns)", result.engine],
  ]));
  out.push(`\nColumns: ${COLS.map((c) => `**${c}** = ${columns[c]}`).join("; ")}. ` +
           `Bold ratios miss their goal.\n`);

  if (Object.keys(med).some((k) => k.startsWith("meta."))) {
    out.push(`## Metadata (ns per operation, lower is better)\n`);
    const rows = [];
    for (const [key, what] of META) {
      if (!med[key]) continue;
      rows.push([what, (result.counts[key] || 0).toLocaleString("en-US"),
                 ...COLS.map((c) => num(med[key][c])),
                 ratio(find(`${what}: vs wasm32-wasi`)), ratio(find(`${what}: vs native`))]);
    }
    if (med["ref.clock"])
      rows.push(["*one read of the wall clock (reference)*", (result.counts["ref.clock"] || 0).toLocaleString("en-US"),
                 ...COLS.map((c) => num(med["ref.clock"][c])), "", ""]);
    out.push(table(["operation", "count", ...COLS, "vfs vs wasi (≥ 20x)", "vfs vs native (≥ 1x)"], rows));
    out.push(`\nThe clock row: clock_gettime(CLOCK_REALTIME) in each column. In the vfs column ` +
             `(through the host's clock_time_get) an operation on names or attributes reads it ` +
             `once for its timestamps; reads and writes mark their file's times, which a series ` +
             `of them stamps with one reading (vfs/include/vfs.h, vfs_read).\n`);
  }

  if (Object.keys(med).some((k) => (k.startsWith("bulk.") && !k.includes("@")) || k.startsWith("ref."))) {
    out.push(`## Bulk I/O (MiB/s, higher is better)\n`);
    const rows = [];
    const mibs = (key, c) => {
      const v = med[key]?.[c];
      if (v === undefined) return undefined;
      return result.units[key] === "MiB/s" ? v : 4096 / 1048576 / (v * 1e-9);
    };
    for (const [key, , what] of BULK) {
      if (!med[key]) continue;
      rows.push([what, ...COLS.map((c) => num(mibs(key, c), "MiB/s")),
                 ratio(find(`${what}: of in-wasm memcpy`))]);
    }
    for (const key of Object.keys(med).filter((k) => /^ref\.\w+_(in|out)_/.test(k)).sort()) {
      const [, kind, random, dir, chunk] = /^ref\.(\w+?)_(random_|fresh_)?(in|out)_(\d+k)$/.exec(key) || [];
      const label = `${kind === "memcpy" ? "memcpy" : "memory.copy (bulk memory)"} ` +
                    `${dir === "in" ? "into" : "out of"} ${random === "fresh_" ? "new " : ""}memory, ` +
                    `${random === "random_" ? "random " : ""}` +
                    `${chunk.replace("1024k", "1 MiB").replace(/(\d+)k/, "$1 KiB")}`;
      rows.push([`*${label}*`, ...COLS.map((c) => num(mibs(key, c), "MiB/s")), ""]);
    }
    out.push(table(["workload", ...COLS, "vfs of memcpy (≥ 50%)"], rows));
    out.push(`\nmemcpy rows: in the vfs column, the vfs triple's memcpy inside the module (the ` +
             `one the vfs core's copies use: memory.copy from 128 bytes on); in the native ` +
             `column, glibc's. Random 4 KiB operations are converted to MiB/s.\n`);
  }

  const sizes = Object.keys(med).filter((k) => /^ref\.memcpy_size_\d+$/.test(k))
    .map((k) => +k.split("_").pop()).sort((a, b) => a - b);
  if (sizes.length) {
    out.push(`## Copies (ns per copy, lower is better)\n`);
    const rows = sizes.map((z) => [`${z.toLocaleString("en-US")} B`,
      num(med[`ref.memcpy_size_${z}`].vfs), num(med[`ref.memcpy_size_${z}`].wasi),
      num(med[`ref.memorycopy_size_${z}`]?.vfs), num(med[`ref.memcpy_size_${z}`].native)]);
    out.push(table(["size", "vfs triple's memcpy", "wasi-libc's memcpy (wasm32-wasi)",
                    "memory.copy at every size", "glibc's memcpy (native)"], rows));
    out.push(`\n\`bulk memcpy-sizes\`: copies between random places of a touched 1 MiB area.\n`);
  }

  const ap = ["bulk.append@small", "bulk.append@big"].filter((k) => med[k]);
  if (ap.length || med["meta.dirops_big"]) {
    out.push(`## Scaling (ns per operation)\n`);
    const rows = [];
    for (const k of ap)
      rows.push([`one-byte append, ${result.counts[k].toLocaleString("en-US")} appends`,
                 ...COLS.map((c) => num(med[k][c]))]);
    for (const k of ["meta.dirops_empty", "meta.dirops_big"])
      if (med[k])
        rows.push([k === "meta.dirops_big"
                     ? `create + stat + unlink in a directory of ${result.counts["meta.readdir"].toLocaleString("en-US")}`
                     : "create + stat + unlink in an empty directory",
                   ...COLS.map((c) => num(med[k][c]))]);
    out.push(table(["workload", ...COLS], rows));
    out.push("");
  }

  const s = result.startup;
  if (s && s.table) {
    out.push(`## Start-up of a wasm32-wasi-vfs module with a file image (ms, medians of 7)\n`);
    out.push(s.table.trim());
    out.push(`\nMeasured by tests/streams/startup.mjs on tests/streams/startup.c, its image packed ` +
             `after linking (wasi-vfs-pack).\n`);
  } else if (s && (s.skipped || s.error)) {
    out.push(`## Start-up\n\n${s.skipped || s.error}\n`);
  }

  const mem = result.memory;
  if (mem && mem.wasm32) {
    out.push(`## Memory held by the vfs core\n`);
    const row = (k, what, unit) => [what, ...["wasm32", "native"].flatMap((a) =>
      [mem[a][k] ? `${num(mem[a][k].v)} ${unit}` : "–", mem[a][`${k}_heap`] ? `${num(mem[a][`${k}_heap`].v)} ${unit}` : "–"])];
    out.push(table(["", "wasm32: requested", "wasm32: heap", "native 64-bit: requested", "native 64-bit: heap"], [
      row("memory.empty_file", `per empty file (${mem.files.toLocaleString("en-US")} in one directory)`, "B"),
      row("memory.small_file", `per 100-byte file (${mem.files.toLocaleString("en-US")} in one directory)`, "B"),
      row("memory.dir_entry", "per directory entry (hard links)", "B"),
      row("memory.big_file_overhead", `overhead of a ${mem.size / 1048576} MiB file`, "%"),
      [`an empty filesystem`, `${num(mem.wasm32["memory.fs_created"]?.v)} B`, "", `${num(mem.native["memory.fs_created"]?.v)} B`, ""],
    ]));
    out.push(`\nrequested: the bytes the core asks its allocator for; heap: the blocks the C ` +
             `library's allocator set aside for them (malloc_usable_size) plus one header word each.\n`);
  }

  const z = result.size;
  if (z && z.programs) {
    out.push(`## Module size (bytes, -Oz, stripped)\n`);
    out.push(table(["program", "wasm32-wasi", "wasm32-wasi-vfs", "added", "goal"],
      z.programs.map((r) => {
        const g = find(`${r.name}.c: bytes wasm32-wasi-vfs adds`);
        return [`tests/overlay/size/${r.name}.c`, r["wasm32-wasi"].toLocaleString("en-US"),
                r["wasm32-wasi-vfs"].toLocaleString("en-US"), g ? ratio(g) : `${r.added.toLocaleString("en-US")} B`,
                g ? goalText(g) : ""];
      })));
    if (typeof z.features === "string") out.push(`\nPer feature:\n\n${z.features.trim()}\n`);
    out.push("");
  }

  const q = result.sqlite;
  if (q && q.med) {
    out.push(`## SQLite speedtest1 (--size ${q.size}, seconds, lower is better)\n`);
    const cols = ["vfs", "vfs-dotfile", "wasi", "native"];
    const rows = Object.entries(q.med).map(([k, v]) => [k === "TOTAL" ? "**TOTAL**" : k,
      ...cols.map((c) => (v[c] === undefined ? "–" : v[c].toFixed(3)))]);
    out.push(table(["test", "vfs", "vfs, unix-dotfile", "wasi (unix-dotfile)", "native"], rows));
    out.push("");
  } else if (q && (q.skipped || q.error)) {
    out.push(`## SQLite speedtest1\n\n${q.skipped || q.error}\n`);
  }

  if (goals.length) {
    out.push(`## Every goal\n`);
    out.push(table(["group", "goal", "measured", "target", "from", "met"],
      goals.map((g) => [g.group, g.what, ratio(g), goalText(g), g.detail, g.met ? "yes" : "**no**"])));
    const met = goals.filter((g) => g.met).length;
    out.push(`\n${met} of ${goals.length} goals met.\n`);
  }
  return out.join("\n") + "\n";
}
