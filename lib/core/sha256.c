/* SHA-256 digests as hex (see sha256.h). */
#include "core/sha256.h"

#include <openssl/evp.h>

#include "core/diag.h"
#include "core/exitcode.h"

void sha256_text(const unsigned char *md, unsigned len, char out[SHA256_HEX])
{
	static const char digit[] = "0123456789abcdef";
	for (unsigned i = 0; i < len && i < 32; i++) {
		out[2 * i] = digit[md[i] >> 4];
		out[2 * i + 1] = digit[md[i] & 15];
	}
	out[64] = '\0';
}

void sha256_hex(const void *data, size_t len, char out[SHA256_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL))
		diag_fatal(JZ_SOFTWARE, "SHA-256 failed");
	sha256_text(md, mdlen, out);
}

void sha256_begin(struct sha256 *s)
{
	if (!(s->md = EVP_MD_CTX_new()) || !EVP_DigestInit_ex(s->md, EVP_sha256(), NULL))
		diag_fatal(JZ_SOFTWARE, "SHA-256 failed");
}

void sha256_add(struct sha256 *s, const void *data, size_t len)
{
	if (!EVP_DigestUpdate(s->md, data, len))
		diag_fatal(JZ_SOFTWARE, "SHA-256 failed");
}

void sha256_end(struct sha256 *s, char out[SHA256_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned mdlen = 0;

	if (!EVP_DigestFinal_ex(s->md, md, &mdlen))
		diag_fatal(JZ_SOFTWARE, "SHA-256 failed");
	EVP_MD_CTX_free(s->md);
	s->md = NULL;
	sha256_text(md, mdlen, out);
}
