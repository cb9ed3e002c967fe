/** unifiedDiff: the standard format, checked by hand and by applying the patch back. */
import {applyPatch, parsePatch} from 'diff'
import {describe, expect, it} from 'vitest'
import {unifiedDiff} from '../../src/fix/index.js'

const lines = (count: number): string => Array.from({length: count}, (_, index) => `ligne ${index + 1}\n`).join('')

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('même texte\n', 'même texte\n', 'a.txt')).toBe('')
  })

  it('writes file headers and one hunk with 3 lines of context', () => {
    const before = lines(10)
    const after = before.replace('ligne 5\n', 'ligne cinq\n')
    expect(unifiedDiff(before, after, 'articles/a.txt')).toBe(
      [
        '--- a/articles/a.txt',
        '+++ b/articles/a.txt',
        '@@ -2,7 +2,7 @@',
        ' ligne 2',
        ' ligne 3',
        ' ligne 4',
        '-ligne 5',
        '+ligne cinq',
        ' ligne 6',
        ' ligne 7',
        ' ligne 8',
        '',
      ].join('\n'),
    )
  })

  it('splits distant changes into hunks, and the patch applies back', () => {
    const before = lines(30)
    const after = before.replace('ligne 2\n', 'ligne deux\n').replace('ligne 25\n', '').replace('ligne 30\n', 'ligne 30\nfin\n')
    const patch = unifiedDiff(before, after, 'a.txt')
    expect(patch.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -22,9 +22,9 @@'])
    expect(applyPatch(before, patch)).toBe(after)
    expect(parsePatch(patch)).toHaveLength(1)
  })

  it('keeps CRLF and marks a missing final newline', () => {
    const before = 'Titre\r\nIl  a vu.\r\nFin'
    const after = 'Titre\r\nIl a vu.\r\nFin.'
    const patch = unifiedDiff(before, after, 'a.txt')
    expect(patch).toBe(
      [
        '--- a/a.txt',
        '+++ b/a.txt',
        '@@ -1,3 +1,3 @@',
        ' Titre\r',
        '-Il  a vu.\r',
        '-Fin',
        '\\ No newline at end of file',
        '+Il a vu.\r',
        '+Fin.',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    )
    expect(applyPatch(before, patch)).toBe(after)
  })
})
