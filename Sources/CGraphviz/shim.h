#ifndef SILOSCOPE_CGRAPHVIZ_SHIM_H
#define SILOSCOPE_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* The cgraph descriptors are mutable globals, which Swift 6 rejects as not
   concurrency-safe. Read them through these getters instead. */
static inline Agdesc_t siloscope_agdirected(void) { return Agdirected; }
static inline Agdesc_t siloscope_agstrictdirected(void) { return Agstrictdirected; }
static inline Agdesc_t siloscope_agundirected(void) { return Agundirected; }

/* Exported by libcgraph (scan.l) but not declared in its public headers: flushes the
   DOT scanner's buffer. agmemread does not reset the scanner, so text left after the
   first graph of the previous parse (even a trailing newline) would otherwise be read
   in front of the next DOT text. */
extern void aglexbad(void);

#endif
