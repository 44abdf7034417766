// French text analysis for search, with the data the index's manifest carries (stop words, suffixes,
// shortest stem: catalogue/search/__init__.py ANALYSIS), so queries are analysed exactly as the index was.
export function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("œ", "oe").replaceAll("æ", "ae");
}

export function analyzer({ stop_words: stopList, suffixes, min_stem: minStem }) {
  const stopWords = new Set(stopList);
  const stem = (input) => {
    let word = input;
    if (word.length > minStem && "sx".includes(word.at(-1))) word = word.slice(0, -1);
    for (let round = 0; round < 2; round += 1) {
      const suffix = suffixes.find((s) => word.endsWith(s) && word.length - s.length >= minStem);
      if (!suffix) break;
      word = word.slice(0, -suffix.length);
    }
    return word;
  };
  const words = (text) => fold(text).split(/[^a-z0-9]+/).filter((word) => word.length > 1 && !stopWords.has(word));
  return { stem, words, analyze: (text) => words(text).map(stem) };
}
