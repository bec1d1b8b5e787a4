/* units.h — the unit table generated from grammar/units.tsv. */
#ifndef CL_UNITS_H
#define CL_UNITS_H

typedef enum {
    CL_DIM_COUNT, CL_DIM_TIME, CL_DIM_MONEY, CL_DIM_MASS, CL_DIM_LENGTH, CL_DIM_AREA,
    CL_DIM_VOLUME, CL_DIM_CONC, CL_DIM_FLOW, CL_DIM_ENERGY, CL_DIM_POWER, CL_DIM_PERCENT,
    CL_DIM_PP, CL_DIM_MULTIPLE, CL_DIM_RANK
} cl_dim;

typedef struct {
    const char *canonical;
    cl_dim dim;
    int exp10;   /* written unit = canonical * 10^exp10 */
} cl_unit_info;

extern const cl_unit_info cl_units[];
extern const int cl_units_count;
extern const int cl_unit_percent;   /* the row of % (exp10 0): the unit of PCT and FRAC tokens */

#endif
