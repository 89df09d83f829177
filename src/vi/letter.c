/*
 * letter.c - the letters and syllables of Vietnamese.
 *
 * Takes a code point apart into base letter, vowel modifier (ă â ê ô ơ ư đ)
 * and tone, puts one back together, and decides whether a run of letters is
 * a well-formed Vietnamese syllable.  The legacy-encoding heuristic (text.c)
 * and tone-placement canonicalisation (collate.c) are built on this.  The
 * tables come from ICU's NFD data once, at first use, so they cannot drift
 * from Unicode.
 */
#include <pthread.h>
#include <string.h>

#include <unicode/unorm2.h>

#include "vi/viInt.h"

#include "core/banned.h"

/* Precomposed Vietnamese letters live in these two ranges. */
#define LAT_FIRST 0x00C0
#define LAT_LAST  0x01B0
#define EXT_FIRST 0x1EA0
#define EXT_LAST  0x1EF9

static struct vl lat_tab[LAT_LAST - LAT_FIRST + 1];
static struct vl ext_tab[EXT_LAST - EXT_FIRST + 1];
static uint16_t compose_tab[26][VI_MOD__MAX][VI_TONE__MAX][2];
static pthread_once_t letters_once = PTHREAD_ONCE_INIT;

static int is_vowel_base(uint8_t b)
{
	return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y';
}

int vi_letter_add_mark(struct vl *l, UChar32 mc)
{
	uint8_t tone = VI_TONE_NONE, mod = VI_MOD_NONE;

	switch (mc) {
	case 0x0300:
	case 0x0340:
		tone = VI_TONE_HUYEN;
		break;
	case 0x0301:
	case 0x0341:
		tone = VI_TONE_SAC;
		break;
	case 0x0303:
		tone = VI_TONE_NGA;
		break;
	case 0x0309:
		tone = VI_TONE_HOI;
		break;
	case 0x0323:
		tone = VI_TONE_NANG;
		break;
	case 0x0302:
		mod = VI_MOD_CIRC;
		break;
	case 0x0306:
		mod = VI_MOD_BREVE;
		break;
	case 0x031B:
		mod = VI_MOD_HORN;
		break;
	default:
		return 0;
	}
	if (tone) {
		if (l->tone || !is_vowel_base(l->base))
			return 0;
		l->tone = tone;
		return 1;
	}
	if (l->mod)
		return 0;
	if ((mod == VI_MOD_CIRC && (l->base == 'a' || l->base == 'e' || l->base == 'o')) ||
	    (mod == VI_MOD_BREVE && l->base == 'a') ||
	    (mod == VI_MOD_HORN && (l->base == 'o' || l->base == 'u'))) {
		l->mod = mod;
		return 1;
	}
	return 0;
}

/* Fill one table entry from c's canonical decomposition; skip non-Vietnamese. */
static void learn(const UNormalizer2 *nfd, UChar32 c, struct vl *slot)
{
	UChar d[8];
	UErrorCode st = U_ZERO_ERROR;
	struct vl l = {0, 0, 0, 0};
	int32_t n, i;

	n = unorm2_getDecomposition(nfd, c, d, 8, &st);
	if (U_FAILURE(st) || n < 2)
		return;
	if (d[0] >= 'a' && d[0] <= 'z') {
		l.base = (uint8_t)d[0];
	} else if (d[0] >= 'A' && d[0] <= 'Z') {
		l.base = (uint8_t)(d[0] - 'A' + 'a');
		l.upper = 1;
	} else {
		return;
	}
	for (i = 1; i < n; i++)
		if (!vi_letter_add_mark(&l, d[i]))
			return;
	*slot = l;
}

static void letters_build(void)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	UChar32 c;
	int b, u;

	if (U_SUCCESS(st)) {
		for (c = LAT_FIRST; c <= LAT_LAST; c++)
			learn(nfd, c, &lat_tab[c - LAT_FIRST]);
		for (c = EXT_FIRST; c <= EXT_LAST; c++)
			learn(nfd, c, &ext_tab[c - EXT_FIRST]);
	}
	lat_tab[0x0110 - LAT_FIRST] = (struct vl){'d', VI_MOD_STROKE, 0, 1}; /* Đ */
	lat_tab[0x0111 - LAT_FIRST] = (struct vl){'d', VI_MOD_STROKE, 0, 0}; /* đ */
	for (b = 0; b < 26; b++)
		for (u = 0; u < 2; u++)
			compose_tab[b][0][0][u] = (uint16_t)((u ? 'A' : 'a') + b);
	for (c = LAT_FIRST; c <= LAT_LAST; c++) {
		const struct vl *l = &lat_tab[c - LAT_FIRST];
		if (l->base)
			compose_tab[l->base - 'a'][l->mod][l->tone][l->upper] = (uint16_t)c;
	}
	for (c = EXT_FIRST; c <= EXT_LAST; c++) {
		const struct vl *l = &ext_tab[c - EXT_FIRST];
		if (l->base)
			compose_tab[l->base - 'a'][l->mod][l->tone][l->upper] = (uint16_t)c;
	}
}

void vi_letters_init(void)
{
	pthread_once(&letters_once, letters_build);
}

int vi_letter(UChar32 c, struct vl *ret)
{
	const struct vl *l = NULL;

	if (c < 0x80) {
		if (c >= 'a' && c <= 'z') {
			*ret = (struct vl){(uint8_t)c, 0, 0, 0};
			return 1;
		}
		if (c >= 'A' && c <= 'Z') {
			*ret = (struct vl){(uint8_t)(c - 'A' + 'a'), 0, 0, 1};
			return 1;
		}
	} else if (c >= LAT_FIRST && c <= LAT_LAST) {
		vi_letters_init();
		l = &lat_tab[c - LAT_FIRST];
	} else if (c >= EXT_FIRST && c <= EXT_LAST) {
		vi_letters_init();
		l = &ext_tab[c - EXT_FIRST];
	}
	if (l && l->base) {
		*ret = *l;
		return 1;
	}
	*ret = (struct vl){0, 0, 0, 0};
	return 0;
}

UChar32 vi_letter_compose(const struct vl *l)
{
	if (l->base < 'a' || l->base > 'z' || l->mod >= VI_MOD__MAX || l->tone >= VI_TONE__MAX)
		return 0;
	vi_letters_init();
	return compose_tab[l->base - 'a'][l->mod][l->tone][l->upper ? 1 : 0];
}

/*
 * Syllables are matched on a one-byte code per letter, tone dropped:
 * consonants are themselves (đ is 'D'); vowels are a e i o u y, and
 * ă='A' â='B' ê='E' ô='O' ơ='P' ư='U'.  0 means "cannot be in a syllable".
 */
static char letter_code(const struct vl *l)
{
	switch (l->mod) {
	case VI_MOD_NONE:
		return (char)l->base;
	case VI_MOD_BREVE:
		return 'A';
	case VI_MOD_CIRC:
		return l->base == 'a' ? 'B' : l->base == 'e' ? 'E' : 'O';
	case VI_MOD_HORN:
		return l->base == 'o' ? 'P' : 'U';
	case VI_MOD_STROKE:
		return 'D';
	default:
		return 0;
	}
}

static int code_is_vowel(char k)
{
	return strchr("aeiouyABEOPU", k) != NULL && k != '\0';
}

static int in_list(const char *const *list, const char *k, int n)
{
	for (; *list; list++)
		if ((int)strlen(*list) == n && memcmp(*list, k, (size_t)n) == 0)
			return 1;
	return 0;
}

/* "" is the empty onset; gi and qu are recognised in vi_syllable(). */
static const char *const onsets[] = {
    "",   "b",   "c",  "ch", "d",  "D", "g", "gh", "h", "k",  "kh", "l", "m", "n",
    "ng", "ngh", "nh", "p",  "ph", "q", "r", "s",  "t", "th", "tr", "v", "x", NULL,
};

/* Vowel clusters, in the letter codes above (ươ is "UP", uyê is "uyE"). */
static const char *const clusters[] = {
    /* a ă â e ê i o ô ơ u ư y */
    "a",
    "A",
    "B",
    "e",
    "E",
    "i",
    "o",
    "O",
    "P",
    "u",
    "U",
    "y",
    /* ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi */
    "ai",
    "ao",
    "au",
    "ay",
    "Bu",
    "By",
    "eo",
    "Eu",
    "ia",
    "iE",
    "iu",
    "oa",
    "oA",
    "oe",
    "oi",
    "oo",
    "Oi",
    "Pi",
    /* ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê */
    "ua",
    "uB",
    "uE",
    "ui",
    "uO",
    "uP",
    "uy",
    "Ua",
    "Ui",
    "UP",
    "Uu",
    "yE",
    /* iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu */
    "iEu",
    "oai",
    "oao",
    "oay",
    "oeo",
    "uBy",
    "uOi",
    "uya",
    "uyE",
    "uyu",
    "UPi",
    "UPu",
    "yEu",
    NULL,
};

static const char *const codas[] = {
    "", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL,
};

#define SYL_MAX 8

int vi_syllable(const struct vl *l, int n, struct vi_syl *ret)
{
	char k[SYL_MAX + 1];
	int i, j, tone_at = -1;

	if (n <= 0 || n > SYL_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		k[i] = letter_code(&l[i]);
		if (!k[i])
			return 0;
		if (l[i].tone) {
			if (tone_at >= 0)
				return 0;
			tone_at = i;
		}
	}
	k[n] = '\0';
	for (i = 0; i < n && !code_is_vowel(k[i]); i++)
		;
	if (!in_list(onsets, k, i))
		return 0;
	if (i == 1 && k[0] == 'q') {
		if (i >= n || k[i] != 'u')
			return 0;
		i++;
	} else if (i == 1 && k[0] == 'g' && i + 1 < n && k[i] == 'i' && !l[i].tone &&
	           code_is_vowel(k[i + 1])) {
		i++;
	}
	for (j = i; j < n && code_is_vowel(k[j]); j++)
		;
	if (j == i || j - i > 3 || !in_list(clusters, k + i, j - i))
		return 0;
	if (!in_list(codas, k + j, n - j))
		return 0;
	if (tone_at >= 0 && tone_at < i)
		return 0;
	if (ret) {
		ret->vowel = i;
		ret->coda = j;
		ret->tone_at = tone_at;
	}
	return 1;
}
