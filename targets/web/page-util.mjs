// page-util.mjs: what the page's two parts (page.mjs, typed-page.mjs) share.

// "a 'b c' d" -> ['a', 'b c', 'd']: arguments as a person types them.
export function splitArgs(text) {
  const out = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  let m;
  while ((m = re.exec(text))) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

// Offers bytes for download as a file called name.
export function downloadBytes(name, bytes) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes]));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}
