/**
 * The gazetteer: countries, territories, regions, départements, US states, Canadian
 * provinces, cities and organisations, with the grammar a French sentence needs around
 * them (gender, number, article, the preposition for "in/to" and for "from").
 *
 * Data: `data/gazetteer.json` (see PROVENANCE.md), read once per process on first use.
 * Names are matched on word tokens as the document index gives them: hyphenated names are
 * one token ("États-Unis"), others several ("Corée du Nord" is three words), an elided
 * word stays whole ("Côte d’Ivoire" is "Côte" + "d’Ivoire").
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {dataFolder} from './lists.js'

export type PlaceKind =
  | 'country'
  | 'territory'
  | 'region'
  | 'department'
  | 'us-state'
  | 'province'
  | 'city'
  | 'organisation'
  | 'institution'

/** The definite article a name takes; `''` for names used without one (Cuba, Paris, Matignon). */
export type Article = 'le' | 'la' | 'les' | 'l’' | ''

export interface PlaceName {
  /** The usual French name, with its article when the article belongs to it ("Le Caire"). */
  readonly name: string
  /** Other names with the same grammar: official long names, acronyms, unaccented forms. */
  readonly aliases: readonly string[]
  readonly kind: PlaceKind
  readonly gender: 'm' | 'f'
  readonly number: 's' | 'p'
  readonly article: Article
  /** Preposition (with article) for "in/to": "en", "au", "aux", "à", "à la", "dans le"… */
  readonly in: string
  /** Preposition (with article) for "from": "de", "d’", "du", "des", "de la"… */
  readonly from: string
  /** Membership of the United Nations, for sovereign states. */
  readonly un?: 'member' | 'observer'
  /** Other articles found in careful usage ("le Suisse" is also a Swiss man; "Samoa"). */
  readonly alsoArticle?: readonly Article[]
  /** Other accepted "in" forms ("dans le Texas" beside "au Texas"). */
  readonly alsoIn?: readonly string[]
  /** Other accepted "from" forms. */
  readonly alsoFrom?: readonly string[]
  /** The name is also a person's name (Dominique, Virginie, Hollande): never judged bare. */
  readonly alsoPersonName?: boolean
  /** For a name whose grammar differs from the usual name of the same place ("Grande-Bretagne"). */
  readonly variantOf?: string
}

/** One way of writing a name, split in words, with the entries it names. */
interface Form {
  readonly words: readonly string[]
  readonly entries: PlaceName[]
  /** The form starts with the name's own article ("Le Caire", "La Réunion"). */
  readonly withArticle: boolean
}

export interface NameMatch {
  /** Every entry written this way (homonyms: "Québec" the province and the city), preferred first. */
  readonly entries: readonly PlaceName[]
  /** Number of words the name spans. */
  readonly length: number
  /** The match includes the name's own article ("La Paz", "le Caire"). */
  readonly withArticle: boolean
}

/** Homonyms are listed in this order of preference ("Géorgie" the country before the state). */
const kindOrder: readonly PlaceKind[] = [
  'country', 'territory', 'region', 'province', 'us-state', 'department', 'organisation', 'institution', 'city',
]

const articleWord = /^(le|la|les|l’)$/i
const leadingArticle = /^(Le|La|Les) |^L’/

let loaded: {entries: PlaceName[]; byName: Map<string, PlaceName[]>; byFirstWord: Map<string, Form[]>} | undefined

/** Typographic apostrophe, as the gazetteer writes it. */
export function normaliseApostrophe(text: string): string {
  return text.includes("'") ? text.replace(/'/g, '’') : text
}

function load() {
  if (loaded) return loaded
  const entries = JSON.parse(readFileSync(join(dataFolder, 'gazetteer.json'), 'utf8')) as PlaceName[]
  entries.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind))
  const byName = new Map<string, PlaceName[]>()
  const forms = new Map<string, Form>()
  const addForm = (written: string, entry: PlaceName, withArticle: boolean) => {
    const key = `${withArticle ? '+' : ''}${written}`
    let form = forms.get(key)
    if (!form) {
      form = {words: written.split(' '), entries: [], withArticle}
      forms.set(key, form)
    }
    if (!form.entries.includes(entry)) form.entries.push(entry)
  }
  for (const entry of entries) {
    for (const written of [entry.name, ...entry.aliases]) {
      const name = normaliseApostrophe(written)
      const list = byName.get(name) ?? []
      if (!list.includes(entry)) list.push(entry)
      byName.set(name, list)
      if (entry.article !== '' && leadingArticle.test(name)) {
        // "Le Caire": matched with its article ("au Caire" reads the bare "Caire").
        addForm(name, entry, true)
        const bare = name.replace(leadingArticle, '')
        addForm(bare, entry, false)
        const bareList = byName.get(bare) ?? []
        if (!bareList.includes(entry)) bareList.push(entry)
        byName.set(bare, bareList)
      } else {
        addForm(name, entry, false)
      }
    }
  }
  const byFirstWord = new Map<string, Form[]>()
  for (const form of forms.values()) {
    const first = form.withArticle ? form.words[0]!.toLowerCase() : form.words[0]!
    const list = byFirstWord.get(first) ?? []
    list.push(form)
    byFirstWord.set(first, list)
  }
  // Longest names first, so that "Corée du Nord" wins over "Corée".
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length)
  loaded = {entries, byName, byFirstWord}
  return loaded
}

/** Every entry of the gazetteer. */
export function gazetteerEntries(): readonly PlaceName[] {
  return load().entries
}

/** Every entry named `name` (name or alias, exact case; `'` or `’`), preferred first. */
export function lookupAll(name: string): readonly PlaceName[] {
  return load().byName.get(normaliseApostrophe(name)) ?? []
}

/** The preferred entry named `name`, if any ("Géorgie" → the country). */
export function lookup(name: string): PlaceName | undefined {
  return lookupAll(name)[0]
}

/**
 * The longest name that starts at `words[index]` and runs over the following words.
 * Matching is exact (a lower-case "chine" is porcelain, not China), except for the
 * article that opens a name ("le Caire" as well as "Le Caire").
 */
export function matchAt(words: readonly string[], index: number): NameMatch | undefined {
  const first = words[index]
  if (first === undefined) return undefined
  const {byFirstWord} = load()
  const normalised = normaliseApostrophe(first)
  const exact = byFirstWord.get(normalised)
  const withArticle = articleWord.test(normalised) ? byFirstWord.get(normalised.toLowerCase()) : undefined
  // Most words start no name: nothing to sort or compare.
  if (!exact && !withArticle) return undefined
  // The first word is the same for every form: normalised and lower-cased once, not per form.
  let firstLower: string | undefined
  for (const form of longestFirst(exact ?? [], withArticle ?? [])) {
    if (index + form.words.length > words.length) continue
    let matches = form.withArticle ? (firstLower ??= normalised.toLowerCase()) === form.words[0]!.toLowerCase() : normalised === form.words[0]
    for (let offset = 1; offset < form.words.length && matches; offset++) {
      matches = normaliseApostrophe(words[index + offset]!) === form.words[offset]
    }
    if (matches) return {entries: form.entries, length: form.words.length, withArticle: form.withArticle}
  }
  return undefined
}

/**
 * Two lists of forms, each longest first, merged longest first; on a tie the first list's
 * form comes first (what a stable sort of the two lists joined gives).
 */
function longestFirst(first: readonly Form[], second: readonly Form[]): readonly Form[] {
  // The same list twice ("le" is its own lower case): each form twice, the first match unchanged.
  if (second.length === 0 || first === second) return first
  if (first.length === 0) return second
  const merged: Form[] = []
  let a = 0
  let b = 0
  while (a < first.length || b < second.length) {
    if (b >= second.length || (a < first.length && first[a]!.words.length >= second[b]!.words.length)) merged.push(first[a++]!)
    else merged.push(second[b++]!)
  }
  return merged
}

const vowelInitial = /^[aeiouâàäéèêëîïôöûüœæ]/i
const acronym = /^[A-Z][A-Z0-9]+$/

/**
 * Whether "le/la/de" elide before `word`: a vowel sound. A known name answers from its
 * article ("l’Hérault", h muet; "la Hongrie", h aspiré). An acronym read letter by letter
 * elides when its first letter is a vowel ("l’ONU", "l’AFP", "l’UE"), not otherwise ("le
 * FMI", "la SNCF", "le HCR"), as French usage does. Other words: a vowel initial; a word
 * starting with h is not elided unless a name of the gazetteer says so.
 */
export function elides(word: string): boolean {
  const entries = lookupAll(word)
  const withArticle = entries.find((entry) => entry.article !== '')
  if (withArticle) return withArticle.article === 'l’'
  if (entries.length > 0) return entries[0]!.from.endsWith('’')
  if (acronym.test(word)) return /^[AEIOU]/.test(word)
  return vowelInitial.test(word)
}

/** Every article a name is found with in careful usage. */
export function acceptedArticles(entry: PlaceName): readonly Article[] {
  return [entry.article, ...(entry.alsoArticle ?? [])]
}

/** "à" or "de" joined to an article as French writes it: au, aux, à la, à l’, du, des, de la, de l’. */
export function contract(preposition: 'à' | 'de', article: Article): string {
  if (article === 'le') return preposition === 'à' ? 'au' : 'du'
  if (article === 'les') return preposition === 'à' ? 'aux' : 'des'
  if (article === '') return preposition
  return `${preposition} ${article}`
}

/** Article (or contracted preposition) written before a name: "la Russie", "l’ONU", "du Japon". */
export function joinBefore(determiner: string, name: string): string {
  if (determiner === '') return name
  return determiner.endsWith('’') ? determiner + name : `${determiner} ${name}`
}
