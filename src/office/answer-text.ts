// A text field of an EWS answer as the panels hold it. The library hands
// back what the XML held: an element written twice becomes an array, a
// missing one undefined (found by the ews-tasks fuzz target), and a panel's
// validator refuses a whole list for one field that is not a string.
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
