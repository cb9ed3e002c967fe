/** Loads the benchmark corpus: ../shared/corpus/orangesum beside the repo, or $COQUILLE_CORPUS. */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {packageRoot} from '../src/package-root.js'

export interface Article {
  readonly name: string
  readonly text: string
}

export function corpusFolder(): string {
  return resolve(process.env['COQUILLE_CORPUS'] ?? join(packageRoot, '..', 'shared', 'corpus', 'orangesum'))
}

/** The corpus articles, or undefined (with the reason printed) when the corpus is absent. */
export function loadCorpus(): Article[] | undefined {
  const folder = corpusFolder()
  if (!existsSync(folder)) {
    console.log(`bench: corpus not found at ${folder}; set COQUILLE_CORPUS to a folder of .txt articles. Nothing measured.`)
    return undefined
  }
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({name, text: readFileSync(join(folder, name), 'utf8')}))
}
