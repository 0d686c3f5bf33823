import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.js';

describe('didYouMean', () => {
  it.each([
    ['ninja', ['toolkit', 'nina'], 'nina'],
    ['alocation', ['allocation', 'aliases'], 'allocation'],
    ['Hb', ['L', 'B', 'Ha'], 'Ha'],
    ['tabel', ['table', 'json'], null],
    ['tabe', ['table', 'json'], 'table'],
    ['L', ['Ha', 'OIII'], null],
    ['HaOIII', ['OIII', 'Ha'], null],
    ['rejectionbufer', ['rejectionBuffer'], 'rejectionBuffer'],
    ['rigz', ['rig', 'rigs'], 'rigs'],
  ])('%s among %j → %s', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });
});
