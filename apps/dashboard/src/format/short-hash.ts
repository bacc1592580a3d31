/** A hex digest shortened to read and compare at a glance: its first and last characters ("3f2a9c1e…b7d4"). */
export function shortHash(hex: string, head = 8, tail = 4): string {
  return hex.length <= head + tail + 1 ? hex : `${hex.slice(0, head)}…${hex.slice(-tail)}`;
}
