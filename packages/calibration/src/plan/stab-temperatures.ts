/**
 * The fewest sensor temperatures that put every given temperature within the tolerance of one:
 * interval stabbing on a line, greedy (sweep up, place a set as high as the lowest uncovered
 * temperature allows) and optimal among temperatures in tenths of a degree, checked against brute
 * force in the tests. Each set is then moved to the middle of what it covers, to a whole degree
 * where one covers the same: a cooler is mostly set in whole degrees.
 */
export interface TemperatureSet {
  /** °C to cool to. */
  temperature: number;
  /** The indexes of the temperatures it covers. */
  covers: number[];
}

const tenth = (value: number) => Math.round(value * 10);

export function stabTemperatures(
  temperatures: readonly number[],
  tolerance: number,
): TemperatureSet[] {
  const order = temperatures
    .map((value, index) => ({ tenths: tenth(value), index }))
    .sort((a, b) => a.tenths - b.tenths);
  const reach = Math.floor(tolerance * 10 + 1e-6);
  const sets: TemperatureSet[] = [];
  let i = 0;
  while (i < order.length) {
    const lowest = order[i]!.tenths;
    const point = lowest + reach;
    const covers: number[] = [];
    let highest = lowest;
    while (i < order.length && order[i]!.tenths <= point + reach) {
      highest = order[i]!.tenths;
      covers.push(order[i]!.index);
      i++;
    }
    // Any point in [highest − reach, lowest + reach] covers the same: the one nearest their middle,
    // a whole degree if one is there.
    const low = highest - reach;
    const clamp = (value: number) => Math.min(point, Math.max(low, value));
    const middle = (lowest + highest) / 2;
    const wholeDegree = clamp(Math.round(middle / 10) * 10);
    const chosen = wholeDegree % 10 === 0 ? wholeDegree : clamp(Math.round(middle));
    sets.push({ temperature: chosen / 10, covers });
  }
  return sets;
}
