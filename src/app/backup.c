/*
 * backup.c - the encrypted container, key files, checksums, scheduled
 * backups' names and their retention (backup.h).
 */
#include "app/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/banned.h"

static const unsigned char magic[8] = {'H', 'O', 'S', 'O', 'B', 'A', 'K', 0x1a};
#define BACKUP_VERSION 1
#define AD_BYTES       28 /* magic, version, zero, key id */
#define KEY_ID_BYTES   16
#define CIPHER_CHUNK   (BACKUP_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES)

FILE *backup_file_create(const char *path, const char *field, struct err *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *f = NULL;

	if (fd < 0 && errno == EEXIST) {
		err_set(e, HOSO_E_DUPLICATE, field, "Tệp '%s' đã tồn tại, không ghi đè",
		        "'%s' already exists; not overwriting it", path);
		return NULL;
	}
	/* 0600 whatever the umask: a key, or a database's contents */
	if (fd < 0 || fchmod(fd, 0600) != 0 || !(f = fdopen(fd, "wb"))) {
		err_set(e, HOSO_E_IO, field, "Không tạo được tệp '%s': %s",
		        "Cannot create '%s': %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	return f;
}

int backup_file_close(FILE *f, const char *path, const char *field, int rc, struct err *e)
{
	int ok = fflush(f) == 0 && fsync(fileno(f)) == 0;

	if (fclose(f) != 0)
		ok = 0;
	if (rc == 0 && !ok)
		rc = err_set(e, HOSO_E_IO, field, "Không ghi được tệp '%s'", "Cannot write '%s'",
		             path);
	return rc;
}

int backup_key_generate(const char *path, struct err *e)
{
	unsigned char key[BACKUP_KEY_BYTES];
	char hex[2 * BACKUP_KEY_BYTES + 2];
	size_t len;
	FILE *f;
	int rc;

	if (sodium_init() < 0)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	if (!(f = backup_file_create(path, "key", e)))
		return e->code;
	crypto_secretstream_xchacha20poly1305_keygen(key);
	sodium_bin2hex(hex, sizeof(hex) - 1, key, sizeof(key));
	sodium_memzero(key, sizeof(key));
	len = strlen(hex);
	hex[len++] = '\n';
	rc = fwrite(hex, 1, len, f) == len ? 0
	                                   : err_set(e, HOSO_E_IO, "key", "Không ghi được tệp '%s'",
	                                             "Cannot write '%s'", path);
	sodium_memzero(hex, sizeof(hex));
	if ((rc = backup_file_close(f, path, "key", rc, e)) < 0)
		unlink(path);
	return rc;
}

int backup_key_load(const char *path, unsigned char key[BACKUP_KEY_BYTES], struct err *e)
{
	char text[160];
	struct stat st;
	ssize_t n;
	size_t len, bin_len = 0;
	const char *end = NULL;
	int fd;

	if (sodium_init() < 0)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return err_set(e, errno == ENOENT ? HOSO_E_NOT_FOUND : HOSO_E_IO, "key",
		               "Không đọc được tệp khoá '%s': %s",
		               "Cannot read the key file '%s': %s", path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set(e, HOSO_E_BAD_FILE, "key", "'%s' không phải tệp khoá",
		               "'%s' is not a key file", path);
	}
	if ((st.st_mode & 077) != 0 || (st.st_uid != geteuid() && geteuid() != 0)) {
		close(fd);
		return err_set(e, HOSO_E_DENIED, "key",
		               "Tệp khoá '%s' có quyền %04o: chỉ người dùng của hoso được đọc nó "
		               "(chown hoso: '%s'; chmod 600 '%s')",
		               "The key file '%s' has mode %04o: only hoso's user may read it "
		               "(chown hoso: '%s'; chmod 600 '%s')",
		               path, (unsigned)(st.st_mode & 07777), path, path);
	}
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n < 0)
		return err_set(e, HOSO_E_IO, "key", "Không đọc được tệp khoá '%s'",
		               "Cannot read the key file '%s'", path);
	len = (size_t)n;
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' '))
		len--;
	if (len != 2 * BACKUP_KEY_BYTES ||
	    sodium_hex2bin(key, BACKUP_KEY_BYTES, text, len, NULL, &bin_len, &end) != 0 ||
	    bin_len != BACKUP_KEY_BYTES || end != text + len) {
		sodium_memzero(text, sizeof(text));
		return err_set(e, HOSO_E_BAD_FILE, "key",
		               "Tệp khoá '%s' không chứa khoá (64 chữ số hệ 16; tạo bằng "
		               "'hoso backup keygen')",
		               "The key file '%s' holds no key (64 hex digits; made by "
		               "'hoso backup keygen')",
		               path);
	}
	sodium_memzero(text, sizeof(text));
	return 0;
}

int backup_is_encrypted(const char *path)
{
	unsigned char head[sizeof(magic)];
	FILE *f = fopen(path, "rb");
	int yes;

	if (!f)
		return 0;
	yes = fread(head, 1, sizeof(head), f) == sizeof(head) && memcmp(head, magic, 8) == 0;
	fclose(f);
	return yes;
}

static void key_id(const unsigned char key[BACKUP_KEY_BYTES], unsigned char id[KEY_ID_BYTES])
{
	static const unsigned char label[] = "hoso backup key id";

	crypto_generichash(id, KEY_ID_BYTES, label, sizeof(label) - 1, key, BACKUP_KEY_BYTES);
}

static int io_error(struct err *e)
{
	return err_set(e, HOSO_E_IO, NULL, "Lỗi đọc/ghi tệp sao lưu: %s",
	               "Cannot read or write the backup: %s", strerror(errno));
}

int backup_encrypt(FILE *in, FILE *out, const unsigned char key[BACKUP_KEY_BYTES], struct err *e)
{
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char head[BACKUP_HEADER];
	unsigned char *plain = malloc(BACKUP_CHUNK), *cipher = malloc(CIPHER_CHUNK);
	unsigned long long clen;
	size_t n;
	int rc = 0, last;

	if (!plain || !cipher || sodium_init() < 0) {
		free(plain);
		free(cipher);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	memset(head, 0, sizeof(head));
	memcpy(head, magic, sizeof(magic));
	head[8] = BACKUP_VERSION;
	key_id(key, head + 12);
	crypto_secretstream_xchacha20poly1305_init_push(&st, head + AD_BYTES, key);
	if (fwrite(head, 1, sizeof(head), out) != sizeof(head))
		rc = io_error(e);
	do {
		n = fread(plain, 1, BACKUP_CHUNK, in);
		if (ferror(in)) {
			rc = io_error(e);
			break;
		}
		/* a short chunk is the last one; a full one is followed by one
		 * more, empty if need be */
		last = n < BACKUP_CHUNK;
		crypto_secretstream_xchacha20poly1305_push(
		    &st, cipher, &clen, plain, n, head, AD_BYTES,
		    last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
		if (rc == 0 && fwrite(cipher, 1, (size_t)clen, out) != (size_t)clen)
			rc = io_error(e);
	} while (rc == 0 && !last);
	if (rc == 0 && fflush(out) != 0)
		rc = io_error(e);
	sodium_memzero(&st, sizeof(st));
	sodium_memzero(plain, BACKUP_CHUNK);
	free(plain);
	free(cipher);
	return rc;
}

static int bad_container(struct err *e, const char *vi, const char *en)
{
	return err_set(e, HOSO_E_BAD_FILE, "in", "%s%.0s", "%.0s%s", vi, en);
}

int backup_decrypt(FILE *in, FILE *out, const unsigned char key[BACKUP_KEY_BYTES], struct err *e)
{
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char head[BACKUP_HEADER], id[KEY_ID_BYTES], tag = 0, extra;
	unsigned char *plain = malloc(BACKUP_CHUNK), *cipher = malloc(CIPHER_CHUNK);
	unsigned long long plen;
	size_t n;
	int rc = 0;

	if (!plain || !cipher || sodium_init() < 0) {
		free(plain);
		free(cipher);
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	}
	if (fread(head, 1, sizeof(head), in) != sizeof(head) || memcmp(head, magic, 8) != 0)
		rc = bad_container(e, "Tệp không phải bản sao lưu hoso đã mã hoá",
		                   "The file is not an encrypted hoso backup");
	else if (head[8] != BACKUP_VERSION || head[9] || head[10] || head[11])
		rc = err_set(e, HOSO_E_BAD_FILE, "in",
		             "Bản sao lưu mã hoá phiên bản %u, chương trình này chỉ đọc được phiên "
		             "bản %d",
		             "The encrypted backup is of version %u; this program reads version %d",
		             (unsigned)head[8], BACKUP_VERSION);
	else if (key_id(key, id), sodium_memcmp(id, head + 12, KEY_ID_BYTES) != 0)
		rc = bad_container(e, "Sai khoá: bản sao lưu này được mã hoá bằng một khoá khác",
		                   "Wrong key: this backup was encrypted with another key");
	else if (crypto_secretstream_xchacha20poly1305_init_pull(&st, head + AD_BYTES, key) != 0)
		rc = bad_container(e, "Phần đầu bản sao lưu bị hỏng",
		                   "The backup's header is damaged");
	while (rc == 0 && tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		n = fread(cipher, 1, CIPHER_CHUNK, in);
		if (ferror(in)) {
			rc = io_error(e);
		} else if (n < crypto_secretstream_xchacha20poly1305_ABYTES) {
			rc = bad_container(e, "Bản sao lưu bị cắt cụt (thiếu phần cuối)",
			                   "The backup is truncated (its end is missing)");
		} else if (crypto_secretstream_xchacha20poly1305_pull(
		               &st, plain, &plen, &tag, cipher, n, head, AD_BYTES) != 0) {
			rc = bad_container(e, "Bản sao lưu bị hỏng, bị cắt cụt hoặc đã bị sửa đổi",
			                   "The backup is damaged, truncated or tampered with");
		} else if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL &&
		           (tag != 0 || n < CIPHER_CHUNK)) {
			rc = bad_container(e, "Bản sao lưu bị cắt cụt (thiếu phần cuối)",
			                   "The backup is truncated (its end is missing)");
		} else if (out && plen && fwrite(plain, 1, (size_t)plen, out) != (size_t)plen) {
			rc = io_error(e);
		}
	}
	if (rc == 0 && fread(&extra, 1, 1, in) != 0)
		rc = bad_container(e, "Bản sao lưu có dữ liệu lạ sau phần cuối",
		                   "The backup has data after its end");
	if (rc == 0 && out && fflush(out) != 0)
		rc = io_error(e);
	sodium_memzero(&st, sizeof(st));
	sodium_memzero(plain, BACKUP_CHUNK);
	free(plain);
	free(cipher);
	return rc;
}

int backup_sha256(const char *path, char *hex, struct err *e)
{
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES];
	unsigned char *buf = malloc(BACKUP_CHUNK);
	FILE *f = fopen(path, "rb");
	size_t n;
	int rc = 0;

	if (!buf || !f || sodium_init() < 0) {
		rc = f ? err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL)
		       : err_set(e, HOSO_E_IO, "out", "Không đọc được tệp '%s'", "Cannot read '%s'",
		                 path);
		goto out;
	}
	crypto_hash_sha256_init(&h);
	while ((n = fread(buf, 1, BACKUP_CHUNK, f)) > 0)
		crypto_hash_sha256_update(&h, buf, n);
	if (ferror(f)) {
		rc = io_error(e);
		goto out;
	}
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(hex, BACKUP_SHA256_HEX, md, sizeof(md));
out:
	if (f)
		fclose(f);
	free(buf);
	return rc;
}

int backup_sha256_write(const char *path, const char *hex, struct err *e)
{
	const char *base = strrchr(path, '/');
	size_t len = strlen(path);
	char *sum = malloc(len + 8);
	FILE *f;
	int ok;

	if (!sum)
		return err_set(e, HOSO_E_NOMEM, NULL, NULL, NULL);
	memcpy(sum, path, len);
	memcpy(sum + len, ".sha256", 8);
	f = fopen(sum, "w");
	ok = f && fprintf(f, "%s  %s\n", hex, base ? base + 1 : path) > 0;
	ok = f && fclose(f) == 0 && ok;
	if (!ok)
		err_set(e, HOSO_E_IO, "out", "Không ghi được tệp '%s'", "Cannot write '%s'", sum);
	free(sum);
	return ok ? 0 : HOSO_E_IO;
}

/* Days since 1970-01-01 to the civil date (H. Hinnant's algorithm). */
static void civil(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int64_t days_from_civil(int y, int m, int d)
{
	int64_t yy = m <= 2 ? y - 1 : y, era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400, mp = m > 2 ? m - 3 : m + 9;
	int64_t doy = (153 * mp + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

void backup_name(int64_t t, int encrypted, char *out)
{
	int64_t days = floor_div(t, 86400), s = t - days * 86400;
	int y, m, d;

	civil(days, &y, &m, &d);
	snprintf(out, BACKUP_NAME_MAX, "hoso-%04d%02d%02d-%02d%02d%02d.db%s", y % 10000, m, d,
	         (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60), encrypted ? ".enc" : "");
}

static int digits(const char *s, int n, int *ret)
{
	*ret = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*ret = *ret * 10 + (s[i] - '0');
	}
	return 0;
}

int backup_name_parse(const char *name, int64_t *ret)
{
	int y, mo, d, h, mi, s;
	char check[BACKUP_NAME_MAX];
	int64_t t;

	if (strlen(name) < 23 || strncmp(name, "hoso-", 5) != 0 || name[13] != '-' ||
	    digits(name + 5, 4, &y) || digits(name + 9, 2, &mo) || digits(name + 11, 2, &d) ||
	    digits(name + 14, 2, &h) || digits(name + 16, 2, &mi) || digits(name + 18, 2, &s) ||
	    (strcmp(name + 20, ".db") != 0 && strcmp(name + 20, ".db.enc") != 0) || mo < 1 ||
	    mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
		return -1;
	t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	/* a day that does not exist (31 April) names another: not ours */
	backup_name(t, strcmp(name + 20, ".db.enc") == 0, check);
	if (strcmp(check, name) != 0)
		return -1;
	*ret = t;
	return 0;
}

/* The bucket of t for rule r: its day, its ISO week (the day number of
 * its Monday) or its month. */
static int64_t bucket(int64_t t, int r)
{
	int64_t days = floor_div(t, 86400);
	int y, m, d;

	if (r == 0)
		return days;
	if (r == 1) /* 1970-01-01 was a Thursday: Monday is 0 below */
		return days - (((days + 3) % 7 + 7) % 7);
	civil(days, &y, &m, &d);
	return (int64_t)y * 12 + m;
}

void backup_retain(const int64_t *t, size_t n, int daily, int weekly, int monthly,
                   unsigned char *keep)
{
	const int limit[3] = {daily, weekly, monthly};
	size_t *order = n ? malloc(n * sizeof(*order)) : NULL;

	memset(keep, 0, n);
	if (n == 0)
		return;
	if (!order) { /* keep everything rather than choose badly */
		memset(keep, 1, n);
		return;
	}
	/* newest first (insertion sort: a directory holds few backups) */
	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		while (j > 0 && t[order[j - 1]] < t[i]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	for (int r = 0; r < 3; r++) {
		int64_t last = 0;
		int count = 0;

		for (size_t k = 0; k < n && count < limit[r]; k++) {
			int64_t b = bucket(t[order[k]], r);

			if (count > 0 && b == last)
				continue;
			last = b;
			keep[order[k]] = 1;
			count++;
		}
	}
	keep[order[0]] = 1;
	free(order);
}
