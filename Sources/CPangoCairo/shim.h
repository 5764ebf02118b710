#ifndef HOCBA_CPANGOCAIRO_SHIM_H
#define HOCBA_CPANGOCAIRO_SHIM_H
/* Text layout (pango) drawn by cairo into PDF pages (RecordPDF). Fonts are embedded by cairo's PDF surface. */
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <pango/pangocairo.h>

/* g_object_unref takes a gpointer; PangoLayout / PangoFontDescription are freed through these. */
static inline void hocba_layout_free(PangoLayout *layout) { g_object_unref(layout); }
static inline int hocba_pango_scale(void) { return PANGO_SCALE; }
#endif
