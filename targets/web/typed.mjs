// typed.mjs: a wasm32-wasip2-io component's typed function in the page
// (io/libc/wasip2/README.md), over preview2-shim's browser implementation
// of WASI 0.2. The component was made into JavaScript by `jco transpile`
// (the build does it for the components it offers: NAME.js and its core
// modules beside it); its imports, "@bytecodealliance/preview2-shim/io" and
// the rest, are resolved by the page's import map (index.html: ./p2shim/).
//
//   const c = await TypedComponent.load(new URL('components/shrink/shrink.js', location.href));
//   c.entry            // { inputs: ['image'], outputs: ['image'], streams: [...] }
//   const { status, outputs } = c.run({ args: ['-f', '3'], inputs: [bytes],
//                                       onStdout, onStderr });
//
// The page opens the "files": each input is a byte array read through an
// input-stream, each output a byte array gathered from an output-stream.
// The component never sees a name.

import { _setStderr, _setStdout } from '@bytecodealliance/preview2-shim/cli';
import { inputStreamCreate, outputStreamCreate } from '@bytecodealliance/preview2-shim/io';
import { concatBytes } from './js/bytes.mjs';
import { typedEntryOfSections } from './js/typed-entry.mjs';
import { customSections } from './js/wasm-binary.mjs';

// An input-stream over bytes: reads give what is left, then "closed".
function bytesInput(bytes) {
  let at = 0;
  const read = (len) => {
    if (at >= bytes.length) throw { tag: 'closed' };
    const n = Math.min(Number(len), bytes.length - at);
    at += n;
    return bytes.slice(at - n, at);
  };
  return inputStreamCreate({ read, blockingRead: read });
}

// An output-stream that gathers what is written into chunks.
function bytesOutput(chunks) {
  return outputStreamCreate({
    write(buf) {
      chunks.push(buf.slice());
    },
    flush() {},
    blockingFlush() {},
  });
}

export class TypedComponent {
  // Loads the transpiled component at url (NAME.js): refuses one with no
  // typed function, naming why.
  static async load(url) {
    const program = await import(url);
    if (typeof program.main !== 'function')
      throw new Error('it has no typed function main (a wasm32-wasip2-io program with WASI_IO_MAIN has one)');
    // the declaration, read from its core module's bytes (jco's glue compiles it)
    const core = await fetch(new URL(url.href.replace(/\.js$/, '.core.wasm')));
    const entry = typedEntryOfSections(customSections(new Uint8Array(await core.arrayBuffer()), 'wasi-io-main'));
    if (entry === null) throw new Error('its core module has no wasi-io-main section');
    return new TypedComponent(program, entry);
  }

  constructor(program, entry) {
    this.program = program;
    this.entry = entry;
  }

  // Calls main([name, ...args], streams...) with inputs (byte arrays, one per
  // declared input) and returns { status, outputs } (byte arrays, one per
  // declared output). exit() inside the function is its status too.
  run({ name = 'program', args = [], inputs, onStdout, onStderr }) {
    if (inputs.length !== this.entry.inputs.length)
      throw new Error(`it takes ${this.entry.inputs.length} inputs, not ${inputs.length}`);
    const gathered = this.entry.outputs.map(() => []);
    _setStdout({ write: (b) => onStdout?.(b.slice()), flush() {}, blockingFlush() {} });
    _setStderr({ write: (b) => onStderr?.(b.slice()), flush() {}, blockingFlush() {} });
    let i = 0;
    let o = 0;
    const streams = this.entry.streams.map(({ output }) =>
      output ? bytesOutput(gathered[o++]) : bytesInput(inputs[i++]),
    );
    let status;
    try {
      status = this.program.main([name, ...args], ...streams);
    } catch (e) {
      if (!e?.exitError) throw e;
      status = e.code;
    }
    return { status, outputs: gathered.map((chunks) => concatBytes(chunks)) };
  }
}
