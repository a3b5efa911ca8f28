// componentize-run.mjs JCO_API CORE OUT: makes OUT, the command component of
// the core module CORE, which imports WASI 0.2 interfaces only (their
// types are in the component-type section wasi-libc's wasm32-wasip2
// libc.a brings) and exports wasi:cli/run@0.2.0#run itself
// (libc-overlay/p2/p2_run.c): the run interface's type is embedded
// (jco's componentEmbed, a world that exports it), then the component is
// made with no adapter (componentNew). JCO_API is jco's dist/api.js.
// Exit status: 0 done, 1 jco refused the module (its message on stderr),
// 2 bad usage.
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const me = 'componentize-run';
const args = process.argv.slice(2);
if (args.length !== 3) {
  process.stderr.write(`usage: ${me} JCO_API CORE OUT\n`);
  process.exit(2);
}
const [api, core, out] = args;
const witSource = `package wasi:cli@0.2.0;

interface run {
  run: func() -> result;
}

world command-run {
  export run;
}
`;
try {
  const { componentEmbed, componentNew } = await import(pathToFileURL(api).href);
  const embedded = await componentEmbed({
    binary: await readFile(core),
    witSource,
    world: 'command-run',
  });
  await writeFile(out, await componentNew(embedded, []));
} catch (e) {
  process.stderr.write(`${me}: ${core}: ${String(e.message ?? e).split('\n')[0]}\n`);
  process.exitCode = 1;
}
