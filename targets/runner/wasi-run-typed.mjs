// wasi-run-typed.mjs: a typed entry point (wasi-io-main): its declaration, its command line, the files opened and finished at the edge.

import fs from 'node:fs';
import { typedEntryOfSections } from './js/typed-entry.mjs';
import {
  die,
  EXIT_CANNOT_CREATE,
  EXIT_CANNOT_RUN,
  EXIT_NO_INPUT,
  EXIT_USAGE,
  openError,
  programName,
  say,
  setDiscardOutputs,
} from './wasi-run-exit.mjs';

// The first descriptor of a typed module's streams: inputs, then outputs.
const FIRST_STREAM_FD = 3;

// typedEntryOfSections (js/typed-entry.mjs) for file, exiting 126 with its
// message when the sections are malformed.
export function typedEntryOrExit(file, sections) {
  try {
    return typedEntryOfSections(sections);
  } catch (e) {
    return die(EXIT_CANNOT_RUN, `${file}: ${e.message}`);
  }
}

// Reads the typed entry point of `module` (typedEntryOrExit).
export function typedEntry(file, module) {
  return typedEntryOrExit(file, WebAssembly.Module.customSections(module, 'wasi-io-main'));
}

// The usage line of a typed module, from its declaration.
function typedUsage(file, entry) {
  const ins = entry.inputs.map((t) => t.toUpperCase()).join(' ');
  const outs = entry.outputs.map((t) => `-o ${t.toUpperCase()}`).join(' ');
  return `${programName()} ${file} ${[ins, outs].filter((x) => x).join(' ')} [-- ARGS...]`;
}

// Splits the arguments after a typed module into input files, -o output files
// and the module's own arguments (after --). Exits EXIT_USAGE, naming what
// does not match the declaration.
export function parseTypedArgs(file, entry, argv, hasDirs) {
  const mismatch = (why) => {
    say(`${file}: ${why}`);
    say(`usage: ${typedUsage(file, entry)}`);
    process.exit(EXIT_USAGE);
  };
  if (hasDirs) mismatch('takes streams (typed entry point), not directories: drop --dir');
  const inputs = [];
  const outputs = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (arg === '-o' || arg === '--output') {
      if (i + 1 >= argv.length) mismatch(`option ${arg} needs a value`);
      outputs.push(argv[++i]);
    } else if (arg.startsWith('-o') && arg.length > 2) {
      outputs.push(arg.slice(2));
    } else if (arg.startsWith('--output=')) {
      outputs.push(arg.slice('--output='.length));
    } else if (arg.startsWith('-') && arg !== '-') {
      mismatch(`unknown option ${arg} (the module's own arguments go after --)`);
    } else {
      inputs.push(arg);
    }
  }
  const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const takes = `takes ${count(entry.inputs.length, 'input')} and ${count(entry.outputs.length, 'output')}`;
  if (inputs.length < entry.inputs.length) {
    const k = inputs.length;
    mismatch(`missing input ${k + 1} (${entry.inputs[k]}): the module ${takes}`);
  }
  if (inputs.length > entry.inputs.length) {
    mismatch(`extra input ${inputs[entry.inputs.length]}: the module ${takes}`);
  }
  if (outputs.length < entry.outputs.length) {
    const k = outputs.length;
    mismatch(`missing -o for output ${k + 1} (${entry.outputs[k]}): the module ${takes}`);
  }
  if (outputs.length > entry.outputs.length) {
    mismatch(`extra output ${outputs[entry.outputs.length]}: the module ${takes}`);
  }
  const seen = new Set();
  for (const out of outputs) {
    if (out !== '-' && seen.has(out)) mismatch(`output ${out} given twice`);
    seen.add(out);
  }
  return { inputs, outputs, args: argv.slice(i) };
}

// Opens the files of a typed module's streams. Returns the stream table
// (guest fd -> { hostFd, output, closed, own, path, temp }) and sets
// what discardOutputs removes. Exits 66 / 73 when a file cannot be opened or created.
export function openStreams(plan) {
  const streams = new Map();
  let fd = FIRST_STREAM_FD;
  for (const path of plan.inputs) {
    let hostFd = 0;
    if (path !== '-') {
      try {
        hostFd = fs.openSync(path, 'r');
        if (fs.fstatSync(hostFd).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
      } catch (e) {
        die(EXIT_NO_INPUT, `${path}: cannot open input: ${openError(e)}`);
      }
    }
    streams.set(fd++, { hostFd, output: false, closed: false, own: path !== '-' });
  }
  const pending = [];
  setDiscardOutputs(() => {
    for (const s of pending) {
      try {
        fs.closeSync(s.hostFd);
      } catch {}
      try {
        fs.unlinkSync(s.temp);
      } catch {}
    }
    pending.length = 0;
  });
  for (const path of plan.outputs) {
    const s = { hostFd: 1, output: true, closed: false, own: false, path, temp: null };
    if (path !== '-') {
      let direct = false;
      try {
        const st = fs.statSync(path);
        if (st.isDirectory()) die(EXIT_CANNOT_CREATE, `${path}: cannot create output: is a directory`);
        direct = !st.isFile();
      } catch (e) {
        if (e.code !== 'ENOENT') die(EXIT_CANNOT_CREATE, `${path}: cannot create output: ${openError(e)}`);
      }
      try {
        if (direct) {
          s.hostFd = fs.openSync(path, 'w');
        } else {
          const slash = path.lastIndexOf('/');
          s.temp = `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.wasi-run-${process.pid}-${pending.length}`;
          s.hostFd = fs.openSync(s.temp, 'wx');
          pending.push(s);
        }
      } catch (e) {
        die(EXIT_CANNOT_CREATE, `${path}: cannot create output: ${openError(e)}`);
      }
      s.own = true;
    }
    streams.set(fd++, s);
  }
  return streams;
}

// Finishes the outputs once the module has exited with `status`: renames
// them into place on 0, removes them (saying so) otherwise. Returns the
// runner's exit status.
export function finishOutputs(file, streams, status) {
  for (const s of streams.values()) {
    if (s.own && !s.closed) {
      try {
        fs.closeSync(s.hostFd);
      } catch {}
      s.closed = true;
    }
  }
  if (status !== 0) {
    for (const s of streams.values()) {
      if (s.temp) {
        try {
          fs.unlinkSync(s.temp);
        } catch {}
        say(`${s.path}: not written: ${file} exited with status ${status}`);
      }
    }
    return status;
  }
  for (const s of streams.values()) {
    if (!s.temp) continue;
    try {
      fs.renameSync(s.temp, s.path);
    } catch (e) {
      try {
        fs.unlinkSync(s.temp);
      } catch {}
      say(`${s.path}: cannot create output: ${openError(e)}`);
      status = EXIT_CANNOT_CREATE;
    }
  }
  return status;
}
