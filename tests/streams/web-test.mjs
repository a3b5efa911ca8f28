// web-test.mjs WEBDIR WORK CHROMIUM [OWN.wasm]: the page of targets/web (assembled
// in WEBDIR) in headless Chromium, driven as a user would, through the
// DevTools protocol on a pipe (no npm package): it types standard input and
// arguments, runs the module, reads what the page shows, loads a file into
// the module's filesystem, runs the program on it, and downloads the result
// out of the page. Also Debian's bzip2, when the page offers it (files as
// tar streams). With OWN.wasm (a wasm32-wasi-vfs module the page does not
// offer), it brings that module as a person would: picked as the page's own
// module, run with arguments and typed input on files picked and dropped on
// the page, its result downloaded; a dropped file that is not WebAssembly
// is refused with a message. With EXAMPLES (build/examples), when the page
// offers typed components (wasm32-wasip2-io), it runs shrink and wc there on
// files picked and compares what the page shows and gives back with their
// native builds. Leaves WORK/page.png (a screenshot) and the downloads.
// usage: web-test.mjs WEBDIR WORK CHROMIUM [OWN.wasm [EXAMPLES]]
// Prints "ok NAME" / "FAIL NAME: why"; exit status 0, 1 on a failure, 77
// (skipped) when there is no Chromium.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [webdir, work, chromiumArg, ownModule, examples] = process.argv.slice(2);
const chromium = chromiumArg && !chromiumArg.endsWith('-NOTFOUND') ? chromiumArg : null;
if (!chromium || !fs.existsSync(chromium)) {
  console.log('skip: no chromium (apt-get install chromium)');
  process.exit(77);
}
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'downloads'), { recursive: true });

let failed = 0;
const ok = (name) => console.log(`ok ${name}`);
const fail = (name, why) => { failed++; console.log(`FAIL ${name}: ${why}`); };
const expect = (name, cond, why) => (cond ? ok(name) : fail(name, why));

// ---- a static server for the page ----------------------------------------
const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json' };
const server = http.createServer((req, res) => {
  const file = path.join(webdir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(webdir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    const index = path.join(file, 'index.html');
    if (fs.existsSync(index)) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(fs.readFileSync(index));
      return;
    }
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  res.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

// ---- Chromium and the DevTools protocol on fds 3 (to it) and 4 (from it) ----
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', `--user-data-dir=${path.join(work, 'profile')}`,
  '--remote-debugging-pipe', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let chromeErr = '';
browser.stderr.on('data', (d) => { chromeErr += d; });
const pending = new Map();
const listeners = [];
let nextId = 1;
let inbuf = '';
browser.stdio[4].on('data', (d) => {
  inbuf += d.toString();
  let z;
  while ((z = inbuf.indexOf('\0')) >= 0) {
    const msg = JSON.parse(inbuf.slice(0, z));
    inbuf = inbuf.slice(z + 1);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(`${msg.error.message} ${msg.error.data ?? ''}`));
      else resolve(msg.result);
    } else if (msg.method) {
      for (const l of listeners) l(msg);
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  browser.stdio[3].write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

const timeout = setTimeout(() => {
  console.log(`FAIL timeout\n${chromeErr.slice(-2000)}`);
  browser.kill();
  process.exit(1);
}, 240000);

let session;
const page = (method, params) => send(method, params, session);
async function evaluate(expression) {
  const r = await page('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value;
}
async function until(expression, what, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await evaluate(expression)) return;
    if (Date.now() > end) throw new Error(`waited for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const text = (id) => evaluate(`document.getElementById(${JSON.stringify(id)}).textContent`);
// Types into an input (as a user does: value, then the input event).
const type = (id, value) => evaluate(`(() => { const e = document.getElementById(${JSON.stringify(id)});
  e.focus(); e.value = ${JSON.stringify(value)}; e.dispatchEvent(new Event('input', { bubbles: true }));
  e.dispatchEvent(new Event('change', { bubbles: true })); })()`);
async function runWith(args, stdin) {
  if (stdin !== undefined) await type('stdin', stdin);
  await type('args', args);
  const before = Number(await evaluate('document.body.dataset.runs ?? 0'));
  await evaluate("document.getElementById('run').click()");
  await until(`Number(document.body.dataset.runs ?? 0) > ${before}`, `run ${args}`);
  return { status: await text('status'), stdout: await text('stdout'), stderr: await text('stderr') };
}
async function fileList() {
  return evaluate(`[...document.querySelectorAll('#files tbody tr')].map((r) => [r.cells[0].textContent, Number(r.cells[1].textContent)])`);
}
const downloads = new Map();
listeners.push((m) => {
  if (m.method === 'Browser.downloadWillBegin') downloads.set(m.params.guid, { name: m.params.suggestedFilename });
  if (m.method === 'Browser.downloadProgress' && m.params.state === 'completed') downloads.get(m.params.guid).done = true;
});
async function download(name, where = '#files') {
  const n = downloads.size;
  await evaluate(`document.querySelector('${where} button[data-name=${JSON.stringify(name)}]').click()`);
  const end = Date.now() + 20000;
  for (;;) {
    const d = [...downloads.values()].slice(n).find((x) => x.name === name && x.done);
    if (d) return fs.readFileSync(path.join(work, 'downloads', name));
    if (Date.now() > end) throw new Error(`download of ${name}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const poem = 'The quick brown fox\n..........................................\n' +
  'jumps over the lazy dog\n==========================================\n'.repeat(20);
fs.writeFileSync(path.join(work, 'poem.txt'), poem);

try {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  ({ sessionId: session } = await send('Target.attachToTarget', { targetId, flatten: true }));
  await send('Browser.setDownloadBehavior', { behavior: 'allow',
    downloadPath: path.join(work, 'downloads'), eventsEnabled: true });
  await page('Page.enable');
  await page('Runtime.enable');
  await page('Page.navigate', { url });
  await until("document.body && document.body.dataset.ready === '1'", 'the page to load');
  expect('page-ready', (await text('status')) === 'ready', await text('status'));

  // typed input in, output shown
  let r = await runWith('-v', 'aaaaaaaaaaaaaaaaaaaa hello hello hello');
  expect('typed-input-status', r.status === 'exit status 0', r.status);
  expect('typed-input-stderr', r.stderr === 'stdin: 38 bytes\n', JSON.stringify(r.stderr));
  expect('typed-input-stdout', r.stdout.startsWith('SQ1\\x00\\x00\\x00\\x00\\x91a') &&
    r.stdout.endsWith('hello hello hello'), JSON.stringify(r.stdout));

  // a file loaded into the module's filesystem, the program run on it
  const { root } = await page('DOM.getDocument');
  const { nodeId } = await page('DOM.querySelector', { nodeId: root.nodeId, selector: '#file' });
  await page('DOM.setFileInputFiles', { nodeId, files: [path.join(work, 'poem.txt')] });
  await until("document.body.dataset.loaded === '1'", 'the file to load');
  expect('file-loaded', JSON.stringify(await fileList()) === JSON.stringify([['poem.txt', poem.length]]),
    JSON.stringify(await fileList()));
  r = await runWith('-kv /data/poem.txt');
  expect('file-run', r.status === 'exit status 0' && r.stderr.includes('-- replaced with /data/poem.txt.sq'),
    `${r.status} ${r.stderr}`);
  const list = await fileList();
  expect('file-result-listed', list.length === 2 && list[1][0] === 'poem.txt.sq' && list[1][1] < poem.length / 2,
    JSON.stringify(list));
  // the result downloaded out of the page
  const got = await download('poem.txt.sq');
  expect('download', got.length === list[1][1] && got.subarray(0, 3).toString() === 'SQ1',
    `${got.length} bytes`);
  // and it reads back: the program lists and expands it, the output shows
  r = await runWith('-l /data/poem.txt.sq');
  expect('listing-shown', r.stdout === `${String(got.length).padStart(10)} ${String(poem.length).padStart(10)} /data/poem.txt.sq\n`,
    JSON.stringify(r.stdout));
  r = await runWith('-d -c /data/poem.txt.sq');
  expect('expanded-shown', r.stdout === poem, JSON.stringify(r.stdout.slice(0, 80)));
  const shot = await page('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
  fs.writeFileSync(path.join(work, 'page.png'), Buffer.from(shot.data, 'base64'));
  r = await runWith('/data/missing');
  expect('error-shown', r.status === 'exit status 1' &&
    r.stderr === 'squish: /data/missing: No such file or directory\n', `${r.status} ${JSON.stringify(r.stderr)}`);


  // Debian's bzip2, as built (no exports): files as tar streams
  const offered = await evaluate("[...document.querySelectorAll('#module option')].map((o) => o.value)");
  if (offered.includes('bzip2.wasm')) {
    await type('module', 'bzip2.wasm');
    r = await runWith('-kv /data/poem.txt');
    expect('bzip2-run', r.status === 'exit status 0' && r.stderr.includes('/data/poem.txt:'),
      `${r.status} ${JSON.stringify(r.stderr)}`);
    const bz = await download('poem.txt.bz2');
    const back = execFileSync('bzip2', ['-dc'], { input: bz }).toString();
    expect('bzip2-download', back === poem, `${bz.length} bytes`);
    const shot2 = await page('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
    fs.writeFileSync(path.join(work, 'page-bzip2.png'), Buffer.from(shot2.data, 'base64'));
  } else {
    console.log('skip bzip2: the page does not offer it (tests/legacy did not build it)');
  }

  if (ownModule) {
    // a person's own module, picked
    fs.copyFileSync(ownModule, path.join(work, 'mine.wasm'));
    const { root: root2 } = await page('DOM.getDocument');
    const own = await page('DOM.querySelector', { nodeId: root2.nodeId, selector: '#own-module' });
    await page('DOM.setFileInputFiles', { nodeId: own.nodeId, files: [path.join(work, 'mine.wasm')] });
    await until("document.body.dataset.own === '1'", 'the own module to load');
    expect('own-module-picked', (await evaluate("document.getElementById('module').value")) === 'own:mine.wasm' &&
      (await text('status')) === 'ready: mine.wasm', await text('status'));
    r = await runWith('-v', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz typed');
    expect('own-module-stdin', r.status === 'exit status 0' && r.stderr === 'stdin: 36 bytes\n' &&
      r.stdout.startsWith('SQ1'), `${r.status} ${JSON.stringify(r.stderr)}`);
    r = await runWith('-d -c /data/poem.txt.sq');
    expect('own-module-reads-file', r.stdout === poem, JSON.stringify(r.stdout.slice(0, 80)));
    // a file dropped on the page, the program run on it, the result downloaded
    const dropped = 'dropped on the page\n'.repeat(30) + '-'.repeat(200) + '\n';
    await evaluate(`(() => { const dt = new DataTransfer();
      dt.items.add(new File([${JSON.stringify(dropped)}], 'drop.txt'));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })); })()`);
    await until("[...document.querySelectorAll('#files tbody tr')].some((r) => r.cells[0].textContent === 'drop.txt')",
      'the dropped file');
    r = await runWith('-kv /data/drop.txt');
    expect('own-module-dropped-file', r.status === 'exit status 0' &&
      r.stderr.includes('-- replaced with /data/drop.txt.sq'), `${r.status} ${r.stderr}`);
    const sq = await download('drop.txt.sq');
    expect('own-module-download', sq.subarray(0, 3).toString() === 'SQ1' && sq.length < dropped.length,
      `${sq.length} bytes`);
    // a dropped .wasm that is not WebAssembly: refused, the module stays
    await evaluate(`(() => { const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array([1, 2, 3])], 'bad.wasm'));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })); })()`);
    await until("document.getElementById('status').textContent.startsWith('cannot load bad.wasm')", 'the refusal');
    expect('bad-module-refused', /^cannot load bad\.wasm: not a WebAssembly module \(.+\)$/.test(await text('status')) &&
      (await evaluate("document.getElementById('module').value")) === 'own:mine.wasm', await text('status'));
    const shot3 = await page('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
    fs.writeFileSync(path.join(work, 'page-own.png'), Buffer.from(shot3.data, 'base64'));
  }

  // typed components: the page opens the files, the component gets streams
  const typed = !(await evaluate("document.getElementById('typed').hidden"));
  if (typed && examples) {
    await until("document.body.dataset.typedReady === '1'", 'a typed component to load');
    const native = (prog, args, input) => {
      const inFd = fs.openSync(input, 'r');
      const out = path.join(work, 'native.out');
      const outFd = fs.openSync(out, 'w');
      const stdout = execFileSync(path.join(examples, prog), args, { stdio: ['ignore', 'pipe', 'pipe', inFd, outFd] });
      fs.closeSync(inFd);
      fs.closeSync(outFd);
      return { stdout: stdout.toString(), out: fs.readFileSync(out) };
    };
    const runTyped = async (input, args) => {
      const { root: r3 } = await page('DOM.getDocument');
      const picker = await page('DOM.querySelector', { nodeId: r3.nodeId, selector: '#typed-input-0' });
      await page('DOM.setFileInputFiles', { nodeId: picker.nodeId, files: [input] });
      await type('typed-args', args);
      const before = Number(await evaluate('document.body.dataset.typedRuns ?? 0'));
      await evaluate("document.getElementById('typed-run').click()");
      await until(`Number(document.body.dataset.typedRuns ?? 0) > ${before}`, `typed run ${args}`);
      return { status: await text('typed-status'), stdout: await text('typed-stdout'), stderr: await text('typed-stderr') };
    };
    const pgm = path.join(work, 'in.pgm');
    const pixels = Buffer.alloc(41 * 29, 0).map((_, k) => (k * 13) % 256);
    fs.writeFileSync(pgm, Buffer.concat([Buffer.from('P5\n41 29\n255\n'), pixels]));
    await type('typed-component', '0');
    await until("document.getElementById('typed-status').textContent.startsWith('ready: shrink')", 'shrink');
    expect('typed-signature', (await text('typed-signature')) ===
      'main: func(args: list<string>, image-in: borrow<input-stream>, image-out: borrow<output-stream>) -> u8',
      await text('typed-signature'));
    let t = await runTyped(pgm, '-f 3');
    expect('typed-shrink-status', t.status === 'status 0', `${t.status} ${t.stderr}`);
    const small = await download('in.pgm.image', '#typed-outputs');
    expect('typed-shrink-native', small.equals(native('shrink/shrink-stream', ['-f', '3'], pgm).out),
      `${small.length} bytes`);
    fs.writeFileSync(path.join(work, 'bad.pgm'), 'P5 not an image\n');
    t = await runTyped(path.join(work, 'bad.pgm'), '');
    expect('typed-shrink-error', t.status === 'status 1: its outputs are not kept' &&
      t.stderr.startsWith('shrink: bad PNM header') &&
      (await evaluate("document.querySelectorAll('#typed-outputs button').length")) === 0, `${t.status} ${t.stderr}`);
    const shot4 = await page('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
    fs.writeFileSync(path.join(work, 'page-typed.png'), Buffer.from(shot4.data, 'base64'));
    const wcIndex = await evaluate("[...document.querySelectorAll('#typed-component option')].findIndex((o) => o.text.startsWith('wc'))");
    await type('typed-component', String(wcIndex));
    await until("document.getElementById('typed-status').textContent.startsWith('ready: wc')", 'wc');
    t = await runTyped(path.join(work, 'poem.txt'), '');
    expect('typed-wc-native', t.status === 'status 0' && t.stdout === native('wc/wc-stream', [], path.join(work, 'poem.txt')).stdout,
      `${t.status} ${JSON.stringify(t.stdout)}`);
  } else if (examples) {
    fail('typed', 'the page offers no typed component');
  }
} catch (e) {
  fail('page', `${e.stack ?? e}\n${chromeErr.slice(-1500)}`);
}
clearTimeout(timeout);
browser.kill();
server.close();
console.log(`${failed ? 'some' : 'all'} checks done`);
process.exit(failed ? 1 : 0);
