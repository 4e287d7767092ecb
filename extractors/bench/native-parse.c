// Native tree-sitter parse throughput: the reference the Java binding's raw parse is compared with
// (extractors/bench/parse-bench.sh builds it from the same sources and flags as the optimised JNI libraries).
//
// usage: native-parse <rust|c> LIST_FILE ROUNDS
// LIST_FILE holds one path per line; every file is read into memory first, then parsed ROUNDS + 1 times (the first
// round unmeasured). Prints per measured round: "native <MB> <CPU-seconds> <MB/s> <error-trees>".
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_rust(void);
const TSLanguage *tree_sitter_c(void);

typedef struct {
  char *bytes;
  size_t length;
} Source;

static double cpu_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static char *read_all(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "native-parse: cannot open %s\n", path);
    exit(1);
  }
  size_t capacity = 1 << 16, n = 0, r;
  char *buf = malloc(capacity);
  while ((r = fread(buf + n, 1, capacity - n, f)) > 0) {
    n += r;
    if (n == capacity) buf = realloc(buf, capacity *= 2);
  }
  fclose(f);
  *length = n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 4 || (strcmp(argv[1], "rust") && strcmp(argv[1], "c"))) {
    fprintf(stderr, "usage: native-parse <rust|c> LIST_FILE ROUNDS\n");
    return 2;
  }
  const TSLanguage *language = strcmp(argv[1], "rust") == 0 ? tree_sitter_rust() : tree_sitter_c();
  int rounds = atoi(argv[3]);
  size_t list_length;
  char *list = read_all(argv[2], &list_length);
  list = realloc(list, list_length + 1);
  list[list_length] = 0;

  size_t count = 0, capacity = 1024, total = 0;
  Source *sources = malloc(capacity * sizeof(Source));
  for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
    if (count == capacity) sources = realloc(sources, (capacity *= 2) * sizeof(Source));
    sources[count].bytes = read_all(line, &sources[count].length);
    total += sources[count].length;
    count++;
  }

  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, language);
  for (int round = -1; round < rounds; round++) {
    int with_errors = 0;
    double start = cpu_seconds();
    for (size_t i = 0; i < count; i++) {
      TSTree *tree = ts_parser_parse_string(parser, NULL, sources[i].bytes, (uint32_t)sources[i].length);
      with_errors += ts_node_has_error(ts_tree_root_node(tree));
      ts_tree_delete(tree);
    }
    double seconds = cpu_seconds() - start;
    if (round >= 0) {
      printf("native %.3f %.3f %.3f %d\n", total / 1e6, seconds, total / 1e6 / seconds, with_errors);
      fflush(stdout);
    }
  }
  ts_parser_delete(parser);
  return 0;
}
