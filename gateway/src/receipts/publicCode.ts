// 查询码: printed on the 受理回执 beside its QR code; with the 办件编号 it opens the case's public
// status page. 12 characters of a 32-letter alphabet without look-alikes (60 bits): not guessable.
import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const newPublicCode = (): string => [...randomBytes(12)].map((b) => ALPHABET[b % 32]).join('');

export const isPublicCode = (s: unknown): s is string => typeof s === 'string' && /^[A-HJ-NP-Z2-9]{12}$/.test(s);
