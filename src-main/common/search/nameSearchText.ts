// Name search text: how a typed query and a stored name are normalised, and the
// 1–2 character grams the cache indexes so short queries never scan the table.
// Pure, so the cache (writer and reader) and any screen agree on one rule.

/** Longest query accepted: a subject name is rarely longer; anything beyond is cut, never rejected. */
export const MAX_SEARCH_CHARS = 50;

/** Full-width to half-width (NFKC), whitespace collapsed and trimmed, Latin upper-cased, length bounded. */
export function normalizeSearchText(text: string): string {
  const chars = Array.from(text.normalize('NFKC').replace(/\s+/g, ' ').trim().toUpperCase());
  return chars.slice(0, MAX_SEARCH_CHARS).join('');
}

/** Names are stored normalised the same way, so exact and prefix matches compare like with like. */
export const normalizeName = normalizeSearchText;

/** The distinct unigrams and bigrams of a name (by code point), for the short-query index. */
export function shortGrams(name: string): string[] {
  const chars = Array.from(normalizeName(name));
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    grams.add(chars[i]!);
    if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!);
  }
  return [...grams];
}

/** Queries of this many code points or more go to the FTS5 trigram index; shorter ones to the gram table. */
export const TRIGRAM_MIN_CHARS = 3;

export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** An FTS5 MATCH expression for a literal substring: one quoted phrase, quotes doubled, so no query syntax gets through. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rank of a match: 0 exact, 1 prefix, 2 substring (lower is better). */
export type MatchRank = 0 | 1 | 2;

export function matchRank(name: string, query: string): MatchRank {
  if (name === query) return 0;
  return name.startsWith(query) ? 1 : 2;
}
