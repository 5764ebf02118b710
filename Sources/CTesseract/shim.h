/* CTesseract: the Tesseract OCR C API (libtesseract-dev), used only by ScanCapture.
 * No pkgConfig on purpose: tesseract.pc adds -lcurl, which drags in a second libcurl (build-facts §2.4 item 12). */
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
