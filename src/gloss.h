/* gloss.h — pinyin glosses: 地區(qū)生產(chǎn)總值增長(zhǎng), 常(chang)(chang)住人口(kou), the readings
 * traditional-character mirror sites put in brackets after characters. The rules read the text
 * as if they were not there (src/gloss.c); spans and quotes still show them. */
#ifndef CL_GLOSS_H
#define CL_GLOSS_H

#include <stdbool.h>
#include <stddef.h>

/* build/pinyin_table.c, generated from grammar/pinyin.tsv by tools/gen_pinyin.sh: the
 * syllables of Mandarin without tones, ü written v, sorted in byte order */
extern const char *const cl_pinyin_syllables[];
extern const size_t cl_pinyin_count;

/* The length of the glosses at P, before END: a bracket, ( or （, holding nothing but pinyin
 * syllables (lowercase, tone marks or none, ü or v, a space between syllables), closed by ) or
 * ）; several in a row, (chang)(chang), are one. 0 when P starts none. Whether a character
 * comes before is the caller's question (cl_gloss_after). */
size_t cl_gloss_len(const unsigned char *p, const unsigned char *end);

/* Whether the three bytes at P are a Chinese character (CJK ideograph, BMP). */
bool cl_gloss_cjk_at(const unsigned char *p);

/* The gloss whose opening bracket is at P or ends at P (（ then a letter at P), right after a
 * Chinese character, within [TEXT, END); NULL when there is none. The script scan's test where
 * a run of Chinese characters ends (src/script.c): it reads nothing before TEXT. */
const unsigned char *cl_gloss_near(const unsigned char *text, const unsigned char *p,
                                   const unsigned char *end);

/* The first gloss after a Chinese character that starts in [FROM, END) (TEXT <= FROM: the
 * start of the text, for the character before), or NULL. */
const unsigned char *cl_gloss_find(const unsigned char *text, const unsigned char *from,
                                   const unsigned char *end);

struct cl_doc;
/* Leaves every gloss after a Chinese character out of the shadow doc->text (SHADOW, writable,
 * doc->len bytes and a NUL), in place: doc->len becomes the shadow's length, and doc->glosses
 * says where the input's bytes were left out (ast.h). False when out of memory (the shadow
 * then keeps its glosses: it is still the text read as written). */
bool cl_gloss_strip(struct cl_doc *doc, unsigned char *shadow);

#endif
