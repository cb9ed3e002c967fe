/** Generators shared by the fuzz tests: French-news-like text with hostile pieces mixed in. */
import fc from 'fast-check'

export const frenchPieces = [
  'le ', 'la ', 'les ', 'l’', "l'", 'de ', 'Russie', 'RussieLa', 'France.Le', '« ', ' »', '«', '»', '“', '”', '"', "'",
  '…', '...', ' ; ', ':', ' ?', '!', '11 000', '3,5', '20h30', 'https://exemple.fr/a.b', 'a@b.fr', '#tag', '@nom',
  'A travers ', 'Etat ', '\n', '\n\n', '\r\n', '\r', ' ', '\u00A0', '\u202F', '\u2028', '\uFEFF', '\u0301', '👩‍👩‍👧', 'שלום ',
  'مرحبا ', '\uD800', '\uDC00', '\t', '- ', '> ', '# ', '`code`', '**gras**', '<p>', '</p>', '<b>', '&amp;', '&nbsp;', '<!-- coquille-disable -->',
  'le le ', 'PREV ', 'Follow us on Google News', 'Ce ratification ', 'à Russie ', '2ème ', '5%', 'Mr ', ' - ',
]
export const frenchLike = fc.array(fc.constantFrom(...frenchPieces), {maxLength: 60}).map((parts) => parts.join(''))
