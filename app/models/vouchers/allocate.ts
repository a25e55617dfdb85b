/**
 * Splits `total` cents over lines in proportion to their amounts (largest remainder): the shares are
 * whole cents, sum to `total` exactly, are never negative and — as long as `total` is at most the
 * lines' sum — never more than a line's own amount. Ties in the remainder go to the earlier line.
 * Exact for any amounts (the products are taken in BigInt).
 */
export function allocateProportionally(total: number, amounts: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`bad total ${total}`);
  if (amounts.some((a) => !Number.isSafeInteger(a) || a < 0)) throw new RangeError("bad amounts");
  if (amounts.length === 0) {
    if (total !== 0) throw new RangeError("nothing to allocate to");
    return [];
  }
  const sum = amounts.reduce((n, a) => n + a, 0);
  if (total > sum) throw new RangeError(`cannot allocate ${total} over ${sum}`);
  if (sum === 0) return amounts.map(() => 0);
  const T = BigInt(total);
  const S = BigInt(sum);
  const shares = amounts.map((a) => Number((T * BigInt(a)) / S));
  let left = total - shares.reduce((n, s) => n + s, 0);
  const order = amounts
    .map((a, i) => ({ i, rem: (T * BigInt(a)) % S }))
    .sort((x, y) => (x.rem === y.rem ? x.i - y.i : x.rem > y.rem ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}
