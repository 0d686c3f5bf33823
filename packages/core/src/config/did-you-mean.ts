/** Suggests the closest known word for a typo, or nothing if none is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string | null {
  const word = input.toLowerCase();
  // One slip in a short word, two in a long one: looser matches suggest nonsense ("L" → "Ha").
  const allowed = word.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // The word itself is no suggestion: it is known elsewhere, not where it was written.
    if (candidate === input) continue;
    const other = candidate.toLowerCase();
    const distance = editDistance(word, other);
    if (distance > allowed || distance >= Math.max(word.length, other.length)) continue;
    // On a tie, the same first letter, then the same length, read as the likelier slip.
    const score =
      distance * 4 + (other[0] === word[0] ? 0 : 2) + (other.length === word.length ? 0 : 1);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export function suggestion(input: string, candidates: Iterable<string>): string {
  const match = didYouMean(input, candidates);
  return match ? ` (did you mean "${match}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
