/*
 * backup.h - what a backup file is, apart from the database in it: the
 * encrypted container, its key file, the file's checksum, the names of
 * scheduled backups and which of them retention keeps.  (The backups
 * themselves, restores and upgrades: admin.h.)
 *
 * The encrypted container (version 1), all integers unsigned:
 *   0   8  magic "HOSOBAK" 0x1a
 *   8   1  version (1)
 *   9   3  zero
 *   12  16 key id: BLAKE2b-128 of the key (a wrong key is named as such)
 *   28  24 crypto_secretstream_xchacha20poly1305 header
 *   52  .. chunks of BACKUP_CHUNK bytes of the database, each encrypted
 *          (+17 bytes), the first 28 bytes as additional data; the last
 *          chunk (possibly shorter, possibly empty) alone tagged FINAL,
 *          and nothing after it.
 */
#ifndef HOSO_APP_BACKUP_H
#define HOSO_APP_BACKUP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/err.h"

#define BACKUP_KEY_BYTES  32
#define BACKUP_HEADER     52
#define BACKUP_CHUNK      65536
#define BACKUP_SHA256_HEX 65

/* Create a new key file at path (mode 0600, never replacing a file): 64
 * hexadecimal digits and a newline.  0, HOSO_E_DUPLICATE or HOSO_E_IO. */
int backup_key_generate(const char *path, struct err *e);

/* path created for writing, mode 0600, refusing to replace a file
 * (HOSO_E_DUPLICATE naming field); NULL with e set when it cannot be. */
FILE *backup_file_create(const char *path, const char *field, struct err *e);
/* Flush f to the disk and close it; rc, or HOSO_E_IO naming field when rc
 * was 0 and the data did not reach the disk. */
int backup_file_close(FILE *f, const char *path, const char *field, int rc, struct err *e);
/* Read the key file at path into key.  HOSO_E_DENIED naming "key" when
 * the file is readable by its group or others (or not owned by this
 * user); HOSO_E_BAD_FILE when it holds no key; HOSO_E_NOT_FOUND. */
int backup_key_load(const char *path, unsigned char key[BACKUP_KEY_BYTES], struct err *e);

/* 1 when the first bytes of the file at path are the container's magic. */
int backup_is_encrypted(const char *path);

/* Encrypt in (to its end) into out.  0 or HOSO_E_IO. */
int backup_encrypt(FILE *in, FILE *out, const unsigned char key[BACKUP_KEY_BYTES], struct err *e);
/* Decrypt the container in into out (out may be NULL: authenticate
 * only).  HOSO_E_BAD_FILE naming "in" for anything but a whole container
 * made with key: not one, another version, a wrong key, truncated,
 * tampered with, data after its end; HOSO_E_IO.  What was written to out
 * before a failure must be thrown away. */
int backup_decrypt(FILE *in, FILE *out, const unsigned char key[BACKUP_KEY_BYTES], struct err *e);

/* SHA-256 of the file at path, in hex (BACKUP_SHA256_HEX bytes). */
int backup_sha256(const char *path, char *hex, struct err *e);
/* Write "HEX  NAME\n" (sha256sum's format, NAME the file's base name)
 * into path.sha256 (replacing it). */
int backup_sha256_write(const char *path, const char *hex, struct err *e);

/* The name of a scheduled backup taken at t (UTC seconds): hoso-
 * YYYYMMDD-HHMMSS.db, or .db.enc when encrypted; out of at least
 * BACKUP_NAME_MAX bytes. */
#define BACKUP_NAME_MAX 32
void backup_name(int64_t t, int encrypted, char *out);
/* 0 and the time into *ret when name is such a name; else -1. */
int backup_name_parse(const char *name, int64_t *ret);

/* Grandfather-father-son retention over backups taken at t[0..n) (UTC
 * seconds, any order): keep[i] set to 1 for the newest backup of each of
 * the newest `daily` days, of each of the newest `weekly` ISO weeks
 * (Monday to Sunday) and of each of the newest `monthly` months, else 0.
 * The newest backup is always kept. */
void backup_retain(const int64_t *t, size_t n, int daily, int weekly, int monthly,
                   unsigned char *keep);

#endif
