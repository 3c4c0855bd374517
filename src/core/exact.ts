/**
 * A copy without the spare room an array grown by push keeps (16 slots and
 * more): a large farm holds hundreds of thousands of small lists, and the
 * spare room would be a third of the tree.
 */
export function exact<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}
