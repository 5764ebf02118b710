/* CLeptonica: the Leptonica image library (libleptonica-dev), used only by ScanCapture. */
#include <stdio.h>
#include <leptonica/allheaders.h>

/* libpng and libjpeg, under Leptonica, print their messages with fprintf(stderr, …). glibc lets a program set
   the `stderr` stream; ScanCapture points it at a memory stream around one decode (under a lock) so each message
   is attached to its file. Swift cannot assign the global itself (Swift 6 concurrency), hence this wrapper.
   Returns the stream that was in place. */
static inline FILE *hocba_exchange_stderr(FILE *replacement) {
  FILE *previous = stderr;
  stderr = replacement;
  return previous;
}
