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

#include "tree.h"  // the core's internal TSTree layout (its src/ is on the include path): see free_nodes below

// Raised when the Java side's expectations of this file change; DirectParse checks it before its first parse.
#define DIRECT_PARSE_VERSION 2

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

// Frees a tree's nodes now and leaves an empty shell of a few bytes for ts_tree_delete, which bonede's Cleaner
// still calls once the Java TSTree object is unreachable (so it must not see a freed tree). Parse trees take ~30
// bytes per source byte, and a Cleaner frees them only after a garbage collection, which native memory does not
// trigger. Nodes of the tree must not be used afterwards.
JNIEXPORT void JNICALL Java_io_loopscout_extract_parse_DirectParse_freeNodes(JNIEnv *env, jclass clz, jlong tree_ptr) {
  (void)env;
  (void)clz;
  TSTree *tree = (TSTree *)(intptr_t)tree_ptr;
  SubtreePool pool = ts_subtree_pool_new(0);
  ts_subtree_release(&pool, tree->root);
  ts_subtree_pool_delete(&pool);
  // An inline subtree owns no memory: ts_subtree_release returns at once for it.
  tree->root = (Subtree){.data = {.is_inline = true}};
}
