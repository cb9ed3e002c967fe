/**
 * Atomic writes: write a temporary file beside the target, then rename it over the
 * target, so a reader (or a crash) sees either the old file or the new one, never half.
 * The file mode is kept.
 */
import {basename, dirname, join} from 'node:path'

export async function writeFileAtomic(path: string, content: string): Promise<void> {
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
    await handle.writeFile(content, 'utf8')
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
