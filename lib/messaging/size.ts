import { MAX_MESSAGE_BYTES } from '../model/messages';

export { MAX_MESSAGE_BYTES };

/**
 * The size Chrome measures against MAX_MESSAGE_BYTES: the message's JSON text in UTF-8 bytes (so a quote inside a
 * string counts two, its escape included).
 */
export function messageBytes(message: unknown): number {
  const json = JSON.stringify(message) ?? '';
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair (JSON.stringify escapes lone ones): two UTF-16 units, four bytes.
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}
