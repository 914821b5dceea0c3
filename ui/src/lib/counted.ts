// A number with its noun, in the one or the many form: "1 client", "3 clients", "0 clients".
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
