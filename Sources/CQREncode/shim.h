#ifndef HOCBA_CQRENCODE_SHIM_H
#define HOCBA_CQRENCODE_SHIM_H
/* QR codes of the lookup code (RecordPDF). Bit 0 of each module byte is 1 for a dark module. */
#include <qrencode.h>
#endif
