import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, messageBytes } from '../../../lib/messaging/size';

const utf8OfJson = (message: unknown) => new TextEncoder().encode(JSON.stringify(message)).byteLength;

describe('messageBytes: the size Chrome measures (the JSON text in UTF-8)', () => {
  it.each([
    ['plain ASCII', { type: 'restoreBackup', text: 'hello' }],
    ['quotes and backslashes, escaped in JSON', { type: 'restoreBackup', text: '{"a":"b\\\\c"}' }],
    ['control characters', { type: 'restoreBackup', text: 'line\nnext\ttab\u0001' }],
    ['accents (two bytes) and CJK (three)', { type: 'restoreBackup', text: 'Café Müller — 東京' }],
    ['emoji (a surrogate pair, four bytes)', { type: 'restoreBackup', text: 'ok 👍🏽' }],
    ['a lone surrogate (escaped by JSON.stringify)', { type: 'restoreBackup', text: 'a\ud800b' }],
  ])('%s', (_label, message) => {
    expect(messageBytes(message)).toBe(utf8OfJson(message));
  });

  it('a backup text grows as a message: its quotes are escaped', () => {
    const text = JSON.stringify({ format: 'keep-account/backup', stores: { orders: [{ id: 'o1', accountId: 'acme.com' }] } });
    expect(messageBytes({ type: 'restoreBackup', text })).toBeGreaterThan(text.length + 20);
  });

  it('is Chrome\'s 64 MiB', () => {
    expect(MAX_MESSAGE_BYTES).toBe(67_108_864);
  });
});
