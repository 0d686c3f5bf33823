/** An XISF file: the 16-byte preamble (signature, the XML's length, reserved) and the XML header. */
export function xisfBytes(xml: string, declaredLength = Buffer.byteLength(xml)): Buffer {
  const preamble = Buffer.alloc(16);
  preamble.write('XISF0100', 0, 'latin1');
  preamble.writeUInt32LE(declaredLength, 8);
  return Buffer.concat([preamble, Buffer.from(xml)]);
}
