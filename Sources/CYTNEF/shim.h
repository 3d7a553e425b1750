#include <ytnef.h>
