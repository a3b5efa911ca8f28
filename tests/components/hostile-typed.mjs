// hostile-typed.mjs JCO_API CORE OUT: from the core module of a
// wasm32-wasip2-io program with the typed entry point "in:text out:text"
// (linked with -fuse-ld=lld: the module, before it is made a component),
// makes OUT, a component a typed runner must refuse: its main takes two
// input streams where the core module's wasi-io-main section declares an
// input and an output (the section is the core module's, the type is
// not its). Exit status: 0 made, 1 jco failed (its message), 2 bad usage.
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [api, corePath, out] = process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: hostile-typed.mjs JCO_API CORE OUT\n');
  process.exit(2);
}
const { componentEmbed, componentNew } = await import(pathToFileURL(api).href);
const core = await readFile(corePath);
const witSource = `package test:hostile;
world hostile {
  use wasi:io/streams@0.2.0.{input-stream, output-stream};
  export main: func(args: list<string>, a: borrow<input-stream>, b: borrow<input-stream>) -> u8;
  export wasi:cli/run@0.2.0;
}
package wasi:cli@0.2.0 { interface run { run: func() -> result; } }
package wasi:io@0.2.0 { interface streams { resource input-stream; resource output-stream; } }
`;
try {
  const embedded = await componentEmbed({ binary: core, witSource, world: 'hostile' });
  await writeFile(out, await componentNew(embedded, []));
} catch (e) {
  process.stderr.write(`hostile-typed: ${String(e.message ?? e).split('\n')[0]}\n`);
  process.exit(1);
}
