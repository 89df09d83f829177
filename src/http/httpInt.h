/*
 * httpInt.h - what the server's own files share (not for handlers).
 */
#ifndef HOSO_HTTP_INT_H
#define HOSO_HTTP_INT_H

#include <microhttpd.h>

#include "http/http.h"

/* Add the headers every response carries (CSP, nosniff, ...). */
void http_security_headers(struct MHD_Response *resp);

/* Queue a JSON error response for code with its standard message. */
enum MHD_Result http_send_error(struct MHD_Connection *c, int code);

/* Serve a file of the web UI (GET, non-API path). */
int static_serve(struct MHD_Connection *c, const char *dir, const char *path);

#endif
