/*
 * fuzz-backup.c - libFuzzer target for the encrypted backup container's
 * reader (app/backup.c): backup_decrypt must accept or refuse any bytes
 * without crashing, and what it accepts must encrypt and decrypt back to
 * itself.  The key is fixed (bytes 0..31), as in the seed corpus
 * (fuzz/corpus/backup: containers of a few sizes made with that key).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/backup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* backup_decrypt (or backup_encrypt) of in[0..n) into *out; its return. */
static int run(int decrypt, const void *in, size_t n, const unsigned char *key, char **out,
               size_t *out_n)
{
	static const char empty[1];
	FILE *f = fmemopen(n ? (void *)in : (void *)empty, n ? n : 1, "rb");
	FILE *o = open_memstream(out, out_n);
	struct err e;
	int rc;

	if (!f || !o)
		abort();
	if (n == 0)
		fgetc(f);
	err_init(&e);
	rc = decrypt ? backup_decrypt(f, o, key, &e) : backup_encrypt(f, o, key, &e);
	err_release(&e);
	fclose(f);
	fclose(o);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char key[BACKUP_KEY_BYTES];
	char *plain = NULL, *sealed = NULL, *again = NULL;
	size_t plain_n = 0, sealed_n = 0, again_n = 0;

	for (int i = 0; i < BACKUP_KEY_BYTES; i++)
		key[i] = (unsigned char)i;
	if (run(1, data, size, key, &plain, &plain_n) == 0) {
		if (run(0, plain, plain_n, key, &sealed, &sealed_n) != 0 ||
		    run(1, sealed, sealed_n, key, &again, &again_n) != 0 || again_n != plain_n ||
		    (plain_n && memcmp(again, plain, plain_n) != 0))
			abort();
	}
	free(plain);
	free(sealed);
	free(again);
	return 0;
}
