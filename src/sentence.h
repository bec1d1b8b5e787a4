/* sentence.h — one sentence being parsed: the signal tokens the parser sees, the claim drafts
 * its actions record, and what the builder needs to turn drafts into claims. */
#ifndef CL_SENTENCE_H
#define CL_SENTENCE_H

#include "ast.h"

/* Signal tokens: everything the grammar sees. Water (prose) is not a token; each signal keeps
 * the spans of the water around it, from which the builder takes subjects. */
typedef enum {  /* ORDER SIG: cl_sig_to_token[] in claims.y */
    CL_SIG_QTY, CL_SIG_ORD, CL_SIG_BASE, CL_SIG_DIR, CL_SIG_COP, CL_SIG_DISTR, CL_SIG_ALL,
    CL_SIG_TOTAL, CL_SIG_DONE, CL_SIG_HAS, CL_SIG_RANK, CL_SIG_COMMA, CL_SIG_ENUM, CL_SIG_AND,
    CL_SIG_FULL, CL_SIG_COUNT_
} cl_sig;

typedef struct {
    /* every token (filter.c, push_sig) */
    cl_sig sig;
    cl_span span;
    cl_span left;        /* subject candidate: prose from the last boundary up to this token */
    cl_span right;       /* QTY only: prose right after it, up to the next boundary */
    uint32_t clause;     /* where this token's clause starts (after the last ，；：) */
    int attr;            /* DIR: cl_direction; ORD: 1 when listed after another rank (第3、…第4) */
    bool needs_base;     /* DIR: 削减 is a change only after a baseline */
    bool each;           /* DISTR: 各 (one value each), not 分别 (one value per thing) */
    bool modal;          /* a target marker (力争, 确保, 到2025年) precedes it in the sentence */
    bool used;           /* the builder has made it part of a claim */
    cl_span base;        /* DIR: the sentence's last BASE before it, or empty (filter.c) */
    /* the value, from q on: written for QTY and ORD alone, and read from no other token, so
     * that the filter zeroes only the part above for the commas and keywords (most tokens) */
    cl_quantity q;       /* QTY, ORD (value only) */
    int unit_row;        /* QTY: row of cl_units[], or -1 */
    bool article;        /* QTY: a lone 一 (一家企业: an article unless it ends the phrase) */
    bool bare;           /* QTY with no unit and no multiplier */
    bool cn;             /* QTY written in Chinese numerals (十条措施) */
    bool defining;       /* QTY that qualifies a noun: 35蒸吨以上燃煤锅炉, 40万吨的企业 */
} cl_stok;

typedef struct { int first, last; } cl_range;   /* token indices, inclusive */

typedef enum { CL_DRAFT_PLAIN, CL_DRAFT_LEVEL, CL_DRAFT_PROGRESS, CL_DRAFT_CHANGE,
               CL_DRAFT_RANK } cl_draft_type;

typedef struct {
    cl_draft_type type;
    cl_range list;       /* the quantities */
    int lead;            /* COP, BASE or RANK token, or -1 */
    int dir, distr, all; /* token indices or -1 */
    int total, done;     /* progress */
    bool across_comma;   /* progress whose parts are separate clauses */
    bool frame;          /* progress found by 203个断面中，…断面199个 (no link word) */
    bool share;          /* progress found by 4348万元，占年初预算10065万元的43.2% (the rate
                          * written is the part over the total) */
    bool by_word;        /* all done, said only by the completion word after the quantity
                          * (发现问题3个，已整改完毕): the builder checks the word and the noun */
    bool tally;          /* progress found by 共涉及12项工程，…等11项已全部完成 (a total word, then
                          * a smaller count that a completion word closes) */
} cl_draft;

struct cl_title_words;   /* heading.h: the words of a plan's and of a report's titles */

typedef struct cl_ctx {
    cl_doc *doc;
    const struct cl_title_words *titles;
    int next_tok;                /* the grammar's read position in toks */
    int end_tok;                 /* ... and where it stops reading (claims.y, cl_grammar_parse) */
    cl_stok *toks;
    int ntoks, cap_toks;
    cl_draft *drafts;
    int ndrafts, cap_drafts;
    cl_span span;                /* the sentence */
    const cl_section *section;
    bool achieved;               /* 已, 截至: the sentence reports an achievement */
    bool claim_sig;              /* a QTY, ORD, DIR or BASE among toks (the filter sets it):
                                  * without one the sentence holds no claim */
    bool oom;
    /* the first 基础上 at or after basis_from (UINT32_MAX: none; basis_from UINT32_MAX: not
     * looked for yet); the builder's, for targets */
    uint32_t basis_from, basis_at;
    bool budget_plan;            /* a value of the sentence is a budget line planned
                                  * (收入安排5504亿元): its later values are targets too */
    /* a total at the end of the previous sentence, for 共交办…166项。已完成…131项 */
    long pending_claim;          /* index in doc->claims, or -1 */
    bool pending_marked;         /* a total word (共, 交办) stood before it */
    bool merged;                 /* this sentence took the previous one's last claim */
    /* a sentence too long for one piece is parsed in pieces (filter.c, cut_here) */
    bool continued;              /* this piece continues the sentence of the piece before */
    /* the subjects of the last claims built in the pieces before, in the order built (the
     * last at ncarried - 1): what a draft of this piece would have found among the claims */
    cl_span carried[64];
    int ncarried;
    /* for each token, the first COMMA at or after it (ntoks: none), made at the first question
     * of a sentence (claim.c, comma_from) */
    int *next_comma;
    int cap_next_comma;
    bool next_comma_ready;
} cl_ctx;

/* Called by the grammar's actions. */
void cl_draft_add(cl_ctx *ctx, cl_draft d);
/* Called at the end of each sentence: drafts become claims of ctx->doc. */
void cl_sentence_build(cl_ctx *ctx);
/* The grammar (claims.y): the drafts of the sentence in CTX; false when out of memory. */
bool cl_grammar_parse(cl_ctx *ctx);

#endif
