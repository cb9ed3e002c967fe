/**
 * The last stage of the command line's processor. unified-engine keeps every file, and
 * every file's tree, until the whole run ends (its queue waits for all files), so a run
 * over a thousand articles would hold a thousand document indexes: about half a gigabyte.
 * Once an article's messages are final (rules, inline comments, fixes), this stage drops
 * its document index and hands the engine an empty tree. What the command needs
 * afterwards — the messages, `file.data.fix`, the path — stays.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'

export const releaseDocument: Plugin<[], Root> = function () {
  return (tree, file): Root => {
    delete file.data.coquille
    const empty: Root = {type: 'RootNode', children: []}
    if (tree.position) empty.position = tree.position
    return empty
  }
}
