// wasi-vfs-pack-fail.mjs: the packer's errors: a Failure is one line on stderr, prefixed with the name the user typed.

// An error the packer reports (and exits 1), never a crash.
export class Failure extends Error {}

// The name errors start with: this tool's, or the driver's that ran it.
let name = 'wasi-vfs-pack';
export const progName = () => name;
export function setProgName(n) {
  name = n;
}

// Throws a Failure with message msg.
export const fail = (msg) => {
  throw new Failure(msg);
};
