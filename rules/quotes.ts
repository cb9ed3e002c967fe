/**
 * ## quotes
 *
 * Reads the quotations of each paragraph with one stack over « » ‹ › “ ” ‘ ’ and the
 * straight " (see `src/parse/quotation.ts` for how marks are read), and reports what a
 * reader cannot repair in their head, one message per defect, on the mark itself:
 *
 * - an opening mark never closed in its paragraph, a closing mark never opened;
 * - a guillemet pointing the wrong way, decided from its neighbours and the open
 *   quotations ("Victoire« ." closes the quotation opened earlier → "Victoire »") — safe fix;
 * - a quotation opened and closed by different kinds of marks («…” or “…»): the mark that
 *   breaks the house style is changed (the closer of «…”, the straight opener of "…»);
 *   safe when one of the two marks is the house mark for that level or a straight quote,
 *   else a suggestion;
 * - a mark glued between two words ("sacrée“Elle", "ainsi.”sagesse"): the paragraph's
 *   pairs say whether it opens or closes, hence on which side the space belongs — suggestion
 *   (the missing space itself is the concern of the spacing rules);
 * - a straight quote typed twice (` ""Merci"`) — suggestion: delete one;
 * - two single marks typed for a double one (‘‘oui’’), or two apostrophes (''oui'',
 *   "d'''accord''") — suggestion: « oui ».
 *
 * Marks left unpaired get a fix from the most likely reading of their paragraph's double
 * marks as a whole (`src/rules/quote-pairing.ts`): each mark is read as an opener or a
 * closer, a quotation may have lost its closing mark, and what the shapes, the neighbours
 * ("livrée « Rouge Vif « et": a name ends before the mark, a conjunction follows it) and
 * the words around ("de « la": a quotation does not end on "de") say is weighed. So "une
 * livrée « Rouge Vif « et" (the second « closes), "dans « Le Mépris “, puis dans “ Pierrot
 * le fou »" (the first “ closes the «, the second opens the »), "son « plan «, a-t-il dit"
 * (a mark before a comma closes); and a closing mark dropped earlier in the paragraph does
 * not shift the pairs after it ("la version « Azur, présentée hier, côtoie la version
 * « Sable « et…": only the second quotation is repaired, the first is reported as never
 * closed). A quotation the repair leaves open is reported too. These are suggestions: the
 * reading is a guess. The mark a repair pairs with, in the same sentence, gets no message
 * of its own (one message per defect). A quotation opened and closed by different marks
 * inside a quotation never closed is read at the level the reading gives, a suggestion too.
 *
 * An article that quotes with « » (at least twice in running text) and once with straight
 * quotes "…" has slipped: the straight pair is reported, with the house marks as a
 * suggestion (an article that quotes with "…" throughout is left alone: see `straight`).
 *
 * A quotation may run over several paragraphs when each continued paragraph reopens with the
 * same mark (or with », the guillemet de suite): the paragraph left open is not an error. A
 * paragraph that closes a quotation left open by the previous one without reopening it gets
 * one message, on its closing mark.
 *
 * Apostrophes are never quotes ("l’accord", "aujourd’hui", "’90s", "rock’n’roll"): ’ closes a
 * quotation only when a ‘ is open. Inches are never quotes ("6"", "5'11""). A lone straight
 * quote is reported, never guessed.
 *
 * House style (options, off by default, on in `strict`):
 * - `straight: true` — straight quotes "…" become « … » with the house space inside (or
 *   “…” inside another quotation). The whole pair is one message, whose range covers the
 *   quotation from mark to mark and whose fix is the quotation rewritten — safe. Off in
 *   `recommended`: many newsrooms accept straight quotes.
 * - `levels: true` — “ ” used outside or « » inside a quotation (per `outer`/`inner`) —
 *   suggestion, the quotation rewritten with the house marks.
 * - `outer` (default `"«»"`) and `inner` (default `"“”"`): the house marks of the first and
 *   the nested levels, among `"«»"`, `"“”"`, `"‹›"`, `"‘’"`.
 * - `space` (default `"nbsp"`): the space written inside guillemets by the fixes: `"nbsp"`
 *   (U+00A0, Lexique des règles typographiques de l’Imprimerie nationale), `"nnbsp"` (U+202F,
 *   the thin no-break space of many newsrooms) or `"none"`.
 *
 * Norm: French press usage and the Lexique (Imprimerie nationale): « » for quotations, “ ”
 * for a quotation inside a quotation; a quotation continued over paragraphs reopens each of
 * them.
 *
 * Fix: mixed (direction, mismatched closer and straight pairs are safe; the rest are
 * suggestions or need a reader). Fixes that write a guillemet put the house space inside
 * it when the mark is glued (U+00A0 in the examples below, where it looks like a space).
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Le ministre a promis « une réponse “ferme et rapide” » aux agriculteurs.
 *   L’accord d’aujourd’hui rappelle les années ’90 et le rock’n’roll ; il mesure 6'2" et l’écran fait 27".
 *   Elle a parlé de « rupture ». Il a répondu : ‘no comment’, avant de partir.
 *   Le « oui » l’emporte, selon l’institut ; l’« affaire » continue.
 *
 * @example
 *   {"name": "ok-straight.txt"}
 *
 *   Le "oui" l’emporte ; l'"acte 2" continue, et le « non » recule.
 *
 * @example
 *   {"name": "ok-2.txt"}
 *
 *   Les syndicats maintiennent la pression
 *   « Nous resterons mobilisés, a-t-elle dit. Rien n’est réglé.
 *   « Le gouvernement doit revenir sur sa décision.
 *   » Nous serons dans la rue jeudi », a-t-elle conclu.
 *
 * @example
 *   {"name": "ok.md"}
 *
 *   # La commande « sudo »
 *
 *   Tapez `echo "bonjour` dans le terminal, puis « Entrée ».
 *
 *   ```sh
 *   printf '"%s' "$nom
 *   ```
 *
 *   Un [« lien »](https://exemple.fr "titre") et un **« gras »**.
 *
 *   > « Une citation en exergue,
 *   >
 *   > « qui continue ici. »
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Elle a promis de «tenir jusqu’à la Victoire« .
 *   Une «guerre sacrée“Il a salué ainsi.”sagesse» du président.
 *   Le maire évoque « une décision injuste”, puis se tait.
 *   Le syndicat dénonce une réforme » brutale.
 *   Il parle d’un « tournant, sans plus de détails.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:44-1:45 "«" → " »" [safe]: Guillemet ouvrant employé pour fermer la citation.
 *   2:19-2:20 "“" → " “" [suggestion]: Guillemet collé entre deux mots : il ouvre une citation et se sépare du mot qui précède.
 *   2:37-2:38 "”" → "” " [suggestion]: Guillemet collé entre deux mots : il ferme une citation et se sépare du mot qui suit.
 *   3:39-3:40 "”" → " »" [safe]: Guillemets dépareillés : la citation s’ouvre par « et se ferme par ”.
 *   4:33-4:34: Guillemet fermant sans guillemet ouvrant.
 *   5:15-5:16: Guillemet ouvrant jamais fermé dans le paragraphe.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Elle a promis de «tenir jusqu’à la Victoire » .
 *   Une «guerre sacrée“Il a salué ainsi.”sagesse» du président.
 *   Le maire évoque « une décision injuste », puis se tait.
 *   Le syndicat dénonce une réforme » brutale.
 *   Il parle d’un « tournant, sans plus de détails.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "input"}
 *
 *   Grève dans les transports
 *   Le délégué a prévenu : « Nous ne céderons pas.
 *   Le mouvement durera », a-t-il ajouté.
 *   Il a dit »Bonjour » en entrant, puis ""Merci" en sortant.
 *   Le préfet évoque un “ accord ”»».
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "output"}
 *
 *   3:21-3:22: Guillemet fermant sans guillemet ouvrant : si la citation du paragraphe précédent continue ici, rouvrez-la par « en tête de paragraphe.
 *   4:10-4:11 "»" → "« " [safe]: Guillemet fermant employé pour ouvrir la citation.
 *   4:38-4:39 "\"" → "" [suggestion]: Guillemet en double.
 *   5:31-5:32: Guillemet fermant sans guillemet ouvrant.
 *   5:32-5:33: Guillemet fermant sans guillemet ouvrant.
 *
 * @example
 *   {"name": "not-ok-2.txt", "label": "fixed"}
 *
 *   Grève dans les transports
 *   Le délégué a prévenu : « Nous ne céderons pas.
 *   Le mouvement durera », a-t-il ajouté.
 *   Il a dit « Bonjour » en entrant, puis ""Merci" en sortant.
 *   Le préfet évoque un “ accord ”»».
 *
 * @example
 *   {"name": "not-ok-repair.txt", "label": "input"}
 *
 *   Une livrée « Rouge Vif « et des jantes noires.
 *   Il a joué dans « Le Mépris “, puis dans “ Pierrot le fou ».
 *   Le ministre a défendu son « plan «, a-t-il dit, et parlé de ‘‘confiance’’.
 *   Elle évoque un ''tournant'' et le besoin d'''unité''.
 *
 * @example
 *   {"name": "not-ok-repair.txt", "label": "output"}
 *
 *   1:24-1:25 "«" → "»" [suggestion]: Guillemet « employé pour fermer la citation : ».
 *   2:28-2:29 "“" → "»" [suggestion]: Guillemet “ employé pour fermer la citation : ».
 *   2:41-2:42 "“" → "«" [suggestion]: Guillemet “ employé pour ouvrir la citation : «.
 *   3:34-3:35 "«" → "»" [safe]: Guillemet ouvrant employé pour fermer la citation.
 *   3:61-3:74 "‘‘confiance’’" → "« confiance »" [suggestion]: Deux guillemets simples tapés pour un guillemet double.
 *   4:16-4:28 "''tournant''" → "« tournant »" [suggestion]: Deux apostrophes tapées pour un guillemet double.
 *   4:44-4:53 "''unité''" → "« unité »" [suggestion]: Deux apostrophes tapées pour un guillemet double.
 *
 * @example
 *   {"name": "not-ok-dropped.txt", "label": "input"}
 *
 *   Le modèle « Azur, présenté hier, côtoie la version « Sable « et la série « Nuit, plus sobre.
 *   Le ministre parle d’une « réforme juste » et d’un « effort partagé », puis d’un "pacte" avec les élus.
 *   Il a cité « Le Mépris “, puis “ Pierrot le fou » et la série « Les Années, sans dire pourquoi.
 *   Elle porte la livrée « Vert Anglais et des finitions “ noir mat » très sobres.
 *
 * @example
 *   {"name": "not-ok-dropped.txt", "label": "output"}
 *
 *   1:11-1:12: Guillemet ouvrant jamais fermé dans le paragraphe.
 *   1:60-1:61 "«" → "»" [suggestion]: Guillemet « employé pour fermer la citation : ».
 *   1:74-1:75: Guillemet ouvrant jamais fermé dans le paragraphe.
 *   2:81-2:88 "\"pacte\"" → "« pacte »" [suggestion]: Guillemets droits dans un article qui cite entre « » : « … ».
 *   3:23-3:24 "“" → "»" [suggestion]: Guillemet “ employé pour fermer la citation : ».
 *   3:31-3:32 "“" → "«" [suggestion]: Guillemet “ employé pour ouvrir la citation : «.
 *   3:62-3:63: Guillemet ouvrant jamais fermé dans le paragraphe.
 *   4:22-4:23: Guillemet ouvrant jamais fermé dans le paragraphe.
 *   4:54-4:55 "“" → "«" [suggestion]: Guillemet “ employé pour ouvrir la citation : «.
 *
 * @example
 *   {"name": "not-ok-dropped.txt", "label": "fixed"}
 *
 *   Le modèle « Azur, présenté hier, côtoie la version « Sable « et la série « Nuit, plus sobre.
 *   Le ministre parle d’une « réforme juste » et d’un « effort partagé », puis d’un "pacte" avec les élus.
 *   Il a cité « Le Mépris “, puis “ Pierrot le fou » et la série « Les Années, sans dire pourquoi.
 *   Elle porte la livrée « Vert Anglais et des finitions “ noir mat » très sobres.
 *
 * @example
 *   {"name": "not-ok-straight.txt", "config": {"straight": true}, "label": "input"}
 *
 *   Le porte-parole a parlé d'une "réforme nécessaire" et d'un "effort de tous".
 *   Il a ajouté : "Nous dirons "non" à tout recul", avant de partir.
 *   Le maire, qui mesure 6", a promis « une réponse "rapide" ».
 *   Elle a lancé un "appel solennel aux élus.
 *
 * @example
 *   {"name": "not-ok-straight.txt", "config": {"straight": true}, "label": "output"}
 *
 *   1:31-1:51 "\"réforme nécessaire\"" → "« réforme nécessaire »" [safe]: Guillemets droits : en français, « … ».
 *   1:60-1:76 "\"effort de tous\"" → "« effort de tous »" [safe]: Guillemets droits : en français, « … ».
 *   2:15-2:47 "\"Nous dirons \"non\" à tout recul\"" → "« Nous dirons \"non\" à tout recul »" [safe]: Guillemets droits : en français, « … ».
 *   2:28-2:33 "\"non\"" → "“non”" [safe]: Guillemets droits dans une citation : “…”.
 *   3:49-3:57 "\"rapide\"" → "“rapide”" [safe]: Guillemets droits dans une citation : “…”.
 *   4:17-4:18: Guillemet ouvrant jamais fermé dans le paragraphe.
 *
 * @example
 *   {"name": "not-ok-straight.txt", "config": {"straight": true}, "label": "fixed"}
 *
 *   Le porte-parole a parlé d'une « réforme nécessaire » et d'un « effort de tous ».
 *   Il a ajouté : « Nous dirons “non” à tout recul », avant de partir.
 *   Le maire, qui mesure 6", a promis « une réponse “rapide” ».
 *   Elle a lancé un "appel solennel aux élus.
 *
 * @example
 *   {"name": "not-ok-space.txt", "config": {"straight": true, "space": "none"}, "label": "input"}
 *
 *   Il a dit "oui".
 *
 * @example
 *   {"name": "not-ok-space.txt", "config": {"straight": true, "space": "none"}, "label": "output"}
 *
 *   1:10-1:15 "\"oui\"" → "«oui»" [safe]: Guillemets droits : en français, « … ».
 *
 * @example
 *   {"name": "not-ok-space.txt", "config": {"straight": true, "space": "none"}, "label": "fixed"}
 *
 *   Il a dit «oui».
 *
 * @example
 *   {"name": "not-ok-levels.txt", "config": {"levels": true}, "label": "input"}
 *
 *   Le ministre a dénoncé des “mesures injustes” devant la presse.
 *   Elle a répondu : « Le texte parle d’une « pause » et rien de plus ».
 *   Il a cité ‹ la règle › sans la nommer.
 *
 * @example
 *   {"name": "not-ok-levels.txt", "config": {"levels": true}, "label": "output"}
 *
 *   1:27-1:45 "“mesures injustes”" → "« mesures injustes »" [suggestion]: Guillemets “ ” au premier niveau : la maison emploie « ».
 *   2:41-2:50 "« pause »" → "“pause”" [suggestion]: Guillemets « » dans une citation : la maison emploie “ ”.
 *   3:11-3:23 "‹ la règle ›" → "« la règle »" [suggestion]: Guillemets ‹ › au premier niveau : la maison emploie « ».
 *
 * @example
 *   {"name": "not-ok.md", "config": {"straight": true}, "label": "input"}
 *
 *   # Le « titre
 *
 *   Le ministre a promis une **« réponse”** rapide.
 *
 *   Il a lancé un « appel » et un "`avertissement`".
 *
 * @example
 *   {"name": "not-ok.md", "config": {"straight": true}, "label": "output"}
 *
 *   1:6-1:7: Guillemet ouvrant jamais fermé dans le paragraphe.
 *   3:37-3:38 "”" → " »" [safe]: Guillemets dépareillés : la citation s’ouvre par « et se ferme par ”.
 *   5:31-5:48 "\"`avertissement`\"" → "« `avertissement` »" [safe]: Guillemets droits : en français, « … ».
 *
 * @example
 *   {"name": "not-ok.md", "config": {"straight": true}, "label": "fixed"}
 *
 *   # Le « titre
 *
 *   Le ministre a promis une **« réponse »** rapide.
 *
 *   Il a lancé un « appel » et un « `avertissement` ».
 *
 * @example
 *   {"name": "not-ok.html", "config": {"straight": true}, "label": "input"}
 *
 *   <h1>Le &laquo;&nbsp;oui&nbsp;&raquo; l’emporte</h1>
 *   <p>Le maire a parlé d’un &quot;tournant&quot; et tapé <code>"x</code>.</p>
 *   <p>Elle a promis de «&nbsp;tenir jusqu’à la <em>Victoire</em>« .</p>
 *   <p title='"attribut'>Un texte sans « erreur ».</p>
 *
 * @example
 *   {"name": "not-ok.html", "config": {"straight": true}, "label": "output"}
 *
 *   2:26-2:46 "&quot;tournant&quot;" → "« tournant »" [suggestion]: Guillemets droits : en français, « … ».
 *   3:62-3:63 "«" → " »" [safe]: Guillemet ouvrant employé pour fermer la citation.
 *
 * @example
 *   {"name": "not-ok.html", "config": {"straight": true}, "label": "fixed"}
 *
 *   <h1>Le &laquo;&nbsp;oui&nbsp;&raquo; l’emporte</h1>
 *   <p>Le maire a parlé d’un &quot;tournant&quot; et tapé <code>"x</code>.</p>
 *   <p>Elle a promis de «&nbsp;tenir jusqu’à la <em>Victoire</em> » .</p>
 *   <p title='"attribut'>Un texte sans « erreur ».</p>
 */
import {defineRule} from '../src/rules/kit.js'
import {readPairs, type MarkReading} from '../src/rules/quote-pairing.js'
import {familyMarks, quotationAt, quoteMarkInfo, quoteStructure, type QuotationSpan, type QuoteFamily, type QuoteMark, type QuoteProblem} from '../src/parse/quotation.js'
import type {DocumentIndex} from '../src/parse/document.js'

export interface QuotesOptions {
  /** Report straight quotes "…" and rewrite them with the house marks (default false). */
  readonly straight?: boolean
  /** Report quotations whose marks are not the house marks of their level (default false). */
  readonly levels?: boolean
  /** House marks of a quotation in running text (default "«»"). */
  readonly outer?: string
  /** House marks of a quotation inside a quotation (default "“”"). */
  readonly inner?: string
  /** Space written inside guillemets by the fixes (default "nbsp"). */
  readonly space?: 'nbsp' | 'nnbsp' | 'none'
}

/** Pairs a house may choose for its quotations (options `outer` and `inner`). */
const housePairs = ['«»', '“”', '‹›', '‘’']
const spaces = {nbsp: '\u00A0', nnbsp: '\u202F', none: ''} as const
/** Marks written with a space inside the quotation (French guillemets). */
const spacedMarks = new Set(['«', '»', '‹', '›'])
const edgeSpaces = new Set([' ', '\t', '\u00A0', '\u202F'])

/** The text without the spaces at its edges (a loop: an unanchored regex would be quadratic). */
function trimEdgeSpaces(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && edgeSpaces.has(text[start]!)) start++
  while (end > start && edgeSpaces.has(text[end - 1]!)) end--
  return text.slice(start, end)
}

interface House {
  readonly straight: boolean
  readonly levels: boolean
  readonly outer: string
  readonly inner: string
  readonly space: string
}

function readOptions(options: QuotesOptions | undefined): House {
  const outer = options?.outer ?? '«»'
  const inner = options?.inner ?? '“”'
  const space = options?.space ?? 'nbsp'
  // The values were checked against meta.options before the rule ran.
  return {straight: options?.straight === true, levels: options?.levels === true, outer, inner, space: spaces[space]}
}

/** The end of a sentence and the start of the next ("jeudi. Le", "seulement.Il"). */
const sentenceEnd = /[\p{Ll}\d)][.!?…](?:\s+|(?=\p{Lu}))\p{Lu}/u

/** Double quotation marks that pair with one another when a paragraph is read as a whole. */
const doubleMarks = new Set(['«', '»', '“', '”'])

/**
 * Fixes for marks left unpaired, from the cheapest reading of their paragraph's double marks
 * (`src/rules/quote-pairing.ts`): "« Giallo Strato « et" (the second « closes), "« Tuer
 * n’est pas jouer “, et dans “ No Time to Die »" (the first “ closes the «, the second
 * opens the »). A pair holding a guillemet is written « »; otherwise “ ”. A mark the reading
 * leaves open (its closer was dropped) or closing nothing gets no fix. Keyed by the mark's
 * offset: the mark to write instead. Also the readings of the paragraphs' marks, for the
 * mismatches inside a quotation that was never closed.
 */
function repairUnpaired(
  index: DocumentIndex,
  spans: readonly QuotationSpan[],
  problems: readonly QuoteProblem[],
): {repairs: Map<number, string>; readings: Map<number, MarkReading>} {
  const repairs = new Map<number, string>()
  const readings = new Map<number, MarkReading>()
  const unpaired = new Set<number>()
  const blocks = new Set<number>()
  for (const problem of problems) {
    if (!doubleMarks.has(problem.mark.value)) continue
    const orphanMismatch = problem.kind === 'mismatch' && insideUnclosed(spans, problem.span)
    if (problem.kind !== 'unclosed' && problem.kind !== 'unopened' && !orphanMismatch) continue
    if (problem.kind !== 'mismatch') unpaired.add(problem.mark.start)
    blocks.add(index.tokens[problem.mark.token]!.block)
  }
  if (blocks.size === 0) return {repairs, readings}
  const marksByBlock = new Map<number, QuoteMark[]>()
  const seen = new Set<number>()
  const add = (mark: QuoteMark): void => {
    const block = index.tokens[mark.token]!.block
    if (!blocks.has(block) || !doubleMarks.has(mark.value) || seen.has(mark.start)) return
    seen.add(mark.start)
    const marks = marksByBlock.get(block) ?? []
    marks.push(mark)
    marksByBlock.set(block, marks)
  }
  for (const span of spans) {
    add(span.open)
    if (span.close) add(span.close)
  }
  for (const problem of problems) add(problem.mark)
  for (const marks of marksByBlock.values()) {
    for (const [start, reading] of readPairs(index, marks)) readings.set(start, reading)
  }
  for (const mark of [...marksByBlock.values()].flat()) {
    if (!unpaired.has(mark.start)) continue
    const reading = readings.get(mark.start)
    if (!reading || reading.role === 'none' || !reading.partner) continue
    const family = mark.value === '«' || mark.value === '»' || reading.partner.value === '«' || reading.partner.value === '»' ? familyMarks.guillemet : familyMarks.english
    const wanted = reading.role === 'open' ? family[0] : family[1]
    if (wanted !== mark.value) repairs.set(mark.start, wanted)
  }
  return {repairs, readings}
}

/** The span sits inside a quotation left open in its paragraph (its closer was dropped, or it never had one). */
function insideUnclosed(spans: readonly QuotationSpan[], at: number): boolean {
  for (let parent = spans[at]!.parent; parent !== -1; parent = spans[parent]!.parent) {
    if (!spans[parent]!.close) return true
  }
  return false
}

/** What may stand before an opening '' (the edge of the block, a space, an opening bracket or an elided word's apostrophe). */
const beforeOpening = /^(?:[([{\u2014\u2013-]|.*['’])$/u
const closingAfter = /^[.,;:!?)\]}…]/u

/**
 * ''tournant'': two apostrophes typed for a double quotation mark (old keyboards, wiki
 * markup). Only a pair in one block, the opener after a space or the block's edge and glued
 * to a word, the closer glued to the quoted text and followed by a space, punctuation or the
 * edge, with no '' between. Suggestion: the quotation with the house marks.
 */
function reportDoubledApostrophes(index: DocumentIndex, house: House, report: Parameters<Parameters<typeof defineRule<QuotesOptions>>[1]>[0]['report']): void {
  const {tokens} = index
  // Two or three straight apostrophes ('' or ''').
  const isMark = (at: number): boolean => {
    const token = tokens[at]
    return token !== undefined && token.kind === 'punctuation' && (token.value === "''" || token.value === "'''")
  }
  for (let at = 0; at < tokens.length; at++) {
    if (!isMark(at)) continue
    const token = tokens[at]!
    const previous = tokens[at - 1]
    const next = tokens[at + 1]
    const opensHere =
      (!previous || previous.block !== token.block || previous.kind === 'whitespace' || (previous.end === token.start && beforeOpening.test(previous.value)) || token.value === "'''") &&
      next?.kind === 'word' && next.start === token.end && next.block === token.block
    if (!opensHere) continue
    // "d'''union''": the first apostrophe is the elision's.
    const start = token.value === "'''" ? token.start + 1 : token.start
    if (token.value === "'''" && !(previous?.kind === 'word' && previous.end === token.start)) continue
    for (let close = at + 1; close < tokens.length && close < at + 80 && tokens[close]!.block === token.block; close++) {
      if (!isMark(close)) continue
      const mark = tokens[close]!
      const after = tokens[close + 1]
      const glued = tokens[close - 1]!.end === mark.start && tokens[close - 1]!.kind !== 'whitespace'
      const ends = !after || after.block !== mark.block || after.kind === 'whitespace' || (after.start === mark.end && closingAfter.test(after.value))
      if (mark.value === "''" && glued && ends) {
        const pair = quotationAt(index, start) ? house.inner : house.outer
        const space = pair[0] === '«' || pair[0] === '‹' ? house.space : ''
        const content = index.source.slice(start + 2, mark.start)
        report('Deux apostrophes tapées pour un guillemet double.', start, mark.end, {expected: [pair[0] + space + content + space + pair[1]], safe: false})
        at = close
      }
      break
    }
  }
}

export default defineRule<QuotesOptions>(
  {
    id: 'quotes',
    summary: 'Guillemets : appariement, sens, mélange de types, niveaux, guillemets droits.',
    fix: 'mixed',
    options: {
      straight: {type: 'boolean', default: false, description: 'Signaler les guillemets droits "…" et les remplacer par ceux de la maison.'},
      levels: {type: 'boolean', default: false, description: 'Signaler une citation dont les guillemets ne sont pas ceux de la maison pour son niveau.'},
      outer: {type: 'string', enum: [...housePairs], default: '«»', description: 'Guillemets d’une citation dans le texte courant.'},
      inner: {type: 'string', enum: [...housePairs], default: '“”', description: 'Guillemets d’une citation dans une citation.'},
      space: {type: 'string', enum: Object.keys(spaces), default: 'nbsp', description: 'Espace écrite par les corrections à l’intérieur des guillemets « ».'},
    },
  },
  ({index, options, report}) => {
    const house = readOptions(options)
    reportDoubledApostrophes(index, house, report)
    const {spans, problems} = quoteStructure(index)
    if (spans.length === 0 && problems.length === 0) return
    const source = index.source
    /** Spans already reported for their structure: no style message on them. */
    const broken = new Set<number>()

    /** `mark` written in place of `at`, with the house space inside guillemets where it is glued. */
    const spaced = (mark: string, at: QuoteMark): string => {
      if (!spacedMarks.has(mark)) return mark
      if (quoteMarkInfo(mark)!.nominal === 'open') return at.spaceAfter ? mark : mark + house.space
      return at.spaceBefore ? mark : house.space + mark
    }

    const {repairs, readings} = repairUnpaired(index, spans, problems)
    /** Reports an unpaired mark: with its fix when the reading of its paragraph gives one. */
    const reportUnpaired = (mark: QuoteMark, reason: string): void => {
      const repaired = repairs.get(mark.start)
      if (repaired === undefined) {
        // "Le « Rafale « et": the first mark is right, the repair of its partner closes it
        // (within a sentence; over sentences the pairing is less sure: both are reported).
        const reading = readings.get(mark.start)
        if (reading && reading.role !== 'none' && reading.partner && repairs.has(reading.partner.start)) {
          const [from, to] = reading.partner.start < mark.start ? [reading.partner.end, mark.start] : [mark.end, reading.partner.start]
          if (!sentenceEnd.test(source.slice(from, to))) return
        }
        report(reason, mark.start, mark.end)
        return
      }
      const role = quoteMarkInfo(repaired)!.nominal === 'open' ? 'ouvrir' : 'fermer'
      report(`Guillemet ${mark.value} employé pour ${role} la citation : ${repaired}.`, mark.start, mark.end, {expected: [spaced(repaired, mark)], safe: false})
    }

    for (const problem of problems) {
      const {mark} = problem
      switch (problem.kind) {
        case 'unclosed':
          reportUnpaired(mark, 'Guillemet ouvrant jamais fermé dans le paragraphe.')
          break
        case 'unopened':
          reportUnpaired(mark, 'Guillemet fermant sans guillemet ouvrant.')
          break
        case 'doubled':
          report('Guillemet en double.', mark.start, mark.end, {expected: [''], safe: false})
          break
        case 'continuation':
          report(
            `Guillemet fermant sans guillemet ouvrant : si la citation du paragraphe précédent continue ici, rouvrez-la par ${problem.opener.value} en tête de paragraphe.`,
            mark.start,
            mark.end,
          )
          break
        case 'misdirected':
          broken.add(problem.span)
          report(
            problem.role === 'close' ? 'Guillemet ouvrant employé pour fermer la citation.' : 'Guillemet fermant employé pour ouvrir la citation.',
            mark.start,
            mark.end,
            {expected: [spaced(quoteMarkInfo(mark.value)!.counterpart, mark)], safe: true},
          )
          break
        case 'mismatch':
          broken.add(problem.span)
          reportMismatch(problem.span, readings)
          break
        case 'glued':
          report(
            problem.role === 'open'
              ? 'Guillemet collé entre deux mots : il ouvre une citation et se sépare du mot qui précède.'
              : 'Guillemet collé entre deux mots : il ferme une citation et se sépare du mot qui suit.',
            mark.start,
            mark.end,
            {expected: [problem.role === 'open' ? ' ' + mark.value : mark.value + ' '], safe: false},
          )
          break
      }
    }

    // "une livrée « Vert Anglais et des finitions “ noir mat » ": the repair gives the » to the “,
    // so the « it closed is left open (its closer was dropped).
    for (let at = 0; at < spans.length && readings.size > 0; at++) {
      const span = spans[at]!
      if (!span.close || broken.has(at)) continue
      const opening = readings.get(span.open.start)
      const closing = readings.get(span.close.start)
      if (opening?.role !== 'open' || opening.partner || closing?.role !== 'close' || closing.partner.start === span.open.start) continue
      if (!repairs.has(closing.partner.start)) continue
      report('Guillemet ouvrant jamais fermé dans le paragraphe.', span.open.start, span.open.end)
    }

    // ‘‘bonjour’’: two single marks typed for one double mark.
    spans.forEach((span, at) => {
      if (span.family !== 'english-single' || span.parent === -1 || !span.close) return
      const outer = spans[span.parent]!
      if (outer.family !== 'english-single' || !outer.close || outer.open.end !== span.open.start || span.close.end !== outer.close.start) return
      broken.add(at).add(span.parent)
      const pair = outer.depth === 0 ? house.outer : house.inner
      report('Deux guillemets simples tapés pour un guillemet double.', outer.start, outer.end, {expected: [rewrite(span, pair)], safe: false})
    })

    // An article that quotes with « » and once or twice with "…": the straight pair is a slip.
    const guillemetQuotations = spans.filter((span) => span.depth === 0 && span.family === 'guillemet' && span.close).length
    if (!house.straight && guillemetQuotations >= 2) {
      for (let at = 0; at < spans.length; at++) {
        const span = spans[at]!
        if (span.family !== 'straight' || !span.close || broken.has(at) || !inRunningText(span)) continue
        report(`Guillemets droits dans un article qui cite entre « » : ${house.outer[0]} … ${house.outer[1]}.`, span.start, span.end, {
          expected: [rewrite(span, house.outer)],
          safe: false,
        })
      }
    }

    /** At depth 0, or inside quotations whose closer the paragraph's reading says was dropped before it. */
    function inRunningText(span: QuotationSpan): boolean {
      for (let parent = span.parent; parent !== -1; parent = spans[parent]!.parent) {
        const reading = readings.get(spans[parent]!.open.start)
        if (reading?.role !== 'open' || reading.partner) return false
      }
      return true
    }

    if (house.straight || house.levels) {
      for (let at = 0; at < spans.length; at++) {
        const span = spans[at]!
        if (!span.close || broken.has(at)) continue
        const pair = span.depth === 0 ? house.outer : house.inner
        if (span.family === 'straight') {
          if (!house.straight) continue
          report(
            span.depth === 0
              ? `Guillemets droits : en français, ${pair[0]} … ${pair[1]}.`
              : `Guillemets droits dans une citation : ${pair[0]}…${pair[1]}.`,
            span.start,
            span.end,
            {expected: [rewrite(span, pair)], safe: true},
          )
        } else if (house.levels && span.openMark + span.closeMark !== pair) {
          report(
            span.depth === 0
              ? `Guillemets ${span.openMark} ${span.closeMark} au premier niveau : la maison emploie ${house.outer[0]} ${house.outer[1]}.`
              : `Guillemets ${span.openMark} ${span.closeMark} dans une citation : la maison emploie ${house.inner[0]} ${house.inner[1]}.`,
            span.start,
            span.end,
            {expected: [rewrite(span, pair)], safe: false},
          )
        }
      }
    }

    /** The quotation with the house marks, the house space inside guillemets. */
    function rewrite(span: QuotationSpan, pair: string): string {
      const content = trimEdgeSpaces(source.slice(span.openEnd, span.closeStart))
      const space = spacedMarks.has(pair[0]!) ? house.space : ''
      return pair[0] + space + content + space + pair[1]
    }

    /**
     * Change the mark that breaks the house style (or the straight one); keep the other.
     * Inside a quotation never closed, the level is a guess (its closer was perhaps dropped
     * before this quotation): read at the level the paragraph's reading gives, a suggestion.
     */
    function reportMismatch(at: number, readings: ReadonlyMap<number, MarkReading>): void {
      const span = spans[at]!
      const close = span.close!
      const orphan = insideUnclosed(spans, at)
      const reading = orphan ? readings.get(close.start) : undefined
      const opening = readings.get(span.open.start)
      const outermost = reading?.role === 'close' && reading.partner.start === span.open.start && opening?.role === 'open' && opening.depth === 0
      const pair = span.depth === 0 || outermost ? house.outer : house.inner
      const closeFamily = quoteMarkInfo(close.value)!.family
      const isHouse = (family: QuoteFamily) => familyMarks[family].join('') === pair
      const fixOpener = span.family === 'straight' || (closeFamily !== 'straight' && !isHouse(span.family) && isHouse(closeFamily))
      const target = fixOpener ? span.open : close
      const mark = fixOpener ? familyMarks[closeFamily][0] : familyMarks[span.family][1]
      const safe = !orphan && (fixOpener || closeFamily === 'straight' || isHouse(span.family))
      report(`Guillemets dépareillés : la citation s’ouvre par ${span.openMark} et se ferme par ${span.closeMark}.`, target.start, target.end, {
        expected: [spaced(mark, target)],
        safe,
      })
    }
  },
)
