// typed-entry.mjs: the typed entry point's declaration, the text of a
// program's wasi-io-main section (io/include/wasi_io.h, WASI_IO_MAIN): read
// by wasi-run and wasi-run-component, the component step that writes its
// WIT (witParams), and the web page.

// Parses the text of a wasi-io-main section (wasi_io.h: "1", then " in:TYPE"
// or " out:TYPE" per stream): { inputs: [TYPE...], outputs: [TYPE...],
// streams: [{ output, type }...] } in declaration order. Throws an Error
// saying why when the text is malformed.
export function parseTypedEntry(text) {
  const bad = (why) => {
    throw new Error(why);
  };
  const [version, ...items] = text.split(' ');
  if (version !== '1') bad(`unknown version '${version.slice(0, 20)}'`);
  if (items.length === 0 || items.length > 8) bad(`${items.length} streams (1 to 8)`);
  const entry = { inputs: [], outputs: [], streams: [] };
  for (const item of items) {
    const m = /^(in|out):([A-Za-z0-9._+/-]+)$/.exec(item);
    if (!m) bad(`'${item.slice(0, 40)}'`);
    (m[1] === 'in' ? entry.inputs : entry.outputs).push(m[2]);
    entry.streams.push({ output: m[1] === 'out', type: m[2] });
  }
  return entry;
}

// The typed entry point of a program from the contents of its wasi-io-main
// sections (byte arrays, as WebAssembly.Module.customSections or
// wasm-binary.mjs's customSections give them): null when there are none,
// else parseTypedEntry's. Throws an Error ("malformed wasi-io-main section:
// WHY") when there are several or the one is malformed.
export function typedEntryOfSections(sections) {
  if (sections.length === 0) return null;
  if (sections.length > 1) throw new Error('malformed wasi-io-main section: more than one');
  try {
    return parseTypedEntry(new TextDecoder('latin1').decode(sections[0]));
  } catch (e) {
    throw new Error(`malformed wasi-io-main section: ${e.message}`);
  }
}

// The parameters of the typed function of a wasm32-wasip2-io component
// (io/libc/wasip2/README.md), from parseTypedEntry's entry, in declaration
// order: [{ name, stream }], stream "input-stream" or "output-stream"; the
// name is the TYPE's words in lower case, each starting with a letter, then
// "in" or "out", joined by "-"; a second stream of the same name gets "-2",
// and so on.
export function witParams(entry) {
  const taken = new Set();
  return entry.streams.map(({ output, type }) => {
    const words = type
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== '')
      .map((w) => (/^[a-z]/.test(w) ? w : `s${w}`));
    const base = [...words, output ? 'out' : 'in'].join('-');
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}-${k}`;
    taken.add(name);
    return { name, stream: output ? 'output-stream' : 'input-stream' };
  });
}

// The typed function's type, as its WIT says it; escaped, each parameter
// name is written %NAME, as a WIT source may (the component step's).
export function witSignature(entry, { escaped = false } = {}) {
  const params = witParams(entry).map(({ name, stream }) => `${escaped ? '%' : ''}${name}: borrow<${stream}>`);
  return `main: func(args: list<string>, ${params.join(', ')}) -> u8`;
}
