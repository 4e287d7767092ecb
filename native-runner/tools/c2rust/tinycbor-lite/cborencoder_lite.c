/* tinycbor-lite encoder: RFC 8949 major types 0-5 and 7 (see include/tinycbor/cbor.h for why it exists). */
#include "tinycbor/cbor.h"

#include <string.h>

enum { MAJOR_UINT = 0, MAJOR_NEGINT = 1, MAJOR_BYTES = 2, MAJOR_TEXT = 3, MAJOR_ARRAY = 4, MAJOR_MAP = 5,
       MAJOR_SIMPLE = 7 };

static CborError put(CborEncoder *e, const uint8_t *bytes, size_t n) {
    size_t room = (size_t)(e->end - e->ptr);
    if (e->extra != 0 || n > room) {
        /* Once out of room, everything after is counted, never written, so the output stays a prefix. */
        e->extra += n - (e->extra == 0 ? room : 0);
        e->ptr = e->end;
        return CborErrorOutOfMemory;
    }
    memcpy(e->ptr, bytes, n);
    e->ptr += n;
    return CborNoError;
}

/* The initial byte and the shortest big-endian argument that holds value (RFC 8949, section 3). */
static CborError put_head(CborEncoder *e, int major, uint64_t value) {
    uint8_t buf[9];
    size_t n;
    uint8_t mt = (uint8_t)(major << 5);
    if (value < 24) {
        buf[0] = mt | (uint8_t)value;
        n = 1;
    } else if (value <= 0xff) {
        buf[0] = mt | 24;
        buf[1] = (uint8_t)value;
        n = 2;
    } else if (value <= 0xffff) {
        buf[0] = mt | 25;
        n = 3;
    } else if (value <= 0xffffffffu) {
        buf[0] = mt | 26;
        n = 5;
    } else {
        buf[0] = mt | 27;
        n = 9;
    }
    for (size_t i = 1; i < n && n > 2; i++) {
        buf[i] = (uint8_t)(value >> (8 * (n - 1 - i)));
    }
    return put(e, buf, n);
}

void cbor_encoder_init(CborEncoder *encoder, uint8_t *buffer, size_t size, int flags) {
    (void)flags;
    encoder->ptr = buffer;
    encoder->end = buffer + size;
    encoder->extra = 0;
    encoder->indefinite = 0;
}

CborError cbor_encode_uint(CborEncoder *encoder, uint64_t value) {
    return put_head(encoder, MAJOR_UINT, value);
}

CborError cbor_encode_int(CborEncoder *encoder, int64_t value) {
    if (value >= 0) {
        return put_head(encoder, MAJOR_UINT, (uint64_t)value);
    }
    /* A negative integer n is encoded as -1 - n, computed without overflow for INT64_MIN. */
    return put_head(encoder, MAJOR_NEGINT, ~(uint64_t)value);
}

CborError cbor_encode_boolean(CborEncoder *encoder, bool value) {
    uint8_t b = value ? 0xf5 : 0xf4;
    return put(encoder, &b, 1);
}

CborError cbor_encode_null(CborEncoder *encoder) {
    uint8_t b = 0xf6;
    return put(encoder, &b, 1);
}

CborError cbor_encode_double(CborEncoder *encoder, double value) {
    uint64_t bits;
    uint8_t buf[9];
    memcpy(&bits, &value, sizeof bits);
    buf[0] = (MAJOR_SIMPLE << 5) | 27;
    for (int i = 0; i < 8; i++) {
        buf[1 + i] = (uint8_t)(bits >> (8 * (7 - i)));
    }
    return put(encoder, buf, sizeof buf);
}

static CborError put_string(CborEncoder *encoder, int major, const void *string, size_t length) {
    CborError err = put_head(encoder, major, length);
    CborError err2 = put(encoder, (const uint8_t *)string, length);
    return err != CborNoError ? err : err2;
}

CborError cbor_encode_text_string(CborEncoder *encoder, const char *string, size_t length) {
    return put_string(encoder, MAJOR_TEXT, string, length);
}

CborError cbor_encode_text_stringz(CborEncoder *encoder, const char *string) {
    return put_string(encoder, MAJOR_TEXT, string, strlen(string));
}

CborError cbor_encode_byte_string(CborEncoder *encoder, const uint8_t *string, size_t length) {
    return put_string(encoder, MAJOR_BYTES, string, length);
}

static CborError create_container(CborEncoder *parent, CborEncoder *child, int major, size_t length) {
    CborError err;
    if (length == CborIndefiniteLength) {
        uint8_t b = (uint8_t)((major << 5) | 31);
        err = put(parent, &b, 1);
    } else {
        err = put_head(parent, major, length);
    }
    *child = *parent;
    child->indefinite = length == CborIndefiniteLength;
    return err;
}

CborError cbor_encoder_create_array(CborEncoder *parent, CborEncoder *array, size_t length) {
    return create_container(parent, array, MAJOR_ARRAY, length);
}

CborError cbor_encoder_create_map(CborEncoder *parent, CborEncoder *map, size_t length) {
    return create_container(parent, map, MAJOR_MAP, length);
}

CborError cbor_encoder_close_container(CborEncoder *parent, const CborEncoder *container) {
    int parent_indefinite = parent->indefinite;
    *parent = *container;
    parent->indefinite = parent_indefinite;
    if (container->indefinite) {
        uint8_t brk = 0xff;
        return put(parent, &brk, 1);
    }
    return CborNoError;
}

size_t cbor_encoder_get_buffer_size(const CborEncoder *encoder, const uint8_t *buffer) {
    return (size_t)(encoder->ptr - buffer);
}

size_t cbor_encoder_get_extra_bytes_needed(const CborEncoder *encoder) {
    return encoder->extra;
}
