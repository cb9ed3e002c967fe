/** A unified diff of a fix, for `--fix-dry-run` (jsdiff does the diffing). */
import {createTwoFilesPatch} from 'diff'

export function unifiedDiff(before: string, after: string, fileName: string): string {
  if (before === after) return ''
  return createTwoFilesPatch(`a/${fileName}`, `b/${fileName}`, before, after, undefined, undefined, {context: 3})
}
