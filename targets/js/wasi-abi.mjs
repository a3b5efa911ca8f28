// wasi-abi.mjs: the WASI preview1 ABI a JavaScript host needs: errno numbers, rights, layouts, guest memory access.
//
// Every guest pointer and length arrives from WebAssembly as an i32, which
// JavaScript sees signed; the helpers here read them as the u32 they are
// and check that what they touch lies inside the memory: a part outside
// it is ERRNO.FAULT, never a JavaScript exception. No helper keeps a view
// across calls: memory.buffer changes when the guest grows its memory.

// The errno names of preview1, in number order (wasi_snapshot_preview1's
// `errno` enum: 0 is SUCCESS, 76 NOTCAPABLE).
const ERRNO_LIST = [
  'SUCCESS',
  '2BIG',
  'ACCES',
  'ADDRINUSE',
  'ADDRNOTAVAIL',
  'AFNOSUPPORT',
  'AGAIN',
  'ALREADY',
  'BADF',
  'BADMSG',
  'BUSY',
  'CANCELED',
  'CHILD',
  'CONNABORTED',
  'CONNREFUSED',
  'CONNRESET',
  'DEADLK',
  'DESTADDRREQ',
  'DOM',
  'DQUOT',
  'EXIST',
  'FAULT',
  'FBIG',
  'HOSTUNREACH',
  'IDRM',
  'ILSEQ',
  'INPROGRESS',
  'INTR',
  'INVAL',
  'IO',
  'ISCONN',
  'ISDIR',
  'LOOP',
  'MFILE',
  'MLINK',
  'MSGSIZE',
  'MULTIHOP',
  'NAMETOOLONG',
  'NETDOWN',
  'NETRESET',
  'NETUNREACH',
  'NFILE',
  'NOBUFS',
  'NODEV',
  'NOENT',
  'NOEXEC',
  'NOLCK',
  'NOLINK',
  'NOMEM',
  'NOMSG',
  'NOPROTOOPT',
  'NOSPC',
  'NOSYS',
  'NOTCONN',
  'NOTDIR',
  'NOTEMPTY',
  'NOTRECOVERABLE',
  'NOTSOCK',
  'NOTSUP',
  'NOTTY',
  'NXIO',
  'OVERFLOW',
  'OWNERDEAD',
  'PERM',
  'PIPE',
  'PROTO',
  'PROTONOSUPPORT',
  'PROTOTYPE',
  'RANGE',
  'ROFS',
  'SPIPE',
  'SRCH',
  'STALE',
  'TIMEDOUT',
  'TXTBSY',
  'XDEV',
  'NOTCAPABLE',
];

// ERRNO.BADF === 8, ...: the number of each name above.
export const ERRNO = Object.freeze(Object.fromEntries(ERRNO_LIST.map((name, n) => [name, n])));

// The C name of errno n ('EBADF'; 'ESUCCESS' for 0), or undefined when n is
// not a preview1 errno.
export function errnoName(n) {
  return Number.isInteger(n) && n >= 0 && n < ERRNO_LIST.length ? `E${ERRNO_LIST[n]}` : undefined;
}

// The preview1 errno of a host error code ('ENOENT' -> ERRNO.NOENT), or
// undefined when preview1 has no such errno.
export function errnoOfCode(code) {
  if (typeof code !== 'string' || !code.startsWith('E') || code === 'ESUCCESS') return undefined;
  return Object.hasOwn(ERRNO, code.slice(1)) ? ERRNO[code.slice(1)] : undefined;
}

// Rights bits (u64) a host reports in an fdstat.
export const RIGHTS = Object.freeze({
  FD_READ: 1n << 1n,
  FD_WRITE: 1n << 6n,
  FD_FILESTAT_GET: 1n << 21n,
  POLL_FD_READWRITE: 1n << 27n,
});

// filetype (u8) values.
export const FILETYPE = Object.freeze({ UNKNOWN: 0, CHARACTER_DEVICE: 2, DIRECTORY: 3, REGULAR_FILE: 4 });

// eventtype (u8) values of a subscription or an event.
export const EVENTTYPE = Object.freeze({ CLOCK: 0, FD_READ: 1, FD_WRITE: 2 });

// Sizes of the structures a host writes or reads.
export const IOVEC_SIZE = 8; // buf: u32, buf_len: u32
export const FDSTAT_SIZE = 24; // filetype u8 @0, flags u16 @2, rights_base u64 @8, rights_inheriting u64 @16
export const FILESTAT_SIZE = 64;
export const SUBSCRIPTION_SIZE = 48; // userdata u64 @0, tag u8 @8, fd u32 @16 (fd_read / fd_write)
export const EVENT_SIZE = 32; // userdata u64 @0, error u16 @8, type u8 @10

// Whether [ptr, ptr + len) lies inside `memory` (ptr and len read as u32).
export function inMemory(memory, ptr, len) {
  return (ptr >>> 0) + (len >>> 0) <= memory.buffer.byteLength;
}

// The guest's iovec array at `iovs` (`n` entries) as Uint8Array views of
// `memory`, or an errno: ERRNO.FAULT when the array or a buffer lies
// outside memory, ERRNO.INVAL when the lengths add up to more than a u32
// can count (the byte count a read or write returns).
export function iovecs(memory, iovs, n) {
  iovs >>>= 0;
  n >>>= 0;
  const buffer = memory.buffer;
  if (iovs + IOVEC_SIZE * n > buffer.byteLength) return ERRNO.FAULT;
  const view = new DataView(buffer);
  const out = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const ptr = view.getUint32(iovs + IOVEC_SIZE * i, true);
    const len = view.getUint32(iovs + IOVEC_SIZE * i + 4, true);
    if (ptr + len > buffer.byteLength) return ERRNO.FAULT;
    total += len;
    if (total > 0xffffffff) return ERRNO.INVAL;
    out.push(new Uint8Array(buffer, ptr, len));
  }
  return out;
}

// Stores u32 `value` at guest address `ptr`; returns an errno.
export function putU32(memory, ptr, value) {
  ptr >>>= 0;
  if (ptr + 4 > memory.buffer.byteLength) return ERRNO.FAULT;
  new DataView(memory.buffer).setUint32(ptr, value, true);
  return ERRNO.SUCCESS;
}

// Stores u64 `value` (a BigInt) at guest address `ptr`; returns an errno.
export function putU64(memory, ptr, value) {
  ptr >>>= 0;
  if (ptr + 8 > memory.buffer.byteLength) return ERRNO.FAULT;
  new DataView(memory.buffer).setBigUint64(ptr, value, true);
  return ERRNO.SUCCESS;
}

// Writes an fdstat at `ptr`: { filetype, flags, rightsBase,
// rightsInheriting } (missing fields 0, padding zeroed); returns an errno.
export function putFdstat(memory, ptr, { filetype = 0, flags = 0, rightsBase = 0n, rightsInheriting = 0n } = {}) {
  ptr >>>= 0;
  if (ptr + FDSTAT_SIZE > memory.buffer.byteLength) return ERRNO.FAULT;
  new Uint8Array(memory.buffer, ptr, FDSTAT_SIZE).fill(0);
  const view = new DataView(memory.buffer);
  view.setUint8(ptr, filetype);
  view.setUint16(ptr + 2, flags, true);
  view.setBigUint64(ptr + 8, rightsBase, true);
  view.setBigUint64(ptr + 16, rightsInheriting, true);
  return ERRNO.SUCCESS;
}
