// libqrencode from Debian's libqrencode-dev: QR codes for the certificates' verification URL.
#include <qrencode.h>
