// columns.mjs: the command line that runs a workload program in a column
// (run.mjs's jobs, placement.mjs): the wasm32-wasi-vfs module through the
// shipped runner ("vfs"), the vfs core natively ("core"), the wasm32-wasi
// module on Node's WASI over a tmpfs folder ("wasi"), the program natively
// on tmpfs ("native"), or a peer (peers.mjs).
import fs from "node:fs";
import path from "node:path";
import { tmpfsRoot } from "./common.mjs";
import { PEER_COLUMNS, peerCommand } from "./peers.mjs";

// The command line for prog with args in column col; ROOT (the directory
// the program may fill) goes after the workload name. o.build is the
// build, o.runner the runner's command line (common.mjs's wasiRunner),
// o.jit the peers' engine mode. cleanup() after.
export function columnCommand(o, col, prog, args) {
  const B = path.join(o.build, "bench");
  const runner = o.runner;
  const [w, ...rest] = args;
  if (col in PEER_COLUMNS) return peerCommand(o, col, prog, args);
  if (col === "vfs")
    return { argv: [...runner, path.join(B, "wasm32-wasi-vfs", `${prog}.wasm`), w, "/tmp/bench", ...rest],
             cleanup() {} };
  if (col === "core")
    return { argv: [path.join(B, "core", prog), w, "/tmp/bench", ...rest], cleanup() {} };
  const tmp = tmpfsRoot();
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  if (col === "wasi")
    return { argv: [...runner, "--dir", `${tmp}::/bench`, path.join(B, "wasm32-wasi", `${prog}.wasm`),
                    w, "/bench/w", ...rest], cleanup };
  return { argv: [path.join(B, "native", prog), w, path.join(tmp, "w"), ...rest], cleanup };
}
