// zlib, for the export file's gzip-compressed message stream (Debian: zlib1g-dev).
#include <zlib.h>
