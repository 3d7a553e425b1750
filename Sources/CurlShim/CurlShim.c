// See CurlShim.h: type adapters only, no logic.
#include "CurlShim.h"
#include <pthread.h>

static pthread_once_t cpd_global_once = PTHREAD_ONCE_INIT;
static CURLcode cpd_global_result = CURLE_FAILED_INIT;

static void cpd_global_init_body(void) { cpd_global_result = curl_global_init(CURL_GLOBAL_ALL); }

CURLcode cpd_global_init_once(void) {
    pthread_once(&cpd_global_once, cpd_global_init_body);
    return cpd_global_result;
}

CURLcode cpd_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode cpd_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode cpd_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode cpd_easy_setopt_data_callback(CURL *handle, CURLoption option, cpd_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

CURLcode cpd_easy_setopt_debug_callback(CURL *handle, cpd_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

CURLcode cpd_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode cpd_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode cpd_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode cpd_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode cpd_easy_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

int cpd_easy_tls_active(CURL *handle) {
    struct curl_tlssessioninfo *session = NULL;
    if (curl_easy_getinfo(handle, CURLINFO_TLS_SSL_PTR, &session) != CURLE_OK || session == NULL)
        return 0;
    return session->backend != CURLSSLBACKEND_NONE && session->internals != NULL;
}

CURLoption cpd_opt_mail_rcpt_allowfails(void) {
#if LIBCURL_VERSION_NUM >= 0x080200
    return CURLOPT_MAIL_RCPT_ALLOWFAILS;
#else
    return CURLOPT_MAIL_RCPT_ALLLOWFAILS;
#endif
}

size_t cpd_write_abort(void) {
    // Any count other than the one given aborts; CURL_WRITEFUNC_ERROR exists only from 7.87.
    return 0;
}

size_t cpd_read_abort(void) { return CURL_READFUNC_ABORT; }
