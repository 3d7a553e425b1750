// Cairo (PDF and PNG surfaces) and Pango (text shaping, through pangocairo) from Debian's
// libcairo2-dev and libpango1.0-dev.
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#include <pango/pangocairo.h>
