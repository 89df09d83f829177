/*
 * fault.h - fault injection for the unit tests, as SQLite tests itself:
 * make the N-th allocation, or the N-th read, write or sync of a database
 * file, fail, and see that the code under test copes.
 *
 * What can fail (one kind armed at a time):
 *
 *   FAULT_ALLOC   every allocation the write paths make: hoso's own
 *                 malloc/calloc/realloc/strdup/strndup (the test executable
 *                 is linked with -Wl,--wrap=..., so the references in
 *                 libhoso.a land in fault.c; arenas and buffers allocate
 *                 through them), jansson's (json_set_alloc_funcs) and
 *                 SQLite's (sqlite3_config(SQLITE_CONFIG_MALLOC); Debian
 *                 builds it without lookaside, so that is every one).  Not
 *                 ICU's (ICU keeps a failed one-time initialisation for the
 *                 life of the process, so one injected failure there would
 *                 fail every later run), nor those made inside libcsv,
 *                 libsodium or glibc (fopen).
 *   FAULT_READ    xRead of a database, WAL or journal file: SQLITE_IOERR_READ
 *   FAULT_WRITE   xWrite or xTruncate: SQLITE_IOERR_WRITE / _TRUNCATE
 *   FAULT_FULL    xWrite: SQLITE_FULL (the disk is full)
 *   FAULT_FSYNC   xSync: SQLITE_IOERR_FSYNC
 *
 * The I/O faults come from a VFS registered as the default, which wraps the
 * real one ("unix") and forwards everything else, but for fsync: counted,
 * failed on demand, never done (these tests cut no power).
 *
 * Runs must be comparable, so in this executable time and randomness are
 * reproducible while fault_freeze is on: time() and
 * clock_gettime(CLOCK_REALTIME) (wrapped too) and SQLite's 'now' (the VFS's
 * clock) return the moment fault_init ran, and libsodium draws from a fixed
 * stream that fault_freeze restarts.  Two runs of the same operation on
 * the same database then write the same bytes, time stamps, password
 * salts and audit hashes included.  crypto_pwhash_str is wrapped too, to
 * hash at libsodium's least cost (a real argon2id string still).
 */
#ifndef HOSO_TEST_FAULT_H
#define HOSO_TEST_FAULT_H

enum fault_kind { FAULT_ALLOC, FAULT_READ, FAULT_WRITE, FAULT_FULL, FAULT_FSYNC, FAULT__MAX };

/* "alloc", "read", ... */
const char *fault_kind_name(enum fault_kind k);

/* Install the allocators, the VFS and the random stream.  Call first in
 * main, before anything touches SQLite, libsodium or jansson. */
void fault_init(void);

/* Fail the n-th event (1-based) of kind k from now on; with persistent,
 * that one and every later one.  Counts across threads. */
void fault_arm(enum fault_kind k, long n, int persistent);
/* Stop injecting; returns how many events failed (0: the n-th event never
 * came, so the operation ran without a fault). */
long fault_disarm(void);

/* Freeze the clock and restart the random stream (on), or let the clock
 * run (off).  The random stream stays reproducible either way. */
void fault_freeze(int on);

#endif
