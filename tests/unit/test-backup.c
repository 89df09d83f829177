/* Unit tests for src/app/backup.c: the encrypted container (round trip,
 * wrong key, truncated, tampered, trailing data), key files (mode
 * refused), scheduled backups' names and grandfather-father-son
 * retention. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "app/backup.h"
#include "helpers.h"

#define DAY 86400

/* 2026-12-07 (a Monday) 02:00 UTC */
static const int64_t monday = 1796608800;

static unsigned char *encrypt_mem(const unsigned char *data, size_t n,
                                  const unsigned char key[BACKUP_KEY_BYTES], size_t *ret_n)
{
	FILE *in = fmemopen((void *)data, n ? n : 1, "rb");
	char *out = NULL;
	size_t out_n = 0;
	FILE *o = open_memstream(&out, &out_n);
	struct err e;

	err_init(&e);
	assert_non_null(in);
	if (n == 0)
		fgetc(in); /* empty input */
	assert_int_equal(backup_encrypt(in, o, key, &e), 0);
	fclose(in);
	fclose(o);
	err_release(&e);
	*ret_n = out_n;
	return (unsigned char *)out;
}

/* backup_decrypt of c[0..n) with key: its return, the text in *ret. */
static int decrypt_mem(const unsigned char *c, size_t n, const unsigned char *key, char **ret,
                       size_t *ret_n, struct err *e)
{
	FILE *in = fmemopen((void *)c, n, "rb");
	FILE *o = open_memstream(ret, ret_n);
	int rc = backup_decrypt(in, o, key, e);

	fclose(in);
	fclose(o);
	return rc;
}

static void test_container_round_trip(void **state)
{
	unsigned char key[BACKUP_KEY_BYTES], other[BACKUP_KEY_BYTES];
	size_t sizes[] = {
	    0, 1, 100, BACKUP_CHUNK - 1, BACKUP_CHUNK, BACKUP_CHUNK + 1, 3 * BACKUP_CHUNK};
	unsigned char *data = malloc(3 * BACKUP_CHUNK);
	struct err e;

	(void)state;
	err_init(&e);
	memset(key, 7, sizeof(key));
	memset(other, 8, sizeof(other));
	for (size_t i = 0; i < 3 * BACKUP_CHUNK; i++)
		data[i] = (unsigned char)(i * 31 + 5);
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t cn, pn;
		unsigned char *c = encrypt_mem(data, sizes[k], key, &cn);
		char *p = NULL;

		assert_true(cn > BACKUP_HEADER);
		assert_int_equal(decrypt_mem(c, cn, key, &p, &pn, &e), 0);
		assert_int_equal(pn, sizes[k]);
		if (sizes[k])
			assert_memory_equal(p, data, sizes[k]);
		free(p);
		/* a wrong key is named as such */
		assert_int_equal(decrypt_mem(c, cn, other, &p, &pn, &e), HOSO_E_BAD_FILE);
		assert_non_null(strstr(err_text_en(&e), "Wrong key"));
		free(p);
		/* every truncation is refused (a sample of them, and the
		 * chunk boundaries) */
		for (size_t cut = 0; cut < cn; cut += (cut < BACKUP_HEADER + 40 ? 1 : 997)) {
			assert_int_equal(decrypt_mem(c, cut, key, &p, &pn, &e), HOSO_E_BAD_FILE);
			free(p);
		}
		/* a flipped bit anywhere is refused */
		for (size_t at = 0; at < cn; at += (at < BACKUP_HEADER + 40 ? 1 : 1009)) {
			c[at] ^= 0x10;
			assert_int_equal(decrypt_mem(c, cn, key, &p, &pn, &e), HOSO_E_BAD_FILE);
			free(p);
			c[at] ^= 0x10;
		}
		/* data after the end */
		c = realloc(c, cn + 1);
		c[cn] = 0;
		assert_int_equal(decrypt_mem(c, cn + 1, key, &p, &pn, &e), HOSO_E_BAD_FILE);
		free(p);
		free(c);
	}
	free(data);
	err_release(&e);
}

static void test_key_file(void **state)
{
	char dir[512], path[600];
	unsigned char key[BACKUP_KEY_BYTES], again[BACKUP_KEY_BYTES];
	struct stat st;
	struct err e;
	FILE *f;

	(void)state;
	err_init(&e);
	tmpdir_make(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/key", dir);
	assert_int_equal(backup_key_generate(path, &e), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(backup_key_generate(path, &e), HOSO_E_DUPLICATE);
	assert_int_equal(backup_key_load(path, key, &e), 0);
	assert_int_equal(backup_key_load(path, again, &e), 0);
	assert_memory_equal(key, again, sizeof(key));
	/* readable by the group: refused, saying why */
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(backup_key_load(path, key, &e), HOSO_E_DENIED);
	assert_non_null(strstr(err_text_en(&e), "only hoso's user"));
	assert_int_equal(chmod(path, 0604), 0);
	assert_int_equal(backup_key_load(path, key, &e), HOSO_E_DENIED);
	/* not a key */
	f = fopen(path, "w");
	fputs("0123\n", f);
	fclose(f);
	assert_int_equal(chmod(path, 0600), 0);
	assert_int_equal(backup_key_load(path, key, &e), HOSO_E_BAD_FILE);
	tmpdir_remove(dir);
	err_release(&e);
}

static void test_names(void **state)
{
	char name[BACKUP_NAME_MAX];
	int64_t t;

	(void)state;
	backup_name(monday + 3723, 0, name);
	assert_string_equal(name, "hoso-20261207-030203.db");
	assert_int_equal(backup_name_parse(name, &t), 0);
	assert_int_equal(t, monday + 3723);
	backup_name(monday, 1, name);
	assert_string_equal(name, "hoso-20261207-020000.db.enc");
	assert_int_equal(backup_name_parse(name, &t), 0);
	assert_int_equal(t, monday);
	assert_int_equal(backup_name_parse("hoso-20260431-020000.db", &t), -1);
	assert_int_equal(backup_name_parse("hoso-20261207-020000.db.sha256", &t), -1);
	assert_int_equal(backup_name_parse("hoso.db", &t), -1);
	assert_int_equal(backup_name_parse("hoso-20261207-020000.dbx", &t), -1);
	assert_int_equal(backup_name_parse("hoso-2026120-0200000.db", &t), -1);
	assert_int_equal(backup_name_parse("hoso-pre-upgrade-v31.db", &t), -1);
}

static size_t kept(const unsigned char *keep, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += keep[i];
	return k;
}

static void test_retention(void **state)
{
	int64_t t[120];
	unsigned char keep[120];
	size_t n = 0;

	(void)state;
	/* one backup a day for 120 days back from Monday 2026-12-07, and a
	 * second one on that Monday (an hour later: the newest) */
	for (int i = 0; i < 119; i++)
		t[n++] = monday - (int64_t)i * DAY;
	t[n++] = monday + 3600;
	backup_retain(t, n, 7, 0, 0, keep);
	assert_int_equal(kept(keep, n), 7);
	assert_true(keep[119]); /* the newest of Monday, not the earlier one */
	assert_false(keep[0]);  /* that earlier one */
	assert_true(keep[6]);   /* six days back */
	assert_false(keep[7]);
	/* weeks: the newest of each ISO week (Sundays, and this Monday) */
	backup_retain(t, n, 0, 4, 0, keep);
	assert_int_equal(kept(keep, n), 4);
	assert_true(keep[119]); /* this week: Monday's newest */
	assert_true(keep[1]);   /* Sunday 2026-12-06 ends the week before */
	assert_true(keep[8]);
	assert_true(keep[15]);
	assert_false(keep[2]);
	/* months: the newest of December, November (the 30th), October... */
	backup_retain(t, n, 0, 0, 3, keep);
	assert_int_equal(kept(keep, n), 3);
	assert_true(keep[119]);
	assert_true(keep[7]);  /* 2026-11-30 */
	assert_true(keep[37]); /* 2026-10-31 */
	/* the rules together: their union */
	backup_retain(t, n, 7, 4, 3, keep);
	assert_int_equal(kept(keep, n), 7 + 2 + 2); /* 2 weeks, 1 month overlap the days */
	/* nothing asked: the newest alone */
	backup_retain(t, n, 0, 0, 0, keep);
	assert_int_equal(kept(keep, n), 1);
	assert_true(keep[119]);
	/* fewer backups than asked for: all kept */
	backup_retain(t, 3, 30, 0, 0, keep);
	assert_int_equal(kept(keep, 3), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_container_round_trip),
	    cmocka_unit_test(test_key_file),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_retention),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
