// typed-page.mjs: the page's typed components (typed.mjs), listed in
// components.json next to the page by the build:
// [{ "js": "components/shrink/shrink.js", "name": "...", "args": "-f 2" }, ...].
// Without that file (the installed page) the section stays hidden. For each
// declared input the section offers a file picker; the run hands the
// function the picked files' bytes as input streams, shows its standard
// output and error, and, when its status is 0 (as wasi-run-component keeps
// outputs), offers each output for download as "<input name>.<TYPE>"
// ("out.<TYPE>" without an input). After a run,
// document.body.dataset.typedRuns counts the runs (for tests);
// dataset.typedReady is 1 once a component is loaded.

import { witSignature } from './js/typed-entry.mjs';
import { downloadBytes, splitArgs } from './page-util.mjs';

const $ = (id) => document.getElementById(id);
const dec = new TextDecoder();
let components = [];
let current = null; // { component, info }

async function select(index, TypedComponent) {
  const info = components[index];
  $('typed-run').disabled = true;
  $('typed-status').textContent = `loading ${info.name}…`;
  try {
    const component = await TypedComponent.load(new URL(info.js, location.href));
    current = { component, info };
  } catch (e) {
    current = null;
    $('typed-status').textContent = `cannot load ${info.name}: ${e.message}`;
    return;
  }
  const { entry } = current.component;
  $('typed-signature').textContent = witSignature(entry);
  const inputs = $('typed-inputs');
  inputs.textContent = '';
  entry.inputs.forEach((type, k) => {
    const label = document.createElement('label');
    label.textContent = `Input ${k + 1} (${type})`;
    const picker = document.createElement('input');
    picker.type = 'file';
    picker.id = `typed-input-${k}`;
    label.htmlFor = picker.id;
    inputs.append(label, picker);
  });
  $('typed-args').value = info.args ?? '';
  $('typed-run').disabled = false;
  $('typed-status').textContent = `ready: ${info.name}`;
  document.body.dataset.typedReady = '1';
}

async function run() {
  const { component, info } = current;
  const { entry } = component;
  const files = entry.inputs.map((_, k) => $(`typed-input-${k}`).files[0]);
  const missing = files.findIndex((f) => !f);
  $('typed-stdout').textContent = '';
  $('typed-stderr').textContent = '';
  $('typed-outputs').textContent = '';
  if (missing >= 0) {
    $('typed-status').textContent = `pick input ${missing + 1} (${entry.inputs[missing]})`;
  } else {
    const inputs = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
    const name = info.js.replace(/^.*\//, '').replace(/\.js$/, '');
    try {
      const { status, outputs } = component.run({
        name,
        args: splitArgs($('typed-args').value),
        inputs,
        onStdout: (b) => ($('typed-stdout').textContent += dec.decode(b)),
        onStderr: (b) => ($('typed-stderr').textContent += dec.decode(b)),
      });
      $('typed-status').textContent =
        status === 0 || !outputs.length ? `status ${status}` : `status ${status}: its outputs are not kept`;
      if (status !== 0) outputs.length = 0;
      outputs.forEach((bytes, k) => {
        const type = entry.outputs[k];
        const file = `${files[0]?.name ?? 'out'}.${type.replace(/[^A-Za-z0-9._+-]/g, '_')}`;
        const button = document.createElement('button');
        button.textContent = `download ${file} (${bytes.length} bytes)`;
        button.dataset.name = file;
        button.addEventListener('click', () => downloadBytes(file, bytes));
        $('typed-outputs').append(button);
      });
    } catch (e) {
      $('typed-status').textContent =
        e instanceof WebAssembly.RuntimeError ? `trap: ${e.message}` : `error: ${e.message}`;
    }
  }
  document.body.dataset.typedRuns = String(Number(document.body.dataset.typedRuns ?? 0) + 1);
}

async function start() {
  let response;
  try {
    response = await fetch('components.json');
  } catch {
    return;
  }
  if (!response.ok) return;
  components = await response.json();
  if (!components.length) return;
  const { TypedComponent } = await import('./typed.mjs');
  $('typed').hidden = false;
  const list = $('typed-component');
  components.forEach((c, k) => {
    const option = document.createElement('option');
    option.value = String(k);
    option.textContent = c.name;
    list.append(option);
  });
  list.addEventListener('change', () => select(Number(list.value), TypedComponent));
  $('typed-run').addEventListener('click', run);
  await select(0, TypedComponent);
}

start();
