/**
 * Atomic writes: write a temporary file beside the target, then rename it over the
 * target, so a reader (or a crash) sees either the old file or the new one, never half.
 * The file mode is kept.
 */
import {basename, dirname, join} from 'node:path'

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

/** `content` may be given in pieces (see `batches`). */
export async function writeFileAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  // Loaded here: a lint run that writes nothing does not pay for them at start-up.
  const [{randomBytes}, {chmod, open, rename, stat, unlink}] = await Promise.all([import('node:crypto'), import('node:fs/promises')])
  const temporary = join(dirname(path), `.${basename(path)}.coquille-${randomBytes(6).toString('hex')}.tmp`)
  let mode: number | undefined
  try {
    mode = (await stat(path)).mode & 0o7777
  } catch {
    mode = undefined
  }
  const handle = await open(temporary, 'wx', mode ?? 0o644)
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8')
    else for (const batch of batches(content)) await handle.write(batch, null, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(temporary).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    if (mode !== undefined) await chmod(temporary, mode)
    await rename(temporary, path)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    throw error
  }
}
