/*
 * fault.c - allocation and I/O faults on demand, a reproducible clock and
 * random stream (see fault.h).  Linked into the test executables that use
 * it together with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 * --wrap=strdup,--wrap=strndup,--wrap=time,--wrap=clock_gettime,
 * --wrap=crypto_pwhash_str (tests/unit/meson.build).
 */
#include "fault.h"

#include <errno.h>
#include <jansson.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- the trigger ---- */

static atomic_int armed = -1; /* enum fault_kind, or -1 */
static atomic_long target, seen, fired;
static atomic_int sticky;

const char *fault_kind_name(enum fault_kind k)
{
	static const char *const names[FAULT__MAX] = {
	    [FAULT_ALLOC] = "alloc", [FAULT_READ] = "read",   [FAULT_WRITE] = "write",
	    [FAULT_FULL] = "full",   [FAULT_FSYNC] = "fsync",
	};

	return k < FAULT__MAX ? names[k] : "?";
}

void fault_arm(enum fault_kind k, long n, int persistent)
{
	atomic_store(&armed, -1);
	atomic_store(&target, n);
	atomic_store(&seen, 0);
	atomic_store(&fired, 0);
	atomic_store(&sticky, persistent);
	atomic_store(&armed, (int)k);
}

long fault_disarm(void)
{
	atomic_store(&armed, -1);
	return atomic_load(&fired);
}

/* 1 when this event of kind k must fail. */
static int fault_now(enum fault_kind k)
{
	long n;

	if (atomic_load(&armed) != (int)k)
		return 0;
	n = atomic_fetch_add(&seen, 1) + 1;
	if (n == atomic_load(&target) || (atomic_load(&sticky) && n > atomic_load(&target))) {
		atomic_fetch_add(&fired, 1);
		return 1;
	}
	return 0;
}

/* ---- hoso's allocations (link-time wrappers) ---- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static void *no_memory(void)
{
	errno = ENOMEM;
	return NULL;
}

void *__wrap_malloc(size_t n)
{
	return fault_now(FAULT_ALLOC) ? no_memory() : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fault_now(FAULT_ALLOC) ? no_memory() : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fault_now(FAULT_ALLOC) ? no_memory() : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return fault_now(FAULT_ALLOC) ? no_memory() : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return fault_now(FAULT_ALLOC) ? no_memory() : __real_strndup(s, n);
}

/* jansson's: the same heap, so hoso may free() what json_dumps returns. */
static void *json_alloc(size_t n)
{
	return fault_now(FAULT_ALLOC) ? NULL : __real_malloc(n);
}

static void json_release(void *p)
{
	free(p);
}

/* SQLite's: its default allocator, failing on demand. */
static sqlite3_mem_methods sqlite_mem;

static void *sqlite_alloc(int n)
{
	return fault_now(FAULT_ALLOC) ? NULL : sqlite_mem.xMalloc(n);
}

static void *sqlite_realloc(void *p, int n)
{
	return fault_now(FAULT_ALLOC) ? NULL : sqlite_mem.xRealloc(p, n);
}

/* ---- the clock ---- */

time_t __real_time(time_t *t);
int __real_clock_gettime(clockid_t c, struct timespec *ts);
time_t __wrap_time(time_t *t);
int __wrap_clock_gettime(clockid_t c, struct timespec *ts);

static atomic_int frozen;
static struct timespec frozen_at;

time_t __wrap_time(time_t *t)
{
	if (!atomic_load(&frozen))
		return __real_time(t);
	if (t)
		*t = frozen_at.tv_sec;
	return frozen_at.tv_sec;
}

int __wrap_clock_gettime(clockid_t c, struct timespec *ts)
{
	if (c != CLOCK_REALTIME || !atomic_load(&frozen))
		return __real_clock_gettime(c, ts);
	*ts = frozen_at;
	return 0;
}

/* ---- password hashing at libsodium's least cost ----
 * user_add hashes with argon2id at the interactive cost (64 MiB, tenths of
 * a second) before it writes; hundreds of runs would spend minutes there.
 * The hash is still a real, verifiable argon2id string. */

int __real_crypto_pwhash_str(char *out, const char *pw, unsigned long long n,
                             unsigned long long ops, size_t mem);
int __wrap_crypto_pwhash_str(char *out, const char *pw, unsigned long long n,
                             unsigned long long ops, size_t mem);

int __wrap_crypto_pwhash_str(char *out, const char *pw, unsigned long long n,
                             unsigned long long ops, size_t mem)
{
	(void)ops;
	(void)mem;
	return __real_crypto_pwhash_str(out, pw, n, crypto_pwhash_OPSLIMIT_MIN,
	                                crypto_pwhash_MEMLIMIT_MIN);
}

/* ---- libsodium's random stream: splitmix64 from a fixed seed ---- */

static atomic_uint_fast64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = atomic_fetch_add(&rng_state, 0x9E3779B97F4A7C15ull) + 0x9E3779B97F4A7C15ull;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static const char *rng_name(void)
{
	return "hoso-fault-test";
}

static uint32_t rng_random(void)
{
	return (uint32_t)(rng_next() >> 32);
}

static void rng_buf(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n) {
		uint64_t v = rng_next();
		size_t k = n < sizeof(v) ? n : sizeof(v);

		memcpy(p, &v, k);
		p += k;
		n -= k;
	}
}

static int rng_close(void)
{
	return 0;
}

static randombytes_implementation rng_impl = {
    .implementation_name = rng_name,
    .random = rng_random,
    .buf = rng_buf,
    .close = rng_close,
};

void fault_freeze(int on)
{
	if (on)
		atomic_store(&rng_state, 1);
	atomic_store(&frozen, on);
}

/* ---- the VFS: the real one, failing on demand ---- */

struct ffile {
	sqlite3_file base;
	sqlite3_file *real; /* follows this struct in the same allocation */
};

static sqlite3_vfs *real_vfs;

#define REAL(f) (((struct ffile *)(f))->real)

static int f_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	if (fault_now(FAULT_READ))
		return SQLITE_IOERR_READ;
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fault_now(FAULT_WRITE))
		return SQLITE_IOERR_WRITE;
	if (fault_now(FAULT_FULL))
		return SQLITE_FULL;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (fault_now(FAULT_WRITE))
		return SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

/* Counted, and failed on demand, but not passed on: these tests cut no
 * power, and a real fsync per commit would make them crawl. */
static int f_sync(sqlite3_file *f, int flags)
{
	(void)f;
	(void)flags;
	return fault_now(FAULT_FSYNC) ? SQLITE_IOERR_FSYNC : SQLITE_OK;
}

static int f_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int f_lock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xLock(REAL(f), lock);
}

static int f_unlock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), lock);
}

static int f_check_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int f_file_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int f_sector_size(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int f_device(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int f_shm_map(sqlite3_file *f, int pg, int pgsz, int extend, void volatile **out)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, pgsz, extend, out);
}

static int f_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void f_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int f_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, out);
}

static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static const sqlite3_io_methods f_io = {
    .iVersion = 3,
    .xClose = f_close,
    .xRead = f_read,
    .xWrite = f_write,
    .xTruncate = f_truncate,
    .xSync = f_sync,
    .xFileSize = f_file_size,
    .xLock = f_lock,
    .xUnlock = f_unlock,
    .xCheckReservedLock = f_check_reserved,
    .xFileControl = f_file_control,
    .xSectorSize = f_sector_size,
    .xDeviceCharacteristics = f_device,
    .xShmMap = f_shm_map,
    .xShmLock = f_shm_lock,
    .xShmBarrier = f_shm_barrier,
    .xShmUnmap = f_shm_unmap,
    .xFetch = f_fetch,
    .xUnfetch = f_unfetch,
};

static int v_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	struct ffile *p = (struct ffile *)f;
	int rc;

	(void)v;
	p->real = (sqlite3_file *)(p + 1);
	rc = real_vfs->xOpen(real_vfs, name, p->real, flags, out);
	p->base.pMethods = p->real->pMethods ? &f_io : NULL;
	return rc;
}

static int v_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	return real_vfs->xDelete(real_vfs, name, sync);
}

static int v_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int v_full_pathname(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static void *v_dl_open(sqlite3_vfs *v, const char *name)
{
	(void)v;
	return real_vfs->xDlOpen(real_vfs, name);
}

static void v_dl_error(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	real_vfs->xDlError(real_vfs, n, out);
}

static void (*v_dl_sym(sqlite3_vfs *v, void *h, const char *name))(void)
{
	(void)v;
	return real_vfs->xDlSym(real_vfs, h, name);
}

static void v_dl_close(sqlite3_vfs *v, void *h)
{
	(void)v;
	real_vfs->xDlClose(real_vfs, h);
}

static int v_randomness(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int v_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return real_vfs->xSleep(real_vfs, us);
}

/* Milliseconds since the Julian epoch; SQLite's 'now'. */
static int v_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	(void)v;
	if (!atomic_load(&frozen))
		return real_vfs->xCurrentTimeInt64(real_vfs, out);
	*out = (sqlite3_int64)210866760000000ll + (sqlite3_int64)frozen_at.tv_sec * 1000 +
	       frozen_at.tv_nsec / 1000000;
	return SQLITE_OK;
}

static int v_time(sqlite3_vfs *v, double *out)
{
	sqlite3_int64 ms;
	int rc = v_time64(v, &ms);

	*out = (double)ms / 86400000.0;
	return rc;
}

static int v_last_error(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static int v_set_syscall(sqlite3_vfs *v, const char *name, sqlite3_syscall_ptr p)
{
	(void)v;
	return real_vfs->xSetSystemCall(real_vfs, name, p);
}

static sqlite3_syscall_ptr v_get_syscall(sqlite3_vfs *v, const char *name)
{
	(void)v;
	return real_vfs->xGetSystemCall(real_vfs, name);
}

static const char *v_next_syscall(sqlite3_vfs *v, const char *name)
{
	(void)v;
	return real_vfs->xNextSystemCall(real_vfs, name);
}

static sqlite3_vfs fault_vfs = {
    .iVersion = 3,
    .mxPathname = 0, /* from the real one */
    .zName = "hoso-fault",
    .xOpen = v_open,
    .xDelete = v_delete,
    .xAccess = v_access,
    .xFullPathname = v_full_pathname,
    .xDlOpen = v_dl_open,
    .xDlError = v_dl_error,
    .xDlSym = v_dl_sym,
    .xDlClose = v_dl_close,
    .xRandomness = v_randomness,
    .xSleep = v_sleep,
    .xCurrentTime = v_time,
    .xGetLastError = v_last_error,
    .xCurrentTimeInt64 = v_time64,
    .xSetSystemCall = v_set_syscall,
    .xGetSystemCall = v_get_syscall,
    .xNextSystemCall = v_next_syscall,
};

/* HOSO_FAULT_SQLITE_LOG=1: SQLite's error log on stderr, to look into a
 * problem. */
static void sqlite_log(void *arg, int code, const char *msg)
{
	(void)arg;
	fprintf(stderr, "sqlite (%d): %s\n", code, msg);
}

static void die(const char *what)
{
	fprintf(stderr, "fault_init: %s\n", what);
	abort();
}

void fault_init(void)
{
	sqlite3_mem_methods m;

	__real_clock_gettime(CLOCK_REALTIME, &frozen_at);
	/* Reproducible randomness: before sodium_init, which hoso calls. */
	if (randombytes_set_implementation(&rng_impl) != 0 || sodium_init() < 0)
		die("libsodium");
	fault_freeze(0);
	json_set_alloc_funcs(json_alloc, json_release);
	json_object_seed(1);
	/* SQLite: configured before it initialises, so every connection
	 * allocates through sqlite_alloc (Debian builds it without lookaside,
	 * so even its small allocations come here, and can fail). */
	if (getenv("HOSO_FAULT_SQLITE_LOG"))
		sqlite3_config(SQLITE_CONFIG_LOG, sqlite_log, NULL);
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_mem) != SQLITE_OK)
		die("SQLITE_CONFIG_GETMALLOC");
	m = sqlite_mem;
	m.xMalloc = sqlite_alloc;
	m.xRealloc = sqlite_realloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK ||
	    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
		die("SQLITE_CONFIG_MALLOC");
	if (sqlite3_initialize() != SQLITE_OK || !(real_vfs = sqlite3_vfs_find(NULL)))
		die("sqlite3_initialize");
	fault_vfs.szOsFile = (int)sizeof(struct ffile) + real_vfs->szOsFile;
	fault_vfs.mxPathname = real_vfs->mxPathname;
	if (real_vfs->iVersion < 3 || sqlite3_vfs_register(&fault_vfs, 1) != SQLITE_OK)
		die("sqlite3_vfs_register");
}
