/** PEM given as a string or as bytes, as text. */
export function text(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/** A list attribute: an array, or one string separated by colons, commas or spaces. */
export function list(value: string | readonly string[]): string[] {
  return (typeof value === 'string' ? value.split(/[:,\s]+/) : [...value]).map((s) => s.trim()).filter((s) => s !== '');
}
