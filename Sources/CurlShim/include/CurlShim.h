// Typed adapters for the parts of libcurl Swift cannot call: curl_easy_setopt and
// curl_easy_getinfo are variadic, so each argument kind gets its own function here.
// Logic stays in Swift (Sources/Curl); this header only adapts types.
#ifndef CURLSHIM_H
#define CURLSHIM_H
#include <curl/curl.h>

/// Callback signatures as Swift sees them (non-capturing closures, userdata = the EasyHandle).
typedef size_t (*cpd_data_callback)(char *buffer, size_t size, size_t count, void *userdata);
typedef int (*cpd_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size,
                                  void *userdata);

/// curl_global_init(CURL_GLOBAL_ALL), run exactly once per process (pthread_once).
CURLcode cpd_global_init_once(void);

// MARK: curl_easy_setopt, one function per argument kind.
CURLcode cpd_easy_setopt_long(CURL *handle, CURLoption option, long value);
/// Strings (copied by libcurl), object pointers, slists (NOT copied: keep alive) and NULL.
CURLcode cpd_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value);
CURLcode cpd_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
/// CURLOPT_WRITEFUNCTION, CURLOPT_READFUNCTION, CURLOPT_HEADERFUNCTION.
CURLcode cpd_easy_setopt_data_callback(CURL *handle, CURLoption option, cpd_data_callback callback);
CURLcode cpd_easy_setopt_debug_callback(CURL *handle, cpd_debug_callback callback);

// MARK: curl_easy_getinfo, one function per result kind.
CURLcode cpd_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
/// The string belongs to the handle; copy it before the next transfer.
CURLcode cpd_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode cpd_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode cpd_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode cpd_easy_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value);
/// 1 if the connection runs over TLS (CURLINFO_TLS_SSL_PTR has a session), else 0.
int cpd_easy_tls_active(CURL *handle);

// MARK: Constants whose spelling depends on the libcurl version.
/// CURLOPT_MAIL_RCPT_ALLOWFAILS (8.2+) was spelt CURLOPT_MAIL_RCPT_ALLLOWFAILS in 7.69–8.1.
CURLoption cpd_opt_mail_rcpt_allowfails(void);
/// The value curl_write_callback must return to abort the transfer.
size_t cpd_write_abort(void);
/// CURL_READFUNC_ABORT.
size_t cpd_read_abort(void);

#endif
