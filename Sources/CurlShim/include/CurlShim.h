// Typed adapters for the parts of libcurl Swift cannot call (variadic setopt/getinfo).
// Logic stays in Swift; this header only adapts types. Filled in by the Curl module's work.
#ifndef CURLSHIM_H
#define CURLSHIM_H
#include <curl/curl.h>
#endif
