#ifndef HOCBA_CLIBXML2_SHIM_H
#define HOCBA_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; <libxml/encoding.h> would pull <unicode/ucnv.h>, whose types clash
   with Foundation's _FoundationICU. Keep it out and give opaque stand-ins (only pointers are used). */
#define UCNV_H 1
#include <stdint.h>
typedef struct UConverter UConverter;
typedef uint16_t UChar;

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function pointer variable: not concurrency-safe from Swift 6. */
static inline void hocba_xml_free(void *p) { xmlFree(p); }
#endif
