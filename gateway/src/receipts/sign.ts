// Signing a rendered document: the signature dictionary goes in before the PDF is saved (with
// placeholders of fixed width), and the saved bytes are then signed in place. See sigFormat.ts.
import { sign } from 'node:crypto';
import { PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { canonicalJson } from '../audit/canonical.js';
import type { AnyFacts } from './facts.js';
import type { SigningKey } from './keys.js';
import { RANGE_PLACEHOLDER, SIG_HEX_LENGTH, SIG_PLACEHOLDER, formatRange, locateSignature, sha256Hex, signedDigest, signedMessage } from './sigFormat.js';

/** The facts as signed and carried: canonical JSON, so the same facts always give the same digest. */
export const factsJsonOf = (facts: AnyFacts): string => canonicalJson(facts);

export function addSignatureDictionary(doc: PDFDocument, facts: AnyFacts, keyId: string): void {
  const json = factsJsonOf(facts);
  const dict = doc.context.obj({});
  dict.set(PDFName.of('Type'), PDFName.of('KytbSig'));
  dict.set(PDFName.of('Filter'), PDFName.of('Kytb.Ed25519'));
  dict.set(PDFName.of('V'), PDFNumber.of(1));
  dict.set(PDFName.of('KeyId'), PDFString.of(keyId));
  dict.set(PDFName.of('FactsSha256'), PDFString.of(sha256Hex(json)));
  dict.set(PDFName.of('Facts'), PDFHexString.of(Buffer.from(json, 'utf8').toString('hex')));
  dict.set(PDFName.of('ByteRange'), PDFInvalidObject.of(Buffer.from(RANGE_PLACEHOLDER, 'latin1')));
  dict.set(PDFName.of('Contents'), PDFHexString.of(SIG_PLACEHOLDER));
  doc.catalog.set(PDFName.of('KytbSig'), doc.context.register(dict));
}

/** Saves the document (plain objects, no object streams, so the dictionary stays findable) and signs it. */
export async function saveSigned(doc: PDFDocument, key: SigningKey): Promise<Buffer> {
  return signSavedPdf(Buffer.from(await doc.save({ useObjectStreams: false })), key);
}

export function signSavedPdf(bytes: Buffer, key: SigningKey): Buffer {
  const found = locateSignature(bytes);
  if (!found.ok) throw new Error(`cannot sign: ${found.reason}`);
  const { contentsAt, rangeAt, keyId, factsSha256 } = found.fields;
  if (keyId !== key.keyId) throw new Error(`cannot sign: the document names key ${keyId}, the signer is ${key.keyId}`);
  const end = contentsAt + SIG_HEX_LENGTH;
  bytes.write(formatRange([0, contentsAt, end, bytes.length - end]), rangeAt, 'latin1');
  const signature = sign(null, signedMessage(keyId, factsSha256, signedDigest(bytes, contentsAt)), key.privateKey);
  bytes.write(signature.toString('hex'), contentsAt, 'latin1');
  return bytes;
}
