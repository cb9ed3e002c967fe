/**
 * The last stage of the command line's processor, for the sake of unified-engine, which
 * keeps every file until the whole run ends (its queue waits for all files).
 *
 * - Once an article's messages are final (rules, inline comments, fixes), its document
 *   index is dropped and the engine gets an empty tree: a run over a thousand articles
 *   would otherwise hold a thousand indexes, about half a gigabyte.
 * - The messages are set aside in `file.data.lintMessages` until the engine is done
 *   (`restoreMessages`): each time a file reaches the engine's queue, the queue counts the
 *   messages of every file, which made a run quadratic in files × messages (0.2 s for a
 *   thousand articles, 20 s for ten thousand). No stage after this one reads them: the
 *   engine neither writes nor prints files for coquille.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'

export const releaseDocument: Plugin<[], Root> = function () {
  return (tree, file): Root => {
    delete file.data.coquille
    // Re-lints of the fix loop and sections of a huge file are read by coquille itself.
    if (!file.data.relint && !file.data.section) {
      file.data.lintMessages = file.messages
      file.messages = []
    }
    const empty: Root = {type: 'RootNode', children: []}
    if (tree.position) empty.position = tree.position
    return empty
  }
}

/** Put back the messages set aside, before what the engine added afterwards (if anything). */
export function restoreMessages(file: VFile): void {
  const kept = file.data.lintMessages
  if (!kept) return
  file.messages = [...kept, ...file.messages]
  delete file.data.lintMessages
}
