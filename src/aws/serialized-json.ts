/**
 * An operation's output already in its awsJson wire form. A provider may return one when the
 * request came over HTTP to an awsJson service (`ctx.jsonWire`) and it holds the output as JSON
 * text already (DynamoDB's stored items), so that text is not parsed and serialized again.
 */
export class SerializedJson {
  constructor(readonly text: string) {}
}
