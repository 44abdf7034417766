// French text analysis for search: the exact twin of catalogue/search_analysis.py.
// Both are checked against tests/fixtures/search-vectors.json.
export const STOP_WORDS = new Set(
  ("a au aux avec c ce ces d dans de des du en et il j l la le les leur m n ne ou par pas pour qu que qui s sa "
    + "se ses son sur t un une vos votre").split(" "),
);
const SUFFIXES = ["issements", "issement", "ements", "ement", "ations", "ation", "atrices", "atrice", "ateurs",
  "ateur", "euses", "euse", "eurs", "eur", "ives", "ive", "ifs", "if", "ees", "ee", "er", "ez", "e"];
const MIN_STEM = 4;

export function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("œ", "oe").replaceAll("æ", "ae");
}

export function stem(input) {
  let word = input;
  if (word.length > MIN_STEM && "sx".includes(word.at(-1))) word = word.slice(0, -1);
  for (let round = 0; round < 2; round += 1) {
    const suffix = SUFFIXES.find((s) => word.endsWith(s) && word.length - s.length >= MIN_STEM);
    if (!suffix) break;
    word = word.slice(0, -suffix.length);
  }
  return word;
}

export function words(text) {
  return fold(text).split(/[^a-z0-9]+/).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

export function analyze(text) {
  return words(text).map(stem);
}
