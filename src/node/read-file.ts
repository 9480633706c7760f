// Reading files that may be hostile: only regular files are read (symlinks
// resolved first; FIFOs, devices, sockets and directories refused before they
// are opened), a file meant to stay inside a folder must resolve inside it,
// and every read is bounded by the size limit while it reads (a size taken
// beforehand says nothing of /dev/zero or a file that grows).
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import type { Problem } from '../core/problems.ts';
import { fileNotFound, fileProblem, fileTooLarge, fileUnreadable, isDirectory } from '../core/check/problems.ts';

export interface OpenFile {
  fd: number;
  /** The resolved path (symlinks followed). */
  real: string;
  /** The size when opened (it may change; reads stay bounded anyway). */
  size: number;
}

/** What a path names, in words, when it is not a regular file. */
function kindOf(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function special(path: string, what: string, kind: string): Problem {
  return fileProblem(
    'file-unreadable',
    path,
    `${what} ${path} is ${kind}, not a regular file`,
    'give the path of a regular file: pipes, devices and sockets are not read',
  );
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/** Whether `e` came from the file system (anything else is a bug, not the file's fault). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/**
 * Opens `path` for reading if it is a regular file of at most `limit` bytes
 * (and, with `within`, if it resolves inside that folder); else the problem.
 */
export function openRegular(
  path: string,
  what: string,
  limit: number,
  within?: string,
): OpenFile | { problem: Problem } {
  let real: string;
  let st: Stats;
  try {
    real = realpathSync(path);
    st = statSync(real);
  } catch (e) {
    const code = errno(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { problem: fileNotFound(path, what, path, process.cwd()) };
    return { problem: fileUnreadable(path, what, path, code, 'check that the file exists and that you may read it') };
  }
  if (st.isDirectory()) return { problem: isDirectory(path, what, path) };
  const kind = kindOf(st);
  if (kind) return { problem: special(path, what, kind) };
  if (within !== undefined) {
    let root: string;
    try {
      root = realpathSync(within);
    } catch {
      root = within;
    }
    if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
      return {
        problem: fileProblem(
          'bad-path',
          path,
          `${what} ${path} leads outside the dataset's folder (to ${real})`,
          "keep source texts inside the dataset's folder; a link may not point out of it",
        ),
      };
    }
  }
  if (st.size > limit) return { problem: fileTooLarge(path, what, path, st.size, limit) };
  let fd: number;
  try {
    // Non-blocking: a file swapped for a FIFO after the check does not hang the open.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { problem: fileUnreadable(path, what, path, errno(e)) };
  }
  const again = fstatSync(fd);
  const changed = again.isDirectory() ? 'a directory' : kindOf(again);
  if (changed) {
    closeSync(fd);
    return { problem: special(path, what, changed) };
  }
  return { fd, real, size: again.size };
}

// biome-ignore lint/suspicious/noConfusingVoidType: callers pass callbacks that return nothing to mean "go on"
type OnChunk = (bytes: Uint8Array, last: boolean) => boolean | void;

/**
 * Reads the open file in chunks, handing each to `onChunk` (a view into a
 * reused buffer) until the end, or until `onChunk` returns false; a file that
 * grows past `limit` while read is the problem. Closes the file.
 */
export function readChunks(
  file: OpenFile,
  path: string,
  what: string,
  limit: number,
  chunkBytes: number,
  onChunk: OnChunk,
): { problem: Problem } | undefined {
  const buf = Buffer.allocUnsafe(chunkBytes);
  let total = 0;
  try {
    for (;;) {
      const n = readSync(file.fd, buf, 0, buf.length, null);
      total += n;
      if (total > limit) return { problem: fileTooLarge(path, what, path, total, limit) };
      if (onChunk(buf.subarray(0, n), n === 0) === false || n === 0) return undefined;
    }
  } catch (e) {
    if (!isFsError(e)) throw e;
    return { problem: fileUnreadable(path, what, path, errno(e)) };
  } finally {
    closeSync(file.fd);
  }
}

/** The whole of a regular file, read with a running bound. */
export function readBytes(
  path: string,
  what: string,
  limit: number,
  within?: string,
): { bytes: Buffer } | { problem: Problem } {
  const file = openRegular(path, what, limit, within);
  if ('problem' in file) return file;
  // Room for the size seen at open and one byte more, to see the end (or growth) at once.
  let buf = Buffer.allocUnsafe(Math.min(file.size, limit) + 1);
  let total = 0;
  try {
    for (;;) {
      const n = readSync(file.fd, buf, total, buf.length - total, null);
      if (n === 0) return { bytes: buf.subarray(0, total) };
      total += n;
      if (total > limit) return { problem: fileTooLarge(path, what, path, total, limit) };
      if (total === buf.length) {
        const more = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
        buf.copy(more, 0, 0, total);
        buf = more;
      }
    }
  } catch (e) {
    if (!isFsError(e)) throw e;
    return { problem: fileUnreadable(path, what, path, errno(e)) };
  } finally {
    closeSync(file.fd);
  }
}
