// typed-host.mjs DIR NAME INPUT OUTPUT [ARGS...]: what a Node program does
// with a wasm32-wasip2-io component that `jco transpile COMPONENT -o DIR`
// made (DIR/NAME.js, with @bytecodealliance/preview2-shim where its imports
// find it): opens INPUT and OUTPUT itself with preview2-shim's filesystem,
// hands the component a wasi:io stream of each, and calls its typed
// function main([NAME, ...ARGS], input, output); with NAME "-", main([],
// input, output) (no arguments at all, not even a name). Prints "status N"
// and exits 0; 2 bad usage.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, name, input, output, ...args] = process.argv.slice(2);
if (!output) {
  process.stderr.write('usage: typed-host.mjs DIR NAME INPUT OUTPUT [ARGS...]\n');
  process.exit(2);
}
const resolve = (spec) => pathToFileURL(path.join(dir, 'node_modules', spec)).href;
const { filesystem } = await import(resolve('@bytecodealliance/preview2-shim/dist/nodejs/index.js'));
const { main } = await import(pathToFileURL(path.join(dir, `${name === '-' ? 'shrink' : name}.js`)).href);

// The folder of a file, as a WASI descriptor: the host's choice of what the
// component may reach is the streams alone.
const folder = (file) => {
  const fs = filesystem.createFilesystem({ preopens: { '/': path.resolve(path.dirname(file)) } });
  return fs.preopens.getDirectories()[0][0];
};
const inStream = folder(input).openAt({}, path.basename(input), {}, { read: true }).readViaStream(0n);
const outFile = folder(output).openAt({}, path.basename(output), { create: true, truncate: true }, { write: true });
const outStream = outFile.writeViaStream(0n);
const status = main(name === '-' ? [] : [name, ...args], inStream, outStream);
outStream[Symbol.dispose]();
process.stdout.write(`status ${status}\n`);
