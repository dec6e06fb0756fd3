import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MultipartError, MultipartParser, multipartBoundary } from '../../src/testing/http/multipart.js';

const BOUNDARY = 'xYz123';

function body(): Buffer {
  return Buffer.concat([
    Buffer.from(`preamble\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n42\r\n`),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    Buffer.from([0, 13, 10, 45, 45, 255, 1]),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

describe('MultipartParser', () => {
  test('parses fields and files whatever the chunk boundaries', () => {
    const whole = body();
    for (let split = 1; split < whole.length; split += 1) {
      const parser = new MultipartParser(BOUNDARY, { maxBytes: 1000, maxParts: 10 });
      parser.write(whole.subarray(0, split));
      parser.write(whole.subarray(split));
      const parts = parser.end();
      assert.equal(parts.length, 2, `split at ${split}`);
      assert.equal(parts[0]?.name, 'chat_id');
      assert.equal(parts[0]?.data.toString(), '42');
      assert.equal(parts[1]?.filename, 'a.png');
      assert.equal(parts[1]?.contentType, 'image/png');
      assert.deepEqual([...(parts[1]?.data ?? [])], [0, 13, 10, 45, 45, 255, 1]);
    }
  });

  test('feeding one byte at a time gives the same parts', () => {
    const parser = new MultipartParser(BOUNDARY, { maxBytes: 1000, maxParts: 10 });
    for (const byte of body()) parser.write(Buffer.from([byte]));
    assert.deepEqual(
      parser.end().map((part) => part.name),
      ['chat_id', 'photo'],
    );
  });

  test('refuses bodies over the size bound and truncated bodies', () => {
    const small = new MultipartParser(BOUNDARY, { maxBytes: 4, maxParts: 10 });
    assert.throws(
      () => small.write(body()),
      (error: unknown) => error instanceof MultipartError && error.tooLarge,
    );
    const truncated = new MultipartParser(BOUNDARY, { maxBytes: 1000, maxParts: 10 });
    truncated.write(body().subarray(0, 60));
    assert.throws(() => truncated.end(), MultipartError);
  });

  test('reads the boundary from the content type', () => {
    assert.equal(multipartBoundary('multipart/form-data; boundary=abc'), 'abc');
    assert.equal(multipartBoundary('multipart/form-data; boundary="a b"'), 'a b');
    assert.equal(multipartBoundary('multipart/form-data'), undefined);
  });
});
