// Intel's ISA-L (Debian: libisal-dev): DEFLATE decompression about three times faster than
// zlib's, streaming, with its own CRC-32. Used for the members of office files.
#include <isa-l/igzip_lib.h>
#include <isa-l/crc.h>
