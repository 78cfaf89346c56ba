/*
 * jwt: HS256 access tokens for the mobile app, on libsodium's
 * HMAC-SHA256.  The algorithm is pinned: a token whose header names any
 * other algorithm (or "none") is refused.
 */
#ifndef AGORA_JWT_H
#define AGORA_JWT_H

#include <jansson.h>
#include <stddef.h>
#include <time.h>

#include "buf.h"

/* Signs claims (a JSON object) with key; appends the token to out. */
int	 jwt_sign(const json_t *claims, const unsigned char *key, size_t keylen,
	    struct buf *out);
/* Verifies signature, algorithm, "exp" (> now) and "iat" (<= now + 60);
 * *claims is a new object the caller owns.  0 or -1. */
int	 jwt_verify(const char *token, const unsigned char *key, size_t keylen,
	    time_t now, json_t **claims);

#endif
