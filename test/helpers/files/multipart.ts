/**
 * A small, strict multipart/form-data parser for tests: it checks the framing (CRLF line endings,
 * delimiters, closing delimiter) and returns every part with its decoded disposition parameters.
 */
import assert from 'node:assert/strict';

/** One parsed part. */
export interface ParsedPart {
  /** Header names lower-cased, values as sent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly name: string;
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly data: Buffer;
}

/** The boundary parameter of a multipart Content-Type header (quoted or not). */
export function boundaryOf(contentType: string): string {
  const match = /^multipart\/form-data;\s*boundary=(?:"([^"]+)"|([^\s;]+))$/i.exec(contentType);
  assert.ok(match, `not a multipart/form-data content type: ${contentType}`);
  const boundary = match[1] ?? match[2];
  assert.ok(boundary !== undefined);
  return boundary;
}

/** Parses `a=b; c="d; e"` parameter lists, honouring quoted strings as RFC 7578 parsers do. */
function parseParameters(text: string): Map<string, string> {
  const params = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === ';') i++;
    const eq = text.indexOf('=', i);
    if (eq === -1) break;
    const key = text.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    let value = '';
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      assert.ok(close !== -1, `unterminated quoted string in ${text}`);
      value = text.slice(i + 1, close);
      i = close + 1;
    } else {
      const end = text.indexOf(';', i);
      value = text.slice(i, end === -1 ? text.length : end).trim();
      i = end === -1 ? text.length : end;
    }
    params.set(key, value);
  }
  return params;
}

/** Parses a whole multipart body; fails the test on any framing error. */
export function parseMultipart(body: Uint8Array, contentType: string): ParsedPart[] {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.length);
  const boundary = boundaryOf(contentType);
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  assert.ok(buffer.subarray(0, delimiter.length).equals(delimiter), 'body must start with the delimiter');
  let position = delimiter.length;
  const parts: ParsedPart[] = [];
  for (let guard = 0; guard < 10_000; guard++) {
    const after = buffer.subarray(position, position + 2).toString('latin1');
    if (after === '--') {
      assert.equal(
        buffer.subarray(position + 2).toString('latin1'),
        '\r\n',
        'closing delimiter ends the body',
      );
      return parts;
    }
    assert.equal(after, '\r\n', 'delimiter must be followed by CRLF');
    position += 2;
    const headerEnd = buffer.indexOf('\r\n\r\n', position);
    assert.ok(headerEnd !== -1, 'part headers must end with an empty line');
    const headers: Record<string, string> = {};
    for (const line of buffer.subarray(position, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      assert.ok(colon > 0, `malformed header line ${JSON.stringify(line)}`);
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const dataStart = headerEnd + 4;
    const next = buffer.indexOf(between, dataStart);
    assert.ok(next !== -1, 'every part must be followed by a delimiter');
    const disposition = headers['content-disposition'];
    if (disposition === undefined || !disposition.startsWith('form-data;')) {
      assert.fail('each part needs a form-data disposition');
    }
    const params = parseParameters(disposition.slice('form-data;'.length));
    const name = params.get('name');
    assert.ok(name !== undefined, 'each part needs a name');
    parts.push({
      headers,
      name,
      filename: params.get('filename'),
      contentType: headers['content-type'],
      data: buffer.subarray(dataStart, next),
    });
    position = next + between.length;
  }
  assert.fail('too many parts');
}

/**
 * Reads header parameters the way Telegram's server does: the value runs to the next `;` whatever
 * the quotes, then one pair of surrounding quotes is removed; nothing is unescaped.
 */
export function telegramStyleParameters(disposition: string): Map<string, string> {
  const params = new Map<string, string>();
  let rest = disposition.replace(/^form-data;/, '');
  for (let guard = 0; guard < 100; guard++) {
    rest = rest.trim();
    const eq = rest.indexOf('=');
    if (eq === -1) break;
    const key = rest.slice(0, eq).trim();
    rest = rest.slice(eq + 1);
    const semicolon = rest.indexOf(';');
    let value = (semicolon === -1 ? rest : rest.slice(0, semicolon)).trim();
    rest = semicolon === -1 ? '' : rest.slice(semicolon + 1);
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    params.set(key, value);
  }
  return params;
}
