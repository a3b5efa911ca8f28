// componentize-run.mjs JCO_API CORE OUT: makes OUT, the command component of
// the core module CORE, which imports WASI 0.2 interfaces only (their
// types are in the component-type section wasi-libc's wasm32-wasip2
// libc.a brings) and exports wasi:cli/run@0.2.0#run itself
// (libc-overlay/p2/p2_run.c): the run interface's type is embedded
// (jco's componentEmbed, a world that exports it), then the component is
// made with no adapter (componentNew). JCO_API is jco's dist/api.js.
//
// A core module of wasm32-wasip2-io with a typed entry point (a
// wasi-io-main section, and the export "main" that WASI_IO_MAIN defines
// there) also exports its typed function, whose type this file writes
// from the section (io/libc/wasip2/README.md): in declaration order, one
// parameter per stream, named after its TYPE (witSignature, js/typed-entry.mjs),
// a borrowed wasi:io input-stream or output-stream:
//   main: func(args: list<string>, %image-in: borrow<input-stream>,
//              %image-out: borrow<output-stream>) -> u8
// Exit status: 0 done, 1 jco refused the module or its wasi-io-main section
// is malformed (a message on stderr), 2 bad usage.
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { typedEntryOfSections, witSignature } from '../../bin/js/typed-entry.mjs';
import { customSections, readExports } from '../../bin/js/wasm-binary.mjs';
import { oneLineMessage } from '../../bin/wasi-run-exit.mjs';

const me = 'componentize-run';

// The WIT of the component's world: the run export, and the typed
// function when entry (parseTypedEntry's) is not null.
export function worldSource(entry) {
  let typed = '';
  if (entry) {
    typed = `  use wasi:io/streams@0.2.0.{input-stream, output-stream};
  export ${witSignature(entry, { escaped: true })};
`;
  }
  return `package wasi-triples:program;

world program {
${typed}  export wasi:cli/run@0.2.0;
}

package wasi:cli@0.2.0 {
  interface run {
    run: func() -> result;
  }
}
${
  entry
    ? `
package wasi:io@0.2.0 {
  interface streams {
    resource input-stream;
    resource output-stream;
  }
}
`
    : ''
}`;
}

// The typed entry point of the core module (typedEntryOfSections): null
// unless it exports "main" and has a wasi-io-main section. Throws when the
// section is malformed.
function typedEntryOf(bytes) {
  if (!readExports(bytes).some((e) => e.name === 'main' && e.kind === 0)) return null;
  return typedEntryOfSections(customSections(bytes, 'wasi-io-main'));
}

async function main(args) {
  if (args.length !== 3) {
    process.stderr.write(`usage: ${me} JCO_API CORE OUT\n`);
    process.exit(2);
  }
  const [api, core, out] = args;
  try {
    const { componentEmbed, componentNew } = await import(pathToFileURL(api).href);
    const binary = await readFile(core);
    const embedded = await componentEmbed({
      binary,
      witSource: worldSource(typedEntryOf(binary)),
      world: 'program',
    });
    await writeFile(out, await componentNew(embedded, []));
  } catch (e) {
    process.stderr.write(`${me}: ${core}: ${oneLineMessage(e)}\n`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
