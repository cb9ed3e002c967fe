/**
 * applyEdits, case by case: replacements, deletions, insertions, overlaps, stale or bogus
 * messages, suggestions, astral characters and line endings.
 */
import {describe, expect, it} from 'vitest'
import {applyEdits, type FixableMessage} from '../../src/fix/index.js'

/** A message replacing `actual` at `start` in `source` (offsets computed, so they are right). */
function at(source: string, actual: string, replacement: string, options: {from?: number; safe?: boolean; ruleId?: string} = {}): FixableMessage {
  const start = source.indexOf(actual, options.from ?? 0)
  if (start < 0) throw new Error(`"${actual}" not in the source`)
  return {ruleId: options.ruleId ?? 'test', start, end: start + actual.length, actual, expected: [replacement], safe: options.safe ?? true}
}

function insertion(offset: number, text: string, ruleId = 'test'): FixableMessage {
  return {ruleId, start: offset, end: offset, actual: '', expected: [text], safe: true}
}

describe('applyEdits', () => {
  it('replaces, deletes and inserts in one pass, in source order', () => {
    const source = 'Il a vu le le chat , puis...'
    const messages = [at(source, '...', '…'), at(source, ' le', ''), at(source, ' ,', ','), insertion(0, '« ')]
    const result = applyEdits(source, messages)
    expect(result.output).toBe('« Il a vu le chat, puis…')
    expect(result.applied.map((message) => message.start)).toEqual([0, 7, 18, 25])
    expect(result.skipped).toEqual([])
  })

  it('uses the first replacement only', () => {
    const source = 'un ou deux'
    expect(applyEdits(source, [{...at(source, 'ou', 'et'), expected: ['et', 'ni']}]).output).toBe('un et deux')
  })

  it('leaves an overlapping edit for the next pass', () => {
    const source = 'le le le chat'
    const first = at(source, 'le le', 'le')
    const second = at(source, 'le le', 'le', {from: 3})
    const result = applyEdits(source, [second, first])
    expect(result.output).toBe('le le chat')
    expect(result.applied).toEqual([first])
    expect(result.skipped).toEqual([{message: second, reason: 'overlap'}])
  })

  it('keeps the first of two edits of the same range', () => {
    const source = 'Etat'
    const accent = at(source, 'E', 'É', {ruleId: 'accent'})
    const other = at(source, 'E', 'e', {ruleId: 'case'})
    const result = applyEdits(source, [accent, other])
    expect(result.output).toBe('État')
    expect(result.skipped).toEqual([{message: other, reason: 'overlap'}])
  })

  it('applies two replacements that only touch', () => {
    const source = 'ab'
    expect(applyEdits(source, [at(source, 'b', 'B'), at(source, 'a', 'A')]).output).toBe('AB')
  })

  it('inserts only once at one point', () => {
    const source = 'Quoi?'
    const narrow = insertion(4, '\u202F', 'narrow')
    const plain = insertion(4, ' ', 'plain')
    const result = applyEdits(source, [narrow, plain])
    expect(result.output).toBe('Quoi\u202F?')
    expect(result.skipped).toEqual([{message: plain, reason: 'overlap'}])
  })

  it('does not insert where a kept replacement starts or ends', () => {
    const source = 'abc'
    const replaceB = at(source, 'b', 'B')
    const before = insertion(1, '[')
    const after = insertion(2, ']')
    // The insertion sorts first at offset 1, so it wins there; the replacement then waits,
    // and the insertion at 2 no longer touches a kept edit.
    const result = applyEdits(source, [replaceB, before, after])
    expect(result.output).toBe('a[b]c')
    expect(result.applied).toEqual([before, after])
    expect(result.skipped).toEqual([{message: replaceB, reason: 'overlap'}])
    // Without the insertion before it, the replacement wins and the insertion after it waits.
    const next = applyEdits(source, [replaceB, after])
    expect(next.output).toBe('aBc')
    expect(next.skipped).toEqual([{message: after, reason: 'overlap'}])
  })

  it('rejects a stale message and changes nothing', () => {
    const source = 'la Russie'
    const stale: FixableMessage = {ruleId: 'test', start: 3, end: 9, actual: 'France', expected: ['Italie'], safe: true}
    const result = applyEdits(source, [stale])
    expect(result.output).toBe(source)
    expect(result.skipped).toEqual([{message: stale, reason: 'stale'}])
  })

  it('rejects bogus offsets without throwing', () => {
    const source = 'texte'
    const bogus: FixableMessage[] = [
      {ruleId: 'negative', start: -1, end: 1, actual: 't', expected: ['T'], safe: true},
      {ruleId: 'beyond', start: 4, end: 6, actual: 'e', expected: ['E'], safe: true},
      {ruleId: 'reversed', start: 3, end: 1, actual: '', expected: ['x'], safe: true},
      {ruleId: 'fraction', start: 0.5, end: 1, actual: 't', expected: ['T'], safe: true},
      {ruleId: 'nan', start: Number.NaN, end: 1, actual: 't', expected: ['T'], safe: true},
      {ruleId: 'infinite', start: 0, end: Number.POSITIVE_INFINITY, actual: 'texte', expected: [''], safe: true},
      {ruleId: 'not-a-string', start: 0, end: 1, actual: 't', expected: [42 as unknown as string], safe: true},
    ]
    const result = applyEdits(source, bogus)
    expect(result.output).toBe(source)
    expect(result.applied).toEqual([])
    expect(result.skipped.map((skip) => [skip.message.ruleId, skip.reason])).toEqual(bogus.map((message) => [message.ruleId, 'invalid']))
  })

  it('skips a replacement equal to the text it replaces', () => {
    const source = 'déjà'
    const same = at(source, 'déjà', 'déjà')
    expect(applyEdits(source, [same])).toEqual({output: source, applied: [], skipped: [{message: same, reason: 'no-op'}]})
  })

  it('applies suggestions only when opted in, and ignores messages without a replacement', () => {
    const source = 'la Russie'
    const suggestion = at(source, 'la', 'La', {safe: false, ruleId: 'capital'})
    const noFix: FixableMessage = {ruleId: 'remark', start: 3, end: 9, actual: 'Russie', expected: [], safe: true}
    expect(applyEdits(source, [suggestion, noFix])).toEqual({output: source, applied: [], skipped: []})
    const opted = applyEdits(source, [suggestion, noFix], {include: (message) => message.ruleId === 'capital'})
    expect(opted.output).toBe('La Russie')
    expect(applyEdits(source, [suggestion], {include: (message) => message.ruleId === 'other'}).output).toBe(source)
  })

  it('deletes, including the whole text', () => {
    const source = 'texte'
    expect(applyEdits(source, [at(source, 'texte', '')]).output).toBe('')
    expect(applyEdits('', [insertion(0, 'début')]).output).toBe('début')
  })

  it('counts offsets in UTF-16 code units around astral characters', () => {
    const source = '𝔘n 👩‍👩‍👧 le le chat'
    const result = applyEdits(source, [at(source, ' le le', ' le'), at(source, '𝔘', 'U')])
    expect(result.output).toBe('Un 👩‍👩‍👧 le chat')
    // Replacing a whole astral character is fine.
    expect(applyEdits(source, [at(source, '👩', '👨')]).output).toBe('𝔘n 👨‍👩‍👧 le le chat')
  })

  it('refuses an edit that would split a surrogate pair', () => {
    const source = 'a😀b'
    const half: FixableMessage = {ruleId: 'test', start: 1, end: 2, actual: '\uD83D', expected: ['x'], safe: true}
    const inside = insertion(2, ' ')
    const result = applyEdits(source, [half, inside])
    expect(result.output).toBe(source)
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['splits-surrogate-pair', 'splits-surrogate-pair'])
  })

  it('edits next to lone surrogates already in the source', () => {
    const source = '\uD800le le\uDC00'
    expect(applyEdits(source, [at(source, 'le le', 'le')]).output).toBe('\uD800le\uDC00')
    expect(applyEdits(source, [{ruleId: 'test', start: 0, end: 1, actual: '\uD800', expected: [''], safe: true}]).output).toBe('le le\uDC00')
  })

  it('leaves CRLF line endings and everything else outside the edits as they were', () => {
    const source = 'Titre\r\n\r\nIl  a vu le le chat.\r\nFin ,\r\n'
    const result = applyEdits(source, [at(source, '  ', ' '), at(source, ' le le', ' le'), at(source, ' ,', ',')])
    expect(result.output).toBe('Titre\r\n\r\nIl a vu le chat.\r\nFin,\r\n')
    expect(result.output.match(/\r\n/g)).toHaveLength(4)
  })
})
