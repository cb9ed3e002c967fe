/**
 * Writes that keep a file whole and keep its identity.
 *
 * - Atomic by default: a temporary file beside the target, flushed to disk, then renamed
 *   over it, so a reader (or a crash) sees the old file or the new one, never half.
 * - The target is the real file: through a symbolic link the link stays a link and its
 *   target is written.
 * - What makes the file itself is kept: mode, owner and group (restored on the temporary
 *   file, which needs the right to), extended attributes (ACLs, labels, `user.*`: copied
 *   with getfattr/setfattr, Debian package `attr`, when installed; Node.js has no API for
 *   them).
 * - When a rename would change that identity (a file with hard links would lose them; an
 *   owner, group or attribute that cannot be restored), the new content is written in
 *   place instead, after a complete copy has been flushed to the temporary file, which is
 *   deleted after: a crash then leaves that copy beside the article.
 * - A read-only file is refused, never replaced.
 */
import {basename, dirname, join} from 'node:path'
import {builtin} from '../lazy.js'

/** Loaded when an attribute is copied (child_process brings net and dgram: 2 ms of every start). */
const childProcess = builtin<typeof import('node:child_process')>('node:child_process')

/** Pieces of content are written in batches of about this many UTF-16 units. */
const batchLength = 1 << 20

/**
 * Group `pieces` into strings of about `batchLength` units: few writes, and never the whole
 * content as one string (a report of a huge file is written piece by piece).
 */
export function* batches(pieces: Iterable<string>): Generator<string> {
  let batch: string[] = []
  let length = 0
  for (const piece of pieces) {
    batch.push(piece)
    length += piece.length
    if (length >= batchLength) {
      yield batch.join('')
      batch = []
      length = 0
    }
  }
  if (length > 0) yield batch.join('')
}

/** A write refused: the reason, in French, fits in one line of the report. */
export class WriteError extends Error {
  override name = 'WriteError'
}

/** `content` may be given in pieces (see `batches`). */
export async function writeFileAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  // Loaded here: a lint run that writes nothing does not pay for them at start-up.
  const [{randomBytes}, fs] = await Promise.all([import('node:crypto'), import('node:fs/promises')])
  const {access, chmod, lstat, open, realpath, rename, stat, unlink, constants} = fs
  let target = path
  try {
    target = await realpath(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    if ((await lstat(path).catch(() => undefined))?.isSymbolicLink()) throw new WriteError('lien symbolique vers un fichier absent')
  }
  const existing = await stat(target).catch(() => undefined)
  if (existing && !existing.isFile()) throw new WriteError('pas un fichier ordinaire')
  if (existing) {
    // Root may write anything: a file nobody may write is refused all the same.
    const readOnly = (existing.mode & 0o222) === 0 || (await access(target, constants.W_OK).then(() => false, () => true))
    if (readOnly) throw new WriteError('fichier en lecture seule')
  }
  const mode = existing ? existing.mode & 0o7777 : 0o644
  const temporary = join(dirname(target), `.${basename(target)}.coquille-${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temporary, 'wx', mode)
  let inPlace = existing !== undefined && existing.nlink > 1
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8')
    else for (const batch of batches(content)) await handle.write(batch, null, 'utf8')
    await handle.sync()
    if (existing && !inPlace) {
      if (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.()) {
        inPlace = !(await handle.chown(existing.uid, existing.gid).then(() => true, () => false))
      }
      await chmod(temporary, mode)
      if (!inPlace) inPlace = !(await copyExtendedAttributes(target, temporary))
    }
  } catch (error) {
    await handle.close()
    await unlink(temporary).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    if (inPlace) await overwriteInPlace(target, temporary, fs)
    else await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
  if (inPlace) await unlink(temporary)
}

/** Write the content flushed to `copy` into `target`'s own inode (same links, owner, attributes). */
async function overwriteInPlace(target: string, copy: string, fs: typeof import('node:fs/promises')): Promise<void> {
  const bytes = await fs.readFile(copy)
  const handle = await fs.open(target, 'r+')
  try {
    await handle.write(bytes, 0, bytes.length, 0)
    await handle.truncate(bytes.length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function run(command: string, args: readonly string[]): Promise<{ok: boolean; missing: boolean; stdout: string}> {
  return new Promise((resolve) => {
    childProcess().execFile(command, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}, (error, stdout) => {
      resolve({ok: !error, missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT', stdout: String(stdout)})
    })
  })
}

/**
 * Give `to` the extended attributes of `from`. True when done (or there were none, or
 * getfattr is not installed: nothing can be known of them then); false when `from` has some
 * that could not be restored, so that the caller keeps the file's own inode instead.
 */
async function copyExtendedAttributes(from: string, to: string): Promise<boolean> {
  const dump = await run('getfattr', ['--absolute-names', '--dump', '--match=-', '--encoding=base64', '--', from])
  if (dump.missing) return true
  if (!dump.ok) return true // a file system without extended attributes
  for (const line of dump.stdout.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const equals = line.indexOf('=')
    if (equals <= 0) continue
    const restored = await run('setfattr', ['--name', line.slice(0, equals), '--value', line.slice(equals + 1), '--', to])
    if (!restored.ok) return false
  }
  return true
}
