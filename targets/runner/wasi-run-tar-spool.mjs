// wasi-run-tar-spool.mjs: --out: the module's archive spooled to an unlinked temporary file, zero pages left as holes.

import fs from 'node:fs';
import os from 'node:os';
import { TarError } from './js/tar.mjs';
import { isZero, PAGE } from './wasi-run-tar-bytes.mjs';

// An unlinked temporary file that takes the module's archive: write(bytes)
// appends (false once the limit is passed: the archive is then refused),
// source() reads it back. Pages of zeros are skipped, not written, so they
// cost no disk; the spool keeps the extents it wrote, so that reading back
// a hole costs no read either (source().nextData(pos) says where the next
// written bytes are).
export class Spool {
  constructor(limit) {
    const dir = fs.mkdtempSync(`${os.tmpdir()}/wasi-run-`);
    const file = `${dir}/archive`;
    const c = fs.constants;
    this.fd = fs.openSync(file, c.O_RDWR | c.O_CREAT | c.O_EXCL | c.O_NOFOLLOW, 0o600);
    fs.unlinkSync(file);
    fs.rmdirSync(dir);
    this.length = 0;
    this.limit = limit;
    this.over = false;
    this.extents = []; // [start, end) written, in order, merged
  }

  write(bytes) {
    if (this.over || this.length + bytes.length > this.limit) {
      this.over = true;
      return false;
    }
    if (!isZero(bytes)) {
      for (let at = 0; at < bytes.length;) {
        const n = Math.min(PAGE - ((this.length + at) % PAGE), bytes.length - at);
        const piece = bytes.subarray(at, at + n);
        if (!isZero(piece)) {
          const pos = this.length + at;
          for (let w = 0; w < n;) w += fs.writeSync(this.fd, piece, w, n - w, pos + w);
          const last = this.extents[this.extents.length - 1];
          if (last && last[1] === pos) last[1] = pos + n;
          else this.extents.push([pos, pos + n]);
        }
        at += n;
      }
    }
    this.length += bytes.length;
    return true;
  }

  // The index of the first extent that ends after pos.
  find(pos) {
    let lo = 0;
    let hi = this.extents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.extents[mid][1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  source() {
    return {
      read: (pos, n) => {
        const len = Math.max(0, Math.min(n, this.length - pos));
        const b = Buffer.alloc(len);
        for (let i = this.find(pos); i < this.extents.length && this.extents[i][0] < pos + len; i++) {
          const from = Math.max(pos, this.extents[i][0]);
          const to = Math.min(pos + len, this.extents[i][1]);
          for (let at = from; at < to;) {
            const k = fs.readSync(this.fd, b, at - pos, to - at, at);
            if (k === 0) throw new TarError('the spooled archive shrank');
            at += k;
          }
        }
        return b;
      },
      nextData: (pos) => {
        const i = this.find(pos);
        return i < this.extents.length ? Math.max(pos, this.extents[i][0]) : this.length;
      },
    };
  }

  close() {
    try {
      fs.closeSync(this.fd);
    } catch {}
  }
}
