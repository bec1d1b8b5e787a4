/* readfile.h — a whole input file read into one buffer, as the CLI and cl_extract_files read. */
#ifndef CL_READFILE_H
#define CL_READFILE_H

#include <stdbool.h>
#include <stddef.h>

/* Read PATH ("-": standard input) whole into a malloc'd *DATA with one byte to spare (what
 * cl_parse_adopt takes). False when it cannot be read: *ERROR is then a static message
 * ("is a directory, not a file") or a message from strerror, prefixed "cannot open: " or
 * "cannot read: ", written into ERRBUF (ERRLEN bytes). */
bool cl_read_path(const char *path, unsigned char **data, size_t *len, char *errbuf,
                  size_t errlen);

#endif
