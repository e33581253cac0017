const NEWLINE = 0x0a;

/**
 * Decodes UTF-8 bytes to text chunks, noting the 1-based numbers of lines that hold bytes that are not UTF-8 in
 * `invalidLines` (those lines come out with U+FFFD in place of the bad bytes; the reader rejects them). A newline
 * byte never occurs inside a multi-byte character, so each line is decoded strictly on its own, streaming (a line may
 * span many chunks); once a line fails, the rest of it is decoded leniently. A leading byte-order mark is dropped.
 */
export async function* decodeUtf8Lines(
  bytes: AsyncIterable<Uint8Array>,
  invalidLines: Set<number>,
): AsyncGenerator<string> {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  let strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  let lineBad = false;
  let first = true;

  const decode = (segment: Uint8Array, endsLine: boolean): string => {
    if (!lineBad) {
      try {
        return strict.decode(segment, { stream: !endsLine });
      } catch {
        lineBad = true;
        invalidLines.add(line);
        strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      }
    }
    // A line cut short by the end of the input may leave nothing to show: still give the reader a record to reject.
    return lenient.decode(segment, { stream: !endsLine }) || (lineBad ? '\uFFFD' : '');
  };

  for await (const chunk of bytes) {
    let data = chunk;
    if (first) {
      first = false;
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
    }
    const parts: string[] = [];
    let start = 0;
    for (let nl = data.indexOf(NEWLINE); nl !== -1; nl = data.indexOf(NEWLINE, start)) {
      parts.push(decode(data.subarray(start, nl + 1), true));
      line++;
      lineBad = false;
      start = nl + 1;
    }
    if (start < data.length) parts.push(decode(data.subarray(start), false));
    const text = parts.join('');
    if (text) yield text;
  }
  const rest = decode(new Uint8Array(0), true);
  if (rest) yield rest;
}
