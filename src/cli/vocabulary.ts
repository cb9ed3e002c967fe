/**
 * `coquille vocabulary`: reads an archive of articles and proposes the words a newsroom
 * should accept, as a vocabulary file to review. The words nothing knows (not the word list,
 * the names, the brands, the gazetteer nor the current house vocabulary; English words are
 * left out) that recur across
 * many articles are names, brands and jargon, not typos: a typo is rarely made the same way
 * in several articles. Each comes with its counts and one example.
 *
 *     coquille vocabulary archive/ --min-articles 3 --output .coquille-vocabulary.proposed.txt
 */
import {readFileSync} from 'node:fs'
import {relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import type {Plugin} from 'unified'
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {getDocumentIndex} from '../parse/document.js'
import {preloadFormats} from '../parse/formats.js'
import {createProcessor, lintFile} from '../processor.js'
import {defaultMaxFileSize, isInputProblem, parseSize} from '../input.js'
import {loadVocabulary, vocabularyPath, type Vocabulary} from '../vocabulary.js'
import {ConfigError} from '../config.js'
import {isForeignStopWord, unknownWord} from '../../rules/spelling.js'
import {isEnglishWord} from '../lexicon/ranks.js'
import {writeFileAtomic} from '../io/write.js'
import {inert} from '../report/inert.js'
import {ArticleSearchError, findArticles} from './articles.js'
import type {CliIo} from './main.js'

const help = `Usage : coquille vocabulary [options] <chemins, dossiers ou motifs...>

Lit une archive d’articles et propose les mots que la rédaction devrait accepter : des mots
qu’aucune liste ne connaît (noms, marques, jargon) et qui reviennent d’un article à l’autre,
les plus répandus d’abord, avec leurs comptes et un exemple. La sortie est un fichier de
vocabulaire : le relire, garder ce qui est juste, et le mettre dans .coquille-vocabulary.txt.

Options :
      --min-articles <n>  proposer les mots vus dans au moins n articles (défaut 3)
  -o, --output <path>     écrire la proposition dans ce fichier (écriture atomique) plutôt
                          que sur stdout
      --vocabulary <path> le vocabulaire maison, dont les mots sont déjà acceptés
                          (défaut : .coquille-vocabulary.txt du dossier courant)
      --max-file-size <n> passer les articles de plus de n octets, ou avec k, M, G (défaut 50M)
  -h, --help              afficher cette aide`

const extensions = ['txt', 'md', 'markdown', 'html', 'htm']
const shortestProposed = 3
/** Characters of context kept on each side of an example. */
const exampleContext = 50

interface Tally {
  articles: number
  occurrences: number
  example: string
  path: string
}

/** Counts, in `tallies`, each unknown word of the article once per article and each of its uses. */
const countUnknownWords: Plugin<[Map<string, Tally>, ReadonlySet<string>], Root> = (tallies, houseWords) => (tree, file) => {
  const index = getDocumentIndex(file, tree)
  const seen = new Set<string>()
  for (const token of index.tokens) {
    if (token.kind !== 'word') continue
    const word = unknownWord(token.value, houseWords)
    // English words and stop words ("the", "of", "racing") are no newsroom's vocabulary,
    // and no rule flags them; nor are cut pieces ("a(vait)").
    if (!word || word.length < shortestProposed || isEnglishWord(word) || isForeignStopWord(word)) continue
    let tally = tallies.get(word)
    if (!tally) {
      const before = index.source.slice(Math.max(0, token.start - exampleContext), token.start)
      const after = index.source.slice(token.end, token.end + exampleContext)
      const example = `${before}${index.source.slice(token.start, token.end)}${after}`.replace(/\s+/g, ' ').trim()
      tallies.set(word, (tally = {articles: 0, occurrences: 0, example, path: file.path}))
    }
    tally.occurrences++
    if (!seen.has(word)) tally.articles++
    seen.add(word)
  }
}

/** Run `coquille vocabulary`; resolves to the exit code (0, or 2 on a usage or input error). */
export async function vocabularyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (text: string): number => {
    io.stderr.write(`coquille vocabulary: ${inert(text)}\n`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'min-articles': {type: 'string'},
        output: {type: 'string', short: 'o'},
        vocabulary: {type: 'string'},
        'max-file-size': {type: 'string'},
        help: {type: 'boolean', short: 'h'},
      },
    })
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]} (voir coquille vocabulary --help)`)
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout.write(help + '\n')
    return 0
  }
  const minArticles = values['min-articles'] === undefined ? 3 : Number(values['min-articles'])
  if (!Number.isInteger(minArticles) || minArticles < 1) return fail('--min-articles attend un nombre entier ≥ 1')
  const maxFileSize = values['max-file-size'] === undefined ? defaultMaxFileSize : parseSize(values['max-file-size'])
  if (maxFileSize === undefined) return fail('--max-file-size attend une taille en octets, ou avec k, M ou G (par exemple 100M)')
  if (positionals.length === 0) return fail('aucun article donné (chemins, dossiers ou motifs ; voir coquille vocabulary --help)')

  let house: Vocabulary
  let found
  try {
    const where = vocabularyPath(undefined, values.vocabulary === undefined ? undefined : resolve(io.cwd, values.vocabulary), io.cwd)
    house = loadVocabulary(where.path, values.vocabulary !== undefined)
    found = findArticles(positionals, {cwd: io.cwd, extensions, maxFileSize, detectIgnore: true, ignoreName: '.coquilleignore'})
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ArticleSearchError) return fail(error.message)
    throw error
  }
  for (const file of found.refused) io.stderr.write(`${inert(`${relative(io.cwd, file.path)}: ${file.messages[0]?.reason ?? 'non lu'}`)}\n`)
  await preloadFormats()

  const tallies = new Map<string, Tally>()
  const processor = createProcessor({config: {extends: 'none'}, messageControl: false, maxFileSize}).use(countUnknownWords, tallies, house.words)
  let articles = 0
  for (const {path} of found.files) {
    let file: VFile
    try {
      file = new VFile({path, value: readFileSync(path)})
    } catch (error) {
      io.stderr.write(`${inert(`${relative(io.cwd, path)}: illisible (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)}\n`)
      continue
    }
    lintFile(file, processor)
    const problem = file.messages.find(isInputProblem)
    if (problem) io.stderr.write(`${inert(`${relative(io.cwd, path)}: ${problem.reason}`)}\n`)
    else articles++
  }
  if (articles === 0) return fail(`aucun article lu dans ${positionals.join(', ')} (extensions : ${extensions.join(', ')})`)

  const proposed = [...tallies]
    .filter(([, tally]) => tally.articles >= minArticles)
    .sort(([left, a], [right, b]) => b.articles - a.articles || b.occurrences - a.occurrences || (left < right ? -1 : 1))
  const lines = [
    `# Vocabulaire maison proposé : ${proposed.length} mots inconnus, vus dans au moins ${minArticles} des ${articles} articles.`,
    '# À relire : garder les noms et les mots que la rédaction accepte, supprimer le reste (coquilles comprises),',
    '# puis ajouter les lignes gardées à .coquille-vocabulary.txt.',
  ]
  for (const [word, tally] of proposed) {
    lines.push('', `# ${tally.articles} articles, ${tally.occurrences} fois ; ${relative(io.cwd, tally.path)} : « ${tally.example} »`, word)
  }
  const text = lines.join('\n') + '\n'
  if (values.output) {
    try {
      await writeFileAtomic(resolve(io.cwd, values.output), text)
    } catch (error) {
      return fail(`écriture impossible de « ${values.output} » : ${(error as Error).message}`)
    }
    io.stderr.write(`coquille vocabulary: ${proposed.length} mots proposés d’après ${articles} articles → ${inert(values.output)}\n`)
  } else {
    io.stdout.write(text)
  }
  return 0
}
