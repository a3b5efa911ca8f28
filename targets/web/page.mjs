// page.mjs: the page's logic. Runs a wasm32-wasi-vfs module with
// wasi-shim.mjs (no filesystem); the files of /data live here between
// runs and go into each fresh instance before it runs and come out after:
// through the module's exports (wasi-vfs.mjs) when it has them, otherwise
// as tar archives on descriptors 3 and 4 (WASI_VFS_IN, WASI_VFS_OUT).
//
// The modules offered are listed in modules.json next to the page:
// [{ "file": "squish.wasm", "name": "...", "args": "-v" }, ...]. A person
// adds their own: a .wasm picked (#own-module) or dropped on the page is
// compiled here and offered as "NAME (yours)"; other files dropped go into
// /data, as picked ones (#file) do. After a run, document.body.dataset.runs
// counts the runs; dataset.loaded the files in /data, dataset.own the
// modules added (for tests).

import { WasiShim, missingImports } from './wasi-shim.mjs';
import { VfsModule } from './wasi-vfs.mjs';
import { concatBytes } from './js/bytes.mjs';
import { makeTar, readTar } from './js/tar.mjs';
import { downloadBytes, splitArgs } from './page-util.mjs';

const $ = (id) => document.getElementById(id);
const enc = new TextEncoder();
const files = new Map(); // name in /data -> Uint8Array
const compiled = new Map();
let modules = [];

function show(bytes) {
  let s = '';
  for (const b of bytes) {
    s += b === 10 || b === 9 || (b >= 32 && b < 127) ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return s;
}

function renderFiles() {
  const body = $('files').tBodies[0];
  body.textContent = '';
  for (const name of [...files.keys()].sort()) {
    const tr = body.insertRow();
    tr.insertCell().textContent = name;
    tr.insertCell().textContent = files.get(name).length;
    const button = document.createElement('button');
    button.textContent = 'download';
    button.dataset.name = name;
    button.addEventListener('click', () => downloadBytes(name, files.get(name)));
    tr.insertCell().append(button);
  }
}

// A person's own module: compiled and offered under the key "own:NAME".
async function addOwnModule(file) {
  const key = `own:${file.name}`;
  let module;
  try {
    module = await WebAssembly.compile(await file.arrayBuffer());
  } catch (e) {
    $('status').textContent = `cannot load ${file.name}: not a WebAssembly module (${e.message})`;
    return;
  }
  compiled.set(key, module);
  if (!modules.some((m) => m.file === key)) {
    modules.push({ file: key, name: `${file.name} (yours)`, note: 'your module; arguments and input below' });
    const o = document.createElement('option');
    o.value = key;
    o.textContent = `${file.name} (yours)`;
    $('module').append(o);
  }
  $('module').value = key;
  describe();
  $('status').textContent = `ready: ${file.name}`;
  $('run').disabled = false;
  document.body.dataset.own = String(Number(document.body.dataset.own ?? 0) + 1);
}

// Files into /data (picked or dropped).
async function addDataFiles(list) {
  for (const f of list) files.set(f.name, new Uint8Array(await f.arrayBuffer()));
  renderFiles();
  document.body.dataset.loaded = String(files.size);
}

async function moduleFor(file) {
  if (!compiled.has(file)) {
    const response = await fetch(file);
    if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
    compiled.set(file, await WebAssembly.compile(await response.arrayBuffer()));
  }
  return compiled.get(file);
}

// One run; returns { status, stdout, stderr } and updates `files`.
async function runOnce(file, args, stdin) {
  const module = await moduleFor(file);
  const out = [];
  const err = [];
  const io = {
    args: [file.replace(/^own:/, '').replace(/\.wasm$/, ''), ...args],
    stdin,
    stdout: (b) => out.push(b),
    stderr: (b) => err.push(b),
  };
  const hasExports = WebAssembly.Module.exports(module).some((e) => e.name === 'wasi_vfs_write_file');
  let status;
  if (hasExports) {
    // typed calls: bytes straight into and out of the module's filesystem
    const m = await VfsModule.load(module, io);
    for (const [name, bytes] of files) m.writeFile(`/data/${name}`, bytes);
    if (files.size === 0) m.writeFile('/data/.keep', ''); // /data exists
    status = m.run();
    files.clear();
    for (const e of m.list('/data')) {
      if (e.type === '-' && e.name !== '.keep') files.set(e.name, m.readFile(`/data/${e.name}`));
    }
  } else {
    // any vfs module: a tar archive in on descriptor 3, one out on 4
    const archive = [];
    const shim = new WasiShim({
      ...io,
      env: { WASI_VFS_IN: '3:/data', WASI_VFS_OUT: '/data:4:all' },
      streams: {
        3: { read: makeTar([...files].map(([path, bytes]) => ({ path, bytes }))) },
        4: { write: (b) => archive.push(b) },
      },
    });
    const missing = missingImports(module, shim);
    if (missing.length) throw new Error(`the module needs imports a page cannot give: ${missing.join(', ')}`);
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: shim.imports });
    status = shim.start(instance);
    const bytes = concatBytes(archive);
    if (bytes.length) {
      // none: the program never used its filesystem
      files.clear();
      for (const e of readTar(bytes)) if (e.type === '0' && !e.path.includes('/')) files.set(e.path, e.bytes);
    }
  }
  return { status, stdout: concatBytes(out), stderr: concatBytes(err) };
}

async function run() {
  const file = $('module').value;
  $('run').disabled = true;
  $('status').textContent = 'running…';
  try {
    const r = await runOnce(file, splitArgs($('args').value), enc.encode($('stdin').value));
    $('stdout').textContent = show(r.stdout);
    $('stderr').textContent = new TextDecoder().decode(r.stderr);
    $('status').textContent = `exit status ${r.status}`;
  } catch (e) {
    const trap = e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
    $('stderr').textContent = trap ? `trap: ${e.message}` : String(e.message ?? e);
    $('status').textContent = trap ? 'trapped' : 'failed';
  }
  renderFiles();
  $('run').disabled = false;
  document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
}

function describe() {
  const m = modules.find((x) => x.file === $('module').value);
  $('how').textContent = m?.note ?? '';
  if (m?.args !== undefined) $('args').value = m.args;
}

async function start() {
  // modules.json is made by the build; an installed page has none and
  // runs the modules a person brings.
  try {
    const response = await fetch('modules.json');
    modules = response.ok ? await response.json() : [];
  } catch {
    modules = [];
  }
  for (const m of modules) {
    const o = document.createElement('option');
    o.value = m.file;
    o.textContent = m.name;
    $('module').append(o);
  }
  const wanted = new URLSearchParams(location.search).get('module');
  if (wanted) $('module').value = wanted;
  $('module').addEventListener('change', describe);
  describe();
  $('file').addEventListener('change', async () => {
    const picked = [...$('file').files];
    $('file').value = '';
    await addDataFiles(picked);
  });
  $('own-module').addEventListener('change', async () => {
    const [picked] = $('own-module').files;
    $('own-module').value = '';
    if (picked) await addOwnModule(picked);
  });
  // Drop anywhere: a .wasm becomes the program, anything else goes to /data.
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', async (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const dropped = [...(e.dataTransfer?.files ?? [])];
    const wasm = dropped.filter((f) => /\.wasm$/i.test(f.name));
    for (const f of wasm) await addOwnModule(f);
    await addDataFiles(dropped.filter((f) => !wasm.includes(f)));
  });
  $('run').addEventListener('click', run);
  if (!modules.length) {
    $('status').textContent = 'pick or drop a .wasm module';
  } else {
    try {
      await moduleFor($('module').value);
      $('status').textContent = 'ready';
    } catch (e) {
      $('status').textContent = `cannot load ${$('module').value}: ${e.message}`;
    }
    $('run').disabled = false;
  }
  renderFiles();
  document.body.dataset.ready = '1';
}

start();
