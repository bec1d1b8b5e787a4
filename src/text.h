/* text.h — looking for words from short fixed lists in UTF-8 text (titles, subjects, prose).
 *
 * The builder and the driver ask the same few questions of every claim and heading: does this
 * span contain one of these words, end with one, start with one. These answer them without a
 * strlen per word per call, which was a tenth of the pipeline's time. */
#ifndef CL_TEXT_H
#define CL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A word and its length in bytes, known at compile time: CL_WORD("计划"). */
typedef struct { const char *s; size_t n; } cl_word;
#define CL_WORD(lit) {lit, sizeof lit - 1}

bool cl_text_has(const char *s, size_t n, const char *word);
/* Where WORD first stands in the N bytes at S, or N when nowhere. */
size_t cl_text_find(const char *s, size_t n, const char *word);
/* WORDS: non-empty words, ending with {NULL, 0}. */
bool cl_text_has_any(const char *s, size_t n, const cl_word *words);
/* cl_text_has_any for a list asked about again and again (every heading's title): the bits
 * that tell where a word may start, worked out once. */
typedef struct {
    const cl_word *words;
    uint64_t pairs[4], triples[16];   /* hashes of two-byte words, of the first three bytes */
    bool any_pair, any_byte;
} cl_word_set;
void cl_word_set_init(cl_word_set *set, const cl_word *words);
bool cl_text_has_set(const char *s, size_t n, const cl_word_set *set);
/* Where the bracket that closes right before AT in TEXT opens (at LO or after; ( or （), or AT
 * when none does or another closes inside it. */
uint32_t cl_bracket_open(const char *text, uint32_t at, uint32_t lo);
/* WORDS: a NULL-terminated list of non-empty words. */
/* The length of the first word of WORDS that S ends with, or 0. */
size_t cl_text_ends_any(const char *s, size_t n, const char *const *words);
/* Inline: callers pass literals, so the length and the compare become constants. */
static inline bool cl_text_ends_with(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    return k <= n && memcmp(s + n - k, word, k) == 0;
}

#endif
