// libytnef's headers use FILE and fixed-width types without including their headers themselves.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <ytnef.h>
