// A number field the coach emptied, or gave a fraction or a minus sign, holds a value none of
// the core's whole-number fields can take: the call would be refused before the core reads it,
// with no field named. Such fields are named here first, each with its own words; the range
// of each is still the core's to check.
export function unreadableNumbers(fields: Record<string, { value: unknown; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, { value, message }] of Object.entries(fields)) {
    if (!(typeof value === 'number' && Number.isInteger(value) && value >= 0)) errors[field] = message;
  }
  return errors;
}
