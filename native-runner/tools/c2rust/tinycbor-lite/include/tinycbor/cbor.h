/*
 * tinycbor-lite: the encoder subset of TinyCBOR's API that c2rust's AST exporter calls, written from the CBOR
 * specification (RFC 8949) for loopscout. c2rust's build fetches TinyCBOR from GitHub, which this
 * environment cannot reach; install.sh builds the exporter against this file instead.
 *
 * Encoders write into a caller-given buffer; bytes that do not fit are counted (extra bytes needed),
 * as TinyCBOR does, so a caller can detect a short buffer.
 */
#ifndef TINYCBOR_LITE_CBOR_H
#define TINYCBOR_LITE_CBOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum CborError {
    CborNoError = 0,
    CborErrorOutOfMemory = 1 << 31 /* same role as TinyCBOR's: the buffer was too small */
} CborError;

#define CborIndefiniteLength SIZE_MAX

typedef struct CborEncoder {
    uint8_t *ptr;   /* next byte to write */
    uint8_t *end;   /* one past the buffer */
    size_t extra;   /* bytes that did not fit */
    int indefinite; /* this encoder is an indefinite-length container: closing it writes a break */
} CborEncoder;

void cbor_encoder_init(CborEncoder *encoder, uint8_t *buffer, size_t size, int flags);
CborError cbor_encode_uint(CborEncoder *encoder, uint64_t value);
CborError cbor_encode_int(CborEncoder *encoder, int64_t value);
CborError cbor_encode_boolean(CborEncoder *encoder, bool value);
CborError cbor_encode_null(CborEncoder *encoder);
CborError cbor_encode_double(CborEncoder *encoder, double value);
CborError cbor_encode_text_string(CborEncoder *encoder, const char *string, size_t length);
CborError cbor_encode_text_stringz(CborEncoder *encoder, const char *string);
CborError cbor_encode_byte_string(CborEncoder *encoder, const uint8_t *string, size_t length);
CborError cbor_encoder_create_array(CborEncoder *parent, CborEncoder *array, size_t length);
CborError cbor_encoder_create_map(CborEncoder *parent, CborEncoder *map, size_t length);
CborError cbor_encoder_close_container(CborEncoder *parent, const CborEncoder *container);
size_t cbor_encoder_get_buffer_size(const CborEncoder *encoder, const uint8_t *buffer);
size_t cbor_encoder_get_extra_bytes_needed(const CborEncoder *encoder);

#ifdef __cplusplus
}
#endif

#endif
