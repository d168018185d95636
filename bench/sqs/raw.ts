/**
 * The SQS bench's requests over the shared raw keep-alive connection of bench/lib/load.ts (prepared
 * bytes, one request in flight per connection), and the receipt handles ReceiveMessage answers.
 */
export { RawConn, type RawResponse } from '../lib/load.js';

/** An unsigned awsJson1.0 SQS request (the server accepts open auth). */
export function sqsRequest(host: string, target: string, body: string): Buffer {
  const b = Buffer.from(body);
  return Buffer.concat([
    Buffer.from(
      `POST / HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/x-amz-json-1.0\r\nx-amz-target: AmazonSQS.${target}\r\ncontent-length: ${b.length}\r\n\r\n`,
      'latin1',
    ),
    b,
  ]);
}

/** The receipt handles of a ReceiveMessage answer (a regex: cheaper than parsing the whole answer). */
export function receiptHandles(body: Buffer): string[] {
  const out: string[] = [];
  const re = /"ReceiptHandle":"([^"]+)"/g;
  const text = body.toString('utf8');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!);
  return out;
}
