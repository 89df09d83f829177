/*
 * banned.h - libc functions hoso never calls.
 *
 * Include this last in every .c file (after system headers).  A banned
 * function then fails to compile, with its name in the error.  The reasons:
 * unbounded copies (strcpy, strcat, sprintf, vsprintf, gets), hidden static
 * state (strtok, localtime, gmtime, ctime, asctime), silent overflow (atoi,
 * atol, atoll) and locale-dependent surprises.
 */
#ifndef HOSO_BANNED_H
#define HOSO_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef gets
#define gets(x) BANNED(gets)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef localtime
#define localtime(t) BANNED(localtime)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef ctime
#define ctime(t) BANNED(ctime)
#undef asctime
#define asctime(t) BANNED(asctime)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef atoll
#define atoll(x) BANNED(atoll)

#endif
