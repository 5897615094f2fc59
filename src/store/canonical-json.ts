/**
 * One JSON text per value, whatever order its keys were built in: object keys
 * sorted by UTF-16 code units, no whitespace, numbers as JavaScript prints them
 * (the RFC 8785 rules for the values Warden stores). Hashes are taken over this
 * text, so the same entry always hashes the same, today and after a reload.
 */
export function canonicalJson(value: unknown): string {
  const text = encode(value, '$');
  if (text === undefined) throw new TypeError('$ cannot be represented in JSON');
  return text;
}

function encode(value: unknown, where: string): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${where} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError(`${where} is a bigint, which JSON cannot hold; store it as a string`);
    default:
      return encodeObject(value as object, where);
  }
}

function encodeObject(value: object, where: string): string | undefined {
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return encode(withToJson.toJSON(), where);
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => encode(item, `${where}[${index}]`) ?? 'null').join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const encoded = encode(record[key], `${where}.${key}`);
    if (encoded !== undefined) members.push(`${JSON.stringify(key)}:${encoded}`);
  }
  return `{${members.join(',')}}`;
}
