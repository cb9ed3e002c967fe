/**
 * A unified diff of a fix, for `--fix-dry-run`. jsdiff (`diff`, BSD-3-Clause) does the
 * diffing; the output is what `patch -p1` and `git apply` read: `--- a/name`, `+++ b/name`,
 * `@@` hunks with 3 lines of context, `\ No newline at end of file` where it applies.
 * Line endings are kept as they are (a CRLF line shows its `\r`).
 */
import {lazy} from '../lazy.js'

/** Loaded on first use (only `--fix-dry-run` needs it); `preload()` loads it ahead. */
export const diffLibrary = lazy('diff', () => import('diff'))

/** The diff from `oldText` to `newText`, or `''` when they are equal. */
export function unifiedDiff(oldText: string, newText: string, fileName: string): string {
  if (oldText === newText) return ''
  const {createTwoFilesPatch, FILE_HEADERS_ONLY} = diffLibrary()
  return createTwoFilesPatch(`a/${fileName}`, `b/${fileName}`, oldText, newText, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  })
}
