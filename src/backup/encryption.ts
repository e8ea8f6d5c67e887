/**
 * Optional encryption of backup files with a key the operator holds (BACKUP_KEY or BACKUP_KEY_FILE):
 * AES-256-GCM over 64 KiB chunks, each authenticated before a byte of it is used, so a wrong key
 * or a changed byte stops a restore before anything reaches the database. Layout (docs/backup-format.md):
 *
 *   "QOGBENC1" | uint32 BE n | n bytes of JSON header | chunk* (the last one flagged)
 *   chunk = uint32 BE (length | 0x80000000 when last) | ciphertext | 16-byte GCM tag
 *   nonce = 7-byte random prefix | uint32 BE chunk index | 0x01 when last, else 0x00
 *   additional data of every chunk = magic, length and header bytes
 *
 * The key is 32 random bytes (64 hex characters, or base64), used as it is, or a passphrase of at
 * least 16 characters, stretched with scrypt (N 2^15, r 8, p 1) and a salt kept in the header. The
 * header's keyCheck (HMAC-SHA256 of a fixed text under the key, 16 bytes) tells a wrong key from a
 * damaged file.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { Transform, type TransformCallback } from "node:stream";

export const ENCRYPTED_MAGIC = Buffer.from("QOGBENC1", "ascii");
const CHUNK_SIZE = 64 * 1024;
const TAG_BYTES = 16;
const LAST = 0x80000000;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const KEY_CHECK_TEXT = "qingdao-org-graph backup key check";

export class BackupKeyError extends Error {
  override name = "BackupKeyError";
}

interface EncryptionHeader {
  cipher: "AES-256-GCM";
  kdf: "raw" | "scrypt";
  salt?: string;
  scrypt?: { N: number; r: number; p: number };
  chunkSize: number;
  noncePrefix: string;
  keyCheck: string;
}

/** The operator's key: BACKUP_KEY, or the contents of the file BACKUP_KEY_FILE names (a Docker secret). */
export function backupKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BACKUP_KEY) return env.BACKUP_KEY;
  if (env.BACKUP_KEY_FILE) return fs.readFileSync(env.BACKUP_KEY_FILE, "utf8").trim() || undefined;
  return undefined;
}

function rawKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

function deriveKey(text: string, header: Pick<EncryptionHeader, "kdf" | "salt" | "scrypt">): Buffer {
  if (header.kdf === "raw") {
    const key = rawKey(text);
    if (!key)
      throw new BackupKeyError(
        "this backup was encrypted with a 32-byte key, but BACKUP_KEY is a passphrase, not 64 hex characters or base64 of 32 bytes",
      );
    return key;
  }
  const { N, r, p } = header.scrypt ?? SCRYPT;
  return crypto.scryptSync(text, Buffer.from(header.salt ?? "", "base64"), 32, { N, r, p, maxmem: 256 * N * r });
}

function keyCheck(key: Buffer): string {
  return crypto.createHmac("sha256", key).update(KEY_CHECK_TEXT).digest().subarray(0, 16).toString("base64");
}

/** Refuses keys too weak to protect names and Party membership. */
export function checkBackupKey(text: string): void {
  if (!rawKey(text) && text.length < 16) {
    throw new BackupKeyError(
      "BACKUP_KEY must be 32 random bytes (64 hex characters, e.g. `openssl rand -hex 32`, or base64) or a passphrase of at least 16 characters",
    );
  }
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, 7);
  n[11] = last ? 1 : 0;
  return n;
}

/** A stream that encrypts what goes through it. */
export function encryptStream(keyText: string): Transform {
  checkBackupKey(keyText);
  const raw = rawKey(keyText);
  const header: EncryptionHeader = raw
    ? { cipher: "AES-256-GCM", kdf: "raw", chunkSize: CHUNK_SIZE, noncePrefix: "", keyCheck: "" }
    : {
        cipher: "AES-256-GCM",
        kdf: "scrypt",
        salt: crypto.randomBytes(16).toString("base64"),
        scrypt: SCRYPT,
        chunkSize: CHUNK_SIZE,
        noncePrefix: "",
        keyCheck: "",
      };
  const key = raw ?? deriveKey(keyText, header);
  const prefix = crypto.randomBytes(7);
  header.noncePrefix = prefix.toString("base64");
  header.keyCheck = keyCheck(key);
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const preamble = Buffer.concat([ENCRYPTED_MAGIC, length, headerBytes]);

  let index = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let started = false;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = crypto.createCipheriv("aes-256-gcm", key, nonce(prefix, index, last));
    cipher.setAAD(preamble);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const lengthField = Buffer.alloc(4);
    lengthField.writeUInt32BE((body.length | (last ? LAST : 0)) >>> 0);
    index += 1;
    return Buffer.concat([lengthField, body, cipher.getAuthTag()]);
  };
  const start = (stream: Transform) => {
    if (!started) stream.push(preamble);
    started = true;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      start(this);
      pending.push(chunk);
      pendingBytes += chunk.length;
      // Keep what may be the last chunk back: only the end says which one is last.
      if (pendingBytes > CHUNK_SIZE) {
        let all = Buffer.concat(pending);
        while (all.length > CHUNK_SIZE) {
          this.push(seal(all.subarray(0, CHUNK_SIZE), false));
          all = all.subarray(CHUNK_SIZE);
        }
        pending = [all];
        pendingBytes = all.length;
      }
      done();
    },
    flush(done: TransformCallback) {
      start(this);
      this.push(seal(Buffer.concat(pending), true));
      done();
    },
  });
}

/**
 * A stream that decrypts a file made by encryptStream (the magic included). Fails with a
 * BackupKeyError without a key or with another key, and with an Error when the file was cut short
 * or changed.
 */
export function decryptStream(keyText: string | undefined, fileName: string): Transform {
  let buffer: Buffer = Buffer.alloc(0);
  let preamble: Buffer | undefined;
  let key: Buffer | undefined;
  let prefix: Buffer | undefined;
  let index = 0;
  let finished = false;
  const open = (): boolean => {
    if (buffer.length < 12) return false;
    if (!buffer.subarray(0, 8).equals(ENCRYPTED_MAGIC)) throw new Error(`${fileName} is not an encrypted backup`);
    const length = buffer.readUInt32BE(8);
    if (length > 1 << 20) throw new Error(`${fileName}: damaged encryption header`);
    if (buffer.length < 12 + length) return false;
    preamble = buffer.subarray(0, 12 + length);
    const header = JSON.parse(preamble.subarray(12).toString("utf8")) as EncryptionHeader;
    if (header.cipher !== "AES-256-GCM") throw new Error(`${fileName}: unknown cipher ${header.cipher}`);
    if (!keyText)
      throw new BackupKeyError(
        `${fileName} is encrypted: set BACKUP_KEY (or BACKUP_KEY_FILE) to the key it was made with`,
      );
    key = deriveKey(keyText, header);
    if (keyCheck(key) !== header.keyCheck)
      throw new BackupKeyError(`cannot decrypt ${fileName}: BACKUP_KEY is not the key this backup was encrypted with`);
    prefix = Buffer.from(header.noncePrefix, "base64");
    buffer = buffer.subarray(12 + length);
    return true;
  };
  const next = (stream: Transform): boolean => {
    if (buffer.length < 4) return false;
    const field = buffer.readUInt32BE(0);
    const last = (field & LAST) !== 0;
    const length = field & ~LAST;
    if (length > CHUNK_SIZE) throw new Error(`${fileName}: damaged chunk ${index}`);
    if (buffer.length < 4 + length + TAG_BYTES) return false;
    if (finished) throw new Error(`${fileName}: data after the last encrypted chunk`);
    const decipher = crypto.createDecipheriv("aes-256-gcm", key!, nonce(prefix!, index, last));
    decipher.setAAD(preamble!);
    decipher.setAuthTag(buffer.subarray(4 + length, 4 + length + TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(buffer.subarray(4, 4 + length)), decipher.final()]);
    } catch {
      throw new Error(`${fileName}: encrypted chunk ${index} fails authentication (the file was changed or damaged)`);
    }
    buffer = buffer.subarray(4 + length + TAG_BYTES);
    index += 1;
    finished = last;
    stream.push(plain);
    return true;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      try {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        if (!preamble && !open()) return done();
        while (next(this));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!preamble) return done(new Error(`${fileName}: cut short in its encryption header`));
      if (buffer.length > 0 && finished) return done(new Error(`${fileName}: data after the last encrypted chunk`));
      if (!finished) return done(new Error(`${fileName} was cut short (its last encrypted chunk is missing)`));
      done();
    },
  });
}

/** Whether a file starts as an encrypted backup does. */
export function isEncryptedFile(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(ENCRYPTED_MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.equals(ENCRYPTED_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}
