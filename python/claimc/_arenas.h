/* _arenas.h — pymalloc's arenas on transparent huge pages while records are built (_arenas.c). */
#ifndef CLAIMC_PY_ARENAS_H
#define CLAIMC_PY_ARENAS_H

void huge_arenas_init(void);    /* once, at the module's import */
void huge_arenas_begin(void);   /* from here, new arenas come from 2 MiB huge-page regions */
void huge_arenas_end(void);     /* the previous allocator again (begin/end nest) */

#endif
