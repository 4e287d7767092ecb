// loopscout's own JNI entry point into the optimised tree-sitter core (built into lib/*-tree-sitter.so next to
// bonede's glue by build-natives.sh): one call parses a whole UTF-8 source, as native tree-sitter's
// ts_parser_parse_string does. bonede's parse functions call back into Java for every chunk of input (a reader
// object, a TSPoint and a byte[] copy per call) and, for a timeout, every 100 parse operations (a state object and
// a Java method call, ~8000 per MB of Rust); here the input is one C buffer and the deadline a clock read in C.
// Java side: io.loopscout.extract.parse.DirectParse.
#include <jni.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <tree_sitter/api.h>

// Raised when the Java side's expectations of this file change; DirectParse checks it before its first parse.
#define DIRECT_PARSE_VERSION 1

typedef struct {
  const char *bytes;
  uint32_t length;
} Source;

// The whole rest of the source from `offset`, as tree-sitter's own string input does.
static const char *read_source(void *payload, uint32_t offset, TSPoint point, uint32_t *bytes_read) {
  (void)point;
  const Source *source = payload;
  if (offset >= source->length) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = source->length - offset;
  return source->bytes + offset;
}

static int64_t monotonic_nanos(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

// Called by tree-sitter every 100 parse operations: true stops the parse.
static bool past_deadline(TSParseState *state) {
  return monotonic_nanos() > *(const int64_t *)state->payload;
}

JNIEXPORT jint JNICALL Java_io_loopscout_extract_parse_DirectParse_version(JNIEnv *env, jclass clz) {
  (void)env;
  (void)clz;
  return DIRECT_PARSE_VERSION;
}

// Parses `source` (UTF-8) with the parser at `parser_ptr` (its language set); returns the tree, or 0 when the parse
// ran past `timeout_nanos` or the copy could not be allocated. The bytes are copied once (not pinned: a pinned array
// would hold up the garbage collector for as long as the parse runs).
JNIEXPORT jlong JNICALL Java_io_loopscout_extract_parse_DirectParse_parse(JNIEnv *env, jclass clz, jlong parser_ptr,
                                                                          jbyteArray source, jlong timeout_nanos) {
  (void)clz;
  TSParser *parser = (TSParser *)(intptr_t)parser_ptr;
  jsize length = (*env)->GetArrayLength(env, source);
  char *bytes = malloc(length > 0 ? (size_t)length : 1);
  if (bytes == NULL) {
    return 0;
  }
  (*env)->GetByteArrayRegion(env, source, 0, length, (jbyte *)bytes);
  Source input_source = {bytes, (uint32_t)length};
  TSInput input = {&input_source, read_source, TSInputEncodingUTF8, NULL};
  int64_t deadline = monotonic_nanos() + timeout_nanos;
  TSParseOptions options = {&deadline, past_deadline};
  TSTree *tree = ts_parser_parse_with_options(parser, NULL, input, options);
  if (tree == NULL) {
    // A stopped parse stays in the parser to be resumed; the next source must start afresh.
    ts_parser_reset(parser);
  }
  free(bytes);
  return (jlong)(intptr_t)tree;
}
