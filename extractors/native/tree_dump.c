// loopscout's own JNI entry point into the optimised tree-sitter core (built into lib/*-tree-sitter.so next to
// bonede's glue by build-natives.sh): one call returns a whole subtree as an int array, where a walk through the
// binding crosses JNI about five times per node (cursor moves, a TSNode object per node, symbol, end byte, field).
// Java side: io.loopscout.extract.parse.TreeDump (SyntaxNode copies subtrees with it).
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <tree_sitter/api.h>

// Raised when the Java side's expectations of this file change; TreeDump checks it before its first dump.
#define TREE_DUMP_VERSION 1
// Ints per node: symbol, field id (0: none), start byte, end byte, nodes in its subtree (itself included).
#define PER_NODE 5

JNIEXPORT jint JNICALL Java_io_loopscout_extract_parse_TreeDump_version(JNIEnv *env, jclass cls) {
  (void)env;
  (void)cls;
  return TREE_DUMP_VERSION;
}

typedef struct {
  jint *data;
  size_t length;
  size_t capacity;
} Ints;

static int push_node(Ints *out, TSNode n, TSFieldId field) {
  if (out->length + PER_NODE > out->capacity) {
    size_t capacity = out->capacity < 1024 ? 1024 : out->capacity * 2;
    jint *data = realloc(out->data, capacity * sizeof(jint));
    if (data == NULL) {
      return 0;
    }
    out->data = data;
    out->capacity = capacity;
  }
  jint *at = out->data + out->length;
  at[0] = (jint)ts_node_symbol(n);
  at[1] = (jint)field;
  at[2] = (jint)ts_node_start_byte(n);
  at[3] = (jint)ts_node_end_byte(n);
  at[4] = 1;
  out->length += PER_NODE;
  return 1;
}

// The subtree under the node (context, id, tree: the fields of bonede's TSNode) in preorder, PER_NODE ints a node;
// null when out of memory.
JNIEXPORT jintArray JNICALL Java_io_loopscout_extract_parse_TreeDump_dump(JNIEnv *env, jclass cls, jint c0,
    jint c1, jint c2, jint c3, jlong id, jlong tree) {
  (void)cls;
  TSNode root = {{(uint32_t)c0, (uint32_t)c1, (uint32_t)c2, (uint32_t)c3}, (const void *)id, (const TSTree *)tree};
  Ints out = {NULL, 0, 0};
  // Indices (in nodes) of the open ancestors, whose subtree sizes are set when the walk leaves them.
  size_t *open = NULL;
  size_t depth = 0;
  size_t open_capacity = 0;
  int ok = push_node(&out, root, 0);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  int descended = ok && ts_tree_cursor_goto_first_child(&cursor);
  if (descended) {
    open_capacity = 64;
    open = malloc(open_capacity * sizeof(size_t));
    ok = open != NULL;
    if (ok) {
      open[depth++] = 0;
    }
  }
  while (ok && descended) {
    size_t index = out.length / PER_NODE;
    ok = push_node(&out, ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_id(&cursor));
    if (!ok) {
      break;
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      if (depth == open_capacity) {
        size_t *grown = realloc(open, 2 * open_capacity * sizeof(size_t));
        if (grown == NULL) {
          ok = 0;
          break;
        }
        open = grown;
        open_capacity *= 2;
      }
      open[depth++] = index;
      continue;
    }
    // a leaf: climb until a sibling follows, closing every ancestor left behind
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      size_t closed = open[--depth];
      out.data[closed * PER_NODE + 4] = (jint)(out.length / PER_NODE - closed);
      if (depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
        descended = 0;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  free(open);
  jintArray result = NULL;
  if (ok) {
    result = (*env)->NewIntArray(env, (jsize)out.length);
    if (result != NULL) {
      (*env)->SetIntArrayRegion(env, result, 0, (jsize)out.length, out.data);
    }
  }
  free(out.data);
  return result;
}
