/* CLeptonica: the Leptonica image library (libleptonica-dev), used only by ScanCapture. */
#include <leptonica/allheaders.h>
