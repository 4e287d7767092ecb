/* Checks tinycbor-lite against byte sequences from RFC 8949, appendix A. Run by install.sh before use. */
#include "tinycbor/cbor.h"

#include <stdio.h>
#include <string.h>

static int failures = 0;

static void expect(const char *what, const uint8_t *got, size_t got_len, const char *hex) {
    char buf[128] = {0};
    for (size_t i = 0; i < got_len && 2 * i + 2 < sizeof buf; i++) {
        snprintf(buf + 2 * i, 3, "%02x", got[i]);
    }
    if (strcmp(buf, hex) != 0) {
        fprintf(stderr, "tinycbor-lite: %s: got %s, want %s\n", what, buf, hex);
        failures++;
    }
}

#define CASE(what, hex, ...)                                                  \
    do {                                                                        \
        uint8_t out[64];                                                        \
        CborEncoder e;                                                          \
        cbor_encoder_init(&e, out, sizeof out, 0);                              \
        __VA_ARGS__;                                                            \
        expect(what, out, cbor_encoder_get_buffer_size(&e, out), hex);          \
    } while (0)

int main(void) {
    CASE("uint 0", "00", cbor_encode_uint(&e, 0));
    CASE("uint 23", "17", cbor_encode_uint(&e, 23));
    CASE("uint 24", "1818", cbor_encode_uint(&e, 24));
    CASE("uint 1000", "1903e8", cbor_encode_uint(&e, 1000));
    CASE("uint 1000000", "1a000f4240", cbor_encode_uint(&e, 1000000));
    CASE("uint 1e12", "1b000000e8d4a51000", cbor_encode_uint(&e, 1000000000000ULL));
    CASE("int -1", "20", cbor_encode_int(&e, -1));
    CASE("int -1000", "3903e7", cbor_encode_int(&e, -1000));
    CASE("int min", "3b7fffffffffffffff", cbor_encode_int(&e, INT64_MIN));
    CASE("false", "f4", cbor_encode_boolean(&e, false));
    CASE("null", "f6", cbor_encode_null(&e));
    CASE("double 1.1", "fb3ff199999999999a", cbor_encode_double(&e, 1.1));
    CASE("text IETF", "6449455446", cbor_encode_text_stringz(&e, "IETF"));
    CASE("bytes", "4401020304", cbor_encode_byte_string(&e, (const uint8_t *)"\1\2\3\4", 4));
    CASE("[1,[2,3]]", "8201820203", {
        CborEncoder a, b;
        cbor_encoder_create_array(&e, &a, 2);
        cbor_encode_uint(&a, 1);
        cbor_encoder_create_array(&a, &b, 2);
        cbor_encode_uint(&b, 2);
        cbor_encode_uint(&b, 3);
        cbor_encoder_close_container(&a, &b);
        cbor_encoder_close_container(&e, &a);
    });
    CASE("[_ 1, [_ 2]]", "9f019f02ffff", {
        CborEncoder a, b;
        cbor_encoder_create_array(&e, &a, CborIndefiniteLength);
        cbor_encode_uint(&a, 1);
        cbor_encoder_create_array(&a, &b, CborIndefiniteLength);
        cbor_encode_uint(&b, 2);
        cbor_encoder_close_container(&a, &b);
        cbor_encoder_close_container(&e, &a);
    });
    {
        uint8_t out[3];
        CborEncoder e;
        cbor_encoder_init(&e, out, sizeof out, 0);
        cbor_encode_text_stringz(&e, "IETF");
        cbor_encode_uint(&e, 1000);
        if (cbor_encoder_get_extra_bytes_needed(&e) != 5) {
            fprintf(stderr, "tinycbor-lite: extra bytes: got %zu, want 5\n", cbor_encoder_get_extra_bytes_needed(&e));
            failures++;
        }
    }
    if (failures == 0) {
        printf("tinycbor-lite: all encodings match RFC 8949 appendix A\n");
    }
    return failures == 0 ? 0 : 1;
}
