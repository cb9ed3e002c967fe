import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {vowelWordTableSource} from '../../src/lexicon/lefff-words.js'
import {dataFolder} from '../../src/lexicon/lists.js'
import {nounTableSource, properNounTableSource} from '../../src/lexicon/nouns.js'
import {builtTablePath, loadTable, SortedTable, tableBytes, type TableSource} from '../../src/lexicon/sorted-table.js'

/** A table as the loader reads it, from bytes made by tableBytes. */
function tableFrom(entries: Array<[string, string]>): SortedTable {
  const bytes = tableBytes(entries)
  const count = bytes.readUInt32LE(4)
  const offsets = new Uint32Array(2 * count + 1).map((_, index) => bytes.readUInt32LE(8 + index * 4))
  return new SortedTable(bytes.subarray(8 + offsets.length * 4), offsets)
}

describe('SortedTable', () => {
  it('finds every key, with its value, and nothing else', () => {
    const entries: Array<[string, string]> = [
      ['œuvre', 'fs'], ['zèbre', 'ms'], ['abri', 'ms'], ['a', ''], ['ab', 'x'], ['Été', 'np'], ['été', 'ms'], ['aujourd\'hui', 'o'], ['ä', 'q'],
    ]
    const table = tableFrom(entries)
    expect(table.size).toBe(entries.length)
    for (const [key, value] of entries) expect(table.get(key)).toBe(value)
    for (const absent of ['', 'abr', 'abris', 'b', 'ETE', 'zèbres', 'œ', 'zzz', 'A']) expect(table.has(absent)).toBe(false)
  })

  it('keeps the last value of a repeated key, as the maps it replaces did', () => {
    const table = tableFrom([['tour', 'ms'], ['porte', 'fs'], ['tour', 'es']])
    expect(table.size).toBe(2)
    expect(table.get('tour')).toBe('es')
  })

  it('looks up keys longer than its reusable buffer', () => {
    const long = 'anticonstitutionnellement'.repeat(40)
    const table = tableFrom([[long, 'a'], ['b', 'b']])
    expect(table.get(long)).toBe('a')
    expect(table.has(long + 's')).toBe(false)
  })

  it('refuses keys and values it could not store', () => {
    expect(() => tableBytes([['a\tb', '']])).toThrow(/cannot be stored/)
    expect(() => tableBytes([['a', 'b\nc']])).toThrow(/cannot be stored/)
  })
})

describe('built tables', () => {
  const sources: TableSource[] = [nounTableSource, properNounTableSource, vowelWordTableSource]

  it.each(sources.map((source) => [source.name, source] as const))('the build writes %s, fresh and equal to the table built from its data file', (_name, source) => {
    // npm test builds first (scripts/bundle.ts).
    const built = builtTablePath(source.name)
    expect(statSync(built).mtimeMs).toBeGreaterThanOrEqual(statSync(join(dataFolder, source.source)).mtimeMs)
    expect(readFileSync(built).equals(tableBytes(source.entries(readFileSync(join(dataFolder, source.source), 'utf8'))))).toBe(true)
  })

  it('the loaded noun table holds every form of nouns-lefff.txt with its code', () => {
    const table = loadTable(nounTableSource)
    const text = readFileSync(join(dataFolder, 'nouns-lefff.txt'), 'utf8')
    const expected = new Map<string, string>()
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#') || line.startsWith('np ')) continue
      const [code, ...forms] = line.split(' ')
      for (const form of forms) expected.set(form, code!)
    }
    expect(table.size).toBe(expected.size)
    const wrong = [...expected].filter(([form, code]) => table.get(form) !== code)
    expect(wrong).toEqual([])
  })
})
