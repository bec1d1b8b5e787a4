/* check_levels.c — claimc check's rule of a direction against two levels: 由A提高到B where B is
 * below A, or a change beside this year's and last year's levels that does not fit them. */
#include <math.h>
#include <string.h>

#include "check_findings.h"
#include "words_table.h"   /* generated from grammar/words.tsv */

static bool is_level(const cl_claim *c)
{
    return (c->kind == CL_RATE || c->kind == CL_MEASURE || c->kind == CL_COUNT ||
            c->kind == CL_AMOUNT || c->kind == CL_MONEY) &&
           c->quantity.has_value && !c->quantity.has_hi && !c->distributive;
}

static bool same_unit(const cl_claim *a, const cl_claim *b)
{
    return strcmp(a->quantity.unit, b->quantity.unit) == 0;
}

/* 由A提高到B: the verb between two levels says which way B lies from A. */
void cl_ck_from_to(checker *ck, size_t a, size_t b)
{
    const cl_claim *x = ck->c[a], *y = ck->c[b];
    if (!is_level(x) || !is_level(y) || !same_unit(x, y))
        return;
    if (!(ck->ctx[a].words & CTX_FROM))
        return;
    uint32_t s = x->quantity.span.end, e = y->quantity.span.start;
    const char *up = cl_ck_first_word(ck->doc, s, e, cl_words_check_up);
    const char *down = cl_ck_first_word(ck->doc, s, e, cl_words_check_down);
    if (!up == !down)
        return;
    double from = cl_ck_val(&x->quantity), to = cl_ck_val(&y->quantity);
    if (up ? to > from : to < from)
        return;
    char fa[96], fb[96];
    cl_finding *f = cl_ck_add(ck, "direction-contradicts-levels", CL_FIND_ERROR,
                              "the text says %s (%s) but the level goes from %s to %s",
                              up ? "up" : "down", up ? up : down, cl_ck_fmt_q(&x->quantity, fa),
                              cl_ck_fmt_q(&y->quantity, fb));
    cl_ck_with_claim(ck, f, a);
    cl_ck_with_claim(ck, f, b);
    cl_ck_figure(f, "from", from);
    cl_ck_figure(f, "to", to);
    cl_ck_figure_text(f, "direction", up ? "up" : "down");
}

/* Does change C's unit measure the difference of two levels in UNIT? pp for %, the levels'
 * own unit, or % (a relative change). */
static bool change_fits(const cl_claim *c, const char *unit)
{
    const char *u = c->quantity.unit;
    return strcmp(u, "%") == 0 || strcmp(u, unit) == 0 ||
           (strcmp(u, "pp") == 0 && strcmp(unit, "%") == 0);
}

/* A change (同比上升5个百分点) beside this year's and last year's levels, or beside 由A到B. */
void cl_ck_change_vs_levels(checker *ck, size_t kch)
{
    const cl_claim *ch = ck->c[kch];
    if (ch->kind != CL_CHANGE || ch->distributive ||
        (ch->direction != CL_DIR_UP && ch->direction != CL_DIR_DOWN))
        return;
    levels_memo *m = NULL;   /* the two levels depend on the change's unit only */
    for (size_t i = 0; i < ck->nlevels && !m; i++)
        if (strcmp(ck->levels[i].unit, ch->quantity.unit) == 0)
            m = &ck->levels[i];
    int prior = m ? m->prior : -1, cur = m ? m->cur : -1;
    for (size_t i = 0; i < ck->nc && !m; i++) {
        const cl_claim *c = ck->c[i];
        if (!is_level(c) || !change_fits(ch, c->quantity.unit))
            continue;
        bool is_prior = ck->ctx[i].words & CTX_PRIOR;
        /* 由A…到B: A is the prior level */
        if (i + 1 < ck->nc && is_level(ck->c[i + 1]) && same_unit(c, ck->c[i + 1]) &&
            (ck->ctx[i].words & CTX_FROM)) {
            prior = (int)i;
            cur = (int)i + 1;
            break;
        }
        if (is_prior && prior < 0)
            prior = (int)i;
        else if (!is_prior && cur < 0)
            cur = (int)i;
    }
    if (!m && ck->nlevels < LEVELS_MEMO) {
        m = &ck->levels[ck->nlevels++];
        *m = (levels_memo){ch->quantity.unit, prior, cur, false};
    }
    if (prior < 0 || cur < 0 || !same_unit(ck->c[prior], ck->c[cur]))
        return;
    const cl_quantity *p = &ck->c[prior]->quantity, *q = &ck->c[cur]->quantity;
    double before = cl_ck_val(p), after = cl_ck_val(q), diff = after - before;
    bool up = ch->direction == CL_DIR_UP;
    char fa[96], fb[96], fc[96], n[32];
    if (up ? diff < 0 : diff > 0) {
        if ((m && m->reported) ||
            cl_ck_reported(ck, "direction-contradicts-levels", (size_t)prior, (size_t)cur)) {
            if (m)
                m->reported = true;
            return;   /* 由A提高到B, or a change before, already said so */
        }
        if (m)
            m->reported = true;
        cl_finding *f = cl_ck_add(ck, "direction-contradicts-levels", CL_FIND_ERROR,
                                  "the change says %s but the level goes from %s to %s",
                                  up ? "up" : "down", cl_ck_fmt_q(p, fa), cl_ck_fmt_q(q, fb));
        cl_ck_with_claim(ck, f, (size_t)prior);
        cl_ck_with_claim(ck, f, (size_t)cur);
        cl_ck_with_claim(ck, f, kch);
        cl_ck_figure(f, "from", before);
        cl_ck_figure(f, "to", after);
        cl_ck_figure_text(f, "direction", up ? "up" : "down");
        return;
    }
    if (!ch->quantity.has_value || ch->quantity.has_hi || ch->quantity.approx != CL_APPROX_NONE)
        return;
    /* the size: an absolute difference (pp, the level unit) or a relative one (%) */
    double stated = cl_ck_val(&ch->quantity), tol = cl_ck_slack(&ch->quantity) + cl_ck_slack(p) + cl_ck_slack(q) + 1e-9;
    double absolute = fabs(diff), relative = before != 0 ? fabs(diff) / before * 100.0 : NAN;
    bool pct = strcmp(ch->quantity.unit, "%") == 0;
    bool ok = (!pct || strcmp(p->unit, "%") == 0) && fabs(absolute - stated) <= tol;
    if (pct && !isnan(relative)) {
        double rtol = cl_ck_slack(&ch->quantity) + (cl_ck_slack(p) + cl_ck_slack(q)) / fabs(before) * 100.0 + 1e-9;
        ok |= fabs(relative - stated) <= rtol;
    }
    if (ok)
        return;
    cl_finding *f = cl_ck_add(ck, "change-size-contradicts-levels", CL_FIND_WARNING,
                              "a change of %s, but %s to %s is %s%s", cl_ck_fmt_q(&ch->quantity, fc),
                              cl_ck_fmt_q(p, fa), cl_ck_fmt_q(q, fb), cl_ck_fmt(pct ? relative : absolute, n),
                              pct ? "%" : strcmp(ch->quantity.unit, "pp") == 0 ? "pp"
                                                                          : ch->quantity.unit);
    cl_ck_with_claim(ck, f, (size_t)prior);
    cl_ck_with_claim(ck, f, (size_t)cur);
    cl_ck_with_claim(ck, f, kch);
    cl_ck_figure(f, "from", before);
    cl_ck_figure(f, "to", after);
    cl_ck_figure(f, "stated_change", stated);
    cl_ck_figure(f, "computed_change", pct ? relative : absolute);
}
